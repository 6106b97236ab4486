/**
 * Recognises a PlanSheet entry block in any grid of cell values: the header
 * row (ENTRY_HEADERS) and the indicator codes beneath it in the code column.
 * Used when the defined names are gone, for workbooks without metadata, and
 * by the add-in for entry sheets copied into another workbook (it passes
 * Office.js range values), so it works on plain values only.
 */

import { ENTRY_HEADERS } from '../../core/template/layout';

export type GridValue = string | number | boolean | null | undefined;

export type EntryField = keyof typeof ENTRY_HEADERS;

export interface EntryBlock {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 1-based sheet column of each header found; code and value are always present. */
  columns: Partial<Record<EntryField, number>> & { code: number; value: number };
  /** Indicator rows in sheet order (1-based sheet rows), codes as shown. */
  rows: { code: string; row: number }[];
}

/** Same pattern as CODE_RE in core/plan/schema.ts (not imported, to keep zod out of this path). */
const CODE_RE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** How far down and across a header is looked for. */
const HEADER_SCAN_ROWS = 60;
const HEADER_SCAN_COLS = 40;

function norm(v: GridValue): string {
  if (v === null || v === undefined) return '';
  // Drop all spaces (including the full-width one) and unify full-width brackets.
  return String(v).replace(/[\s\u3000]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function headerField(text: string): EntryField | null {
  if (!text) return null;
  for (const [field, header] of Object.entries(ENTRY_HEADERS) as [EntryField, string][]) {
    if (text === norm(header)) return field;
  }
  // The remark header carries an explanation in brackets that people shorten.
  if (text.startsWith('备注')) return 'remark';
  return null;
}

/** Looks up a cell by 1-based sheet row and column. */
export type CellGetter = (row: number, col: number) => GridValue;

/** Finds the entry block through a cell accessor; the reader's entry point. */
export function findEntryBlockIn(get: CellGetter, firstRow: number, firstCol: number, lastRow: number, lastCol: number): EntryBlock | null {
  const hLast = Math.min(lastRow, firstRow + HEADER_SCAN_ROWS - 1);
  const cLast = Math.min(lastCol, firstCol + HEADER_SCAN_COLS - 1);
  for (let r = firstRow; r <= hLast; r++) {
    const cols: Partial<Record<EntryField, number>> = {};
    for (let c = firstCol; c <= cLast; c++) {
      const f = headerField(norm(get(r, c)));
      if (f && cols[f] === undefined) cols[f] = c;
    }
    if (cols.code === undefined || cols.value === undefined) continue;
    const columns = { ...cols, code: cols.code, value: cols.value };
    const rows: { code: string; row: number }[] = [];
    for (let rr = r + 1; rr <= lastRow; rr++) {
      const code = norm(get(rr, columns.code));
      if (code && CODE_RE.test(code)) rows.push({ code, row: rr });
    }
    return { headerRow: r, columns, rows };
  }
  return null;
}

/**
 * Finds the entry block in a 2-D array of values (e.g. Office.js
 * `range.values`). `origin` is the sheet row/column of grid[0][0] (1-based),
 * so the rows and columns returned are sheet positions.
 */
export function findEntryBlock(grid: GridValue[][], origin: { row: number; col: number } = { row: 1, col: 1 }): EntryBlock | null {
  const width = grid.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  return findEntryBlockIn(
    (row, col) => grid[row - origin.row]?.[col - origin.col],
    origin.row,
    origin.col,
    origin.row + grid.length - 1,
    origin.col + width - 1,
  );
}
