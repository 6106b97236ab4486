/** A1 references: "F12" ⇄ row/column numbers (1-based). Shared by every workbook adapter. */

export const MAX_COL = 16384;
export const MAX_ROW = 1048576;

export function colToNum(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

export function numToCol(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

export function a1(row: number, col: number): string {
  return numToCol(col) + row;
}

/** Parses "F12" or "$F$12"; null when not a single in-range cell. (Hand-rolled: hot in sheet parsing.) */
export function parseA1(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const c0 = i;
  for (; i < n; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === c0 || i - c0 > 3) return null;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const r0 = i;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (i === r0 || i - r0 > 7) return null;
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return null;
  return { row, col };
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses "F5:G6" (or a single cell) into a normalised range. */
export function parseRange(ref: string): Range | null {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function cellKey(row: number, col: number): number {
  return row * (MAX_COL + 1) + col;
}
