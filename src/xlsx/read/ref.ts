/** A1 references: "F12" ⇄ row/column numbers (1-based). */

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

const A1_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** Parses "F12" or "$F$12"; null when not a single in-range cell. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = A1_RE.exec(ref);
  if (!m) return null;
  const col = colToNum(m[1].toUpperCase());
  const row = Number(m[2]);
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
