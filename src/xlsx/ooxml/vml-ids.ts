/**
 * Cell notes are VML shapes, one drawing part per sheet. Excel numbers their
 * shapes workbook-wide: each part claims blocks of 1024 ids in
 * `<o:idmap data="…">` and its shapes take ids from those blocks
 * (`_x0000_s1025` is block 1). ExcelJS gives every sheet's part block 1, so a
 * workbook with notes on two sheets has clashing shape ids, which Excel
 * "repairs" by dropping notes. Here each part gets blocks of its own.
 */

import type { PackageParts } from './package';

const VML_PART = /^xl\/drawings\/vmlDrawing(\d+)\.vml$/;
const BLOCK = 1024;

const dec = new TextDecoder();
const enc = new TextEncoder();

export function renumberVmlShapes(parts: PackageParts): void {
  const names = Object.keys(parts)
    .filter((n) => VML_PART.test(n))
    .sort((a, b) => Number(VML_PART.exec(a)![1]) - Number(VML_PART.exec(b)![1]));
  if (names.length < 2) return;
  let next = 1;
  for (const name of names) {
    const xml = dec.decode(parts[name]);
    const shapes = xml.match(/<v:shape\b[^>]*\bid="_x0000_s\d+"/g)?.length ?? 0;
    const blocks = Math.max(1, Math.ceil((shapes + 1) / BLOCK));
    const first = next;
    next += blocks;
    let k = 0;
    const out = xml
      .replace(/(<o:idmap\b[^>]*\bdata=")[^"]*(")/, (_, a: string, b: string) => `${a}${Array.from({ length: blocks }, (_x, i) => first + i).join(',')}${b}`)
      .replace(/(<v:shape\b[^>]*\bid="_x0000_s)\d+(")/g, (_, a: string, b: string) => `${a}${first * BLOCK + 1 + k++}${b}`);
    parts[name] = enc.encode(out);
  }
}
