/**
 * Parsing and quoting Excel addresses as Office.js reports them:
 * "指标填报!$F$5", "'填报 表'!$F$5", "=#REF!$F$5".
 */

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
export function cellToRowCol(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)/i.exec(cell);
  if (!m) throw new Error(`bad cell ${cell}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function colLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Zero-based row/col → "B7". */
export function rowColToCell(row: number, col: number): string {
  return `${colLetter(col)}${row + 1}`;
}
