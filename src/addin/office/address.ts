/**
 * Parsing and quoting Excel addresses as Office.js reports them:
 * "指标填报!$F$5", "'填报 表'!$F$5", "=#REF!$F$5".
 */

import { numToCol, parseA1 } from '../../core/a1';

export interface SheetCell {
  sheet: string;
  /** A1 address without $ (F5 or F5:G6). */
  cell: string;
}

/** Splits a sheet-qualified address; null when it is not one (or #REF!). */
export function parseSheetAddress(text: string): SheetCell | null {
  let s = text.trim();
  if (s.startsWith('=')) s = s.slice(1);
  if (s.includes('#REF!')) return null;
  let sheet: string;
  let rest: string;
  if (s.startsWith("'")) {
    const end = s.indexOf("'!", 1);
    // Within quotes an apostrophe is doubled.
    let i = 1;
    let name = '';
    for (; i < s.length; i++) {
      if (s[i] === "'" && s[i + 1] === "'") {
        name += "'";
        i++;
      } else if (s[i] === "'") break;
      else name += s[i];
    }
    if (end < 0 || s[i + 1] !== '!') return null;
    sheet = name;
    rest = s.slice(i + 2);
  } else {
    const bang = s.lastIndexOf('!');
    if (bang < 1) return null;
    sheet = s.slice(0, bang);
    rest = s.slice(bang + 1);
  }
  const cell = rest.replace(/\$/g, '');
  if (!/^[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?$/i.test(cell)) return null;
  return { sheet, cell: cell.toUpperCase() };
}

/** Quotes a sheet name the way Excel does: only when it has spaces or punctuation. */
export function quoteSheet(sheet: string): string {
  return /^[^\s'!\-()+,;{}[\]0-9][^\s'!\-()+,;{}[\]]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function cellKey(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

/** "F12" → {col: 5, row: 11} (zero-based). */
/** "B7" → zero-based row/col (Office.js ranges are zero-based). */
export function cellToRowCol(cell: string): { row: number; col: number } {
  const p = parseA1(cell);
  if (!p) throw new Error(`bad cell ${cell}`);
  return { row: p.row - 1, col: p.col - 1 };
}

/** Zero-based column → letters. */
export function colLetter(col: number): string {
  return numToCol(col + 1);
}

/** Zero-based row/col → "B7". */
export function rowColToCell(row: number, col: number): string {
  return `${colLetter(col)}${row + 1}`;
}
