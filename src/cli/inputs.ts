/**
 * Finding and reading the returns named on the command line, for validate
 * and consolidate. One bad path or file never stops the others: every
 * problem becomes an entry the command reports.
 */

import * as fs from 'fs';
import * as path from 'path';
import type { ParsedReturn } from '../core/return/types';
import type { Lang } from './lang';
import { t } from './lang';
import { UsageError } from './errors';

/** Workbook extensions consolidate picks up in directories. */
const WORKBOOK_EXT = /\.(xlsx|xlsm|xls)$/i;

export interface InputProblem {
  file: string;
  /** Stable id: file.not-found, file.is-directory, file.not-readable. */
  rule: string;
  message: string;
}

/** Excel/WPS lock files (~$name.xlsx) and our own temp files (.name.tmp). */
function isScratch(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.');
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (isScratch(e.name)) continue;
    const p = path.join(dir, e.name);
    // Symbolic links to directories are not followed (no loops); linked files are read.
    if (e.isDirectory()) walk(p, out);
    else if ((e.isFile() || e.isSymbolicLink()) && WORKBOOK_EXT.test(e.name)) out.push(p);
  }
}

export interface CollectOptions {
  /** Accept directories (read recursively); otherwise a directory is a problem. */
  directories: boolean;
  /** Absolute paths never to treat as inputs (the output file). */
  exclude?: string[];
  lang: Lang;
}

/** Expands the arguments into files, in argument order, without duplicates. */
export function collectInputs(args: string[], opts: CollectOptions): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const excluded = new Set((opts.exclude ?? []).map((p) => path.resolve(p)));
  const add = (f: string) => {
    const key = path.resolve(f);
    if (seen.has(key) || excluded.has(key)) return;
    seen.add(key);
    files.push(f);
  };
  for (const arg of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch {
      problems.push({
        file: arg,
        rule: 'file.not-found',
        message: t(opts.lang, `文件或目录不存在：${arg}`, `No such file or directory: ${arg}`),
      });
      continue;
    }
    if (st.isDirectory()) {
      if (!opts.directories) {
        problems.push({
          file: arg,
          rule: 'file.is-directory',
          message: t(
            opts.lang,
            `${arg} 是目录，请指定填报表文件（如 ${path.join(arg, '*.xlsx')}），或用 plansheet consolidate 处理整个目录`,
            `${arg} is a directory: name the return files (e.g. ${path.join(arg, '*.xlsx')}), or use plansheet consolidate for a whole directory`,
          ),
        });
        continue;
      }
      const found: string[] = [];
      try {
        walk(arg, found);
      } catch (e) {
        problems.push({
          file: arg,
          rule: 'file.not-readable',
          message: t(opts.lang, `无法读取目录 ${arg}：${(e as Error).message}`, `Cannot read directory ${arg}: ${(e as Error).message}`),
        });
        continue;
      }
      found.forEach(add);
    } else add(arg);
  }
  return { files, problems };
}

export type ReadOutcome =
  | { file: string; ok: true; ret: ParsedReturn }
  | { file: string; ok: false; rule: string; message: string };

/** Reads each file with the Node reader; never throws for a bad file. */
export async function readInputs(files: string[], lang: Lang, onFile?: (file: string) => void): Promise<ReadOutcome[]> {
  const { readReturnFile } = await import('../xlsx/read/node');
  const out: ReadOutcome[] = [];
  for (const file of files) {
    let outcome: ReadOutcome;
    try {
      const r = await readReturnFile(file, { lang });
      outcome = r.ok ? { file, ok: true, ret: r.ret } : { file, ok: false, rule: `file.${r.code}`, message: r.message };
    } catch (e) {
      outcome = { file, ok: false, rule: 'file.internal', message: `${file}: ${(e as Error).message}` };
    }
    out.push(outcome);
    onFile?.(file);
  }
  return out;
}

/** Returns of earlier periods for the cumulative rules (unreadable ones are skipped with a note). */
export async function readPrevious(dir: string | undefined, lang: Lang, stderr: NodeJS.WritableStream): Promise<ParsedReturn[]> {
  if (!dir) return [];
  const { files, problems } = collectInputs([dir], { directories: true, lang });
  // A mistyped --previous would silently switch the cumulative checks off.
  if (problems.length)
    throw new UsageError(`--previous：${problems[0].message}`, `--previous: ${collectInputs([dir], { directories: true, lang: 'en' }).problems[0].message}`);
  const read = await readInputs(files, lang);
  for (const r of read)
    if (!r.ok) stderr.write(`${t(lang, '提示', 'note')}: --previous ${t(lang, '跳过', 'skipped')}: ${r.message}\n`);
  return read.filter((r): r is Extract<ReadOutcome, { ok: true }> => r.ok).map((r) => r.ret);
}
