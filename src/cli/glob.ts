/**
 * Wildcards the shell did not expand. On Windows, cmd and PowerShell pass
 * `returns\*.xlsx` to the program as written; POSIX shells leave a pattern
 * that matches nothing as is too. Supports * ? and [..] in any path segment;
 * no ** (directories are searched recursively anyway).
 */

import * as fs from 'fs';
import * as path from 'path';

export function hasWildcard(arg: string): boolean {
  return /[*?[]/.test(arg);
}

function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/\\\\]*';
    else if (c === '?') re += '[^/\\\\]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  // Windows file names are case-insensitive; so is matching there.
  return new RegExp(`^${re}$`, process.platform === 'win32' ? 'i' : '');
}

/** Paths matching the pattern, sorted by name; hidden and lock files only when the pattern asks for them. */
export function expandWildcard(pattern: string): string[] {
  const parsed = path.parse(pattern);
  const root = parsed.root;
  const segs = pattern.slice(root.length).split(/[\\/]+/).filter(Boolean);
  let bases = [root || '.'];
  segs.forEach((seg, k) => {
    const last = k === segs.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      if (!hasWildcard(seg)) {
        const p = path.join(base, seg);
        if (fs.existsSync(p)) next.push(p);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdirSync(base).sort();
      } catch {
        continue;
      }
      const re = segmentRegex(seg);
      for (const n of names) {
        if ((n.startsWith('.') || n.startsWith('~$')) && !seg.startsWith('.') && !seg.startsWith('~')) continue;
        if (!re.test(n)) continue;
        const p = path.join(base, n);
        if (!last) {
          try {
            if (!fs.statSync(p).isDirectory()) continue;
          } catch {
            continue;
          }
        }
        next.push(p);
      }
    }
    bases = next;
  });
  return bases;
}
