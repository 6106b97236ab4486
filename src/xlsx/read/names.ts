/** Defined-name formulas → the single cell they point to. */

import { parseA1 } from '../../core/a1';

export type NameTarget =
  | { kind: 'cell'; sheet: string; row: number; col: number; range: boolean }
  /** #REF!, another workbook, or anything that is not one cell of this workbook. */
  | { kind: 'broken' };

/**
 * Parses "'指标填报'!$F$5", "Sheet1!$A$1", "'it''s'!$B$2:$B$2". A range's
 * top-left cell is used and flagged with range=true.
 */
export function parseNameTarget(formula: string): NameTarget {
  const f = formula.trim().replace(/^=/, '');
  if (f.includes('#REF!') || f.startsWith('[')) return { kind: 'broken' };
  let sheet: string;
  let rest: string;
  if (f.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      const q = f.indexOf("'", i);
      if (q < 0) return { kind: 'broken' };
      name += f.slice(i, q);
      if (f[q + 1] === "'") {
        name += "'";
        i = q + 2;
        continue;
      }
      i = q + 1;
      break;
    }
    if (f[i] !== '!') return { kind: 'broken' };
    sheet = name;
    rest = f.slice(i + 1);
  } else {
    const bang = f.lastIndexOf('!');
    if (bang < 0) return { kind: 'broken' };
    sheet = f.slice(0, bang);
    rest = f.slice(bang + 1);
  }
  if (sheet.startsWith('[')) return { kind: 'broken' };
  const [a, b] = rest.split(':');
  const p = parseA1(a);
  if (!p) return { kind: 'broken' };
  if (b !== undefined) {
    const q = parseA1(b);
    if (!q) return { kind: 'broken' };
    return { kind: 'cell', sheet, row: p.row, col: p.col, range: q.row !== p.row || q.col !== p.col };
  }
  return { kind: 'cell', sheet, row: p.row, col: p.col, range: false };
}
