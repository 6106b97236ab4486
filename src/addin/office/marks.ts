/**
 * Legacy: the highlight store of earlier versions, which painted cells (a
 * painted fill never showed under the entry sheet's conditional formats; marks
 * are now drawn by the template's own rule, see highlight.ts). Kept so that
 * cells painted then are put back. Before the pane coloured a cell it records the cell's
 * original fill and font colour; "清除标记" puts them back exactly. The store
 * lives in the workbook's own settings (Excel.SettingCollection, saved with
 * the file), so marks can still be cleared after the pane is closed or the
 * workbook reopened. A cell highlighted again keeps its first-recorded
 * original, never the highlight colour.
 */

export const MARKS_SETTING = 'plansheet.marks';

export interface CellFormat {
  /** Fill colour "#RRGGBB", or null for no fill. */
  fill: string | null;
  /** Font colour, or null when unknown (restored as automatic black). */
  font: string | null;
}

export interface Mark {
  sheet: string;
  cell: string;
  original: CellFormat;
}

/** cellKey(sheet, cell) → mark. */
export type MarkStore = Record<string, Mark>;

export function parseMarks(value: unknown): MarkStore {
  if (value === null || value === undefined || value === '') return {};
  try {
    const v = typeof value === 'string' ? JSON.parse(value) : value;
    if (v && typeof v === 'object' && v.version === 1 && v.cells && typeof v.cells === 'object') return v.cells as MarkStore;
  } catch {
    /* a damaged store is treated as empty: nothing to restore */
  }
  return {};
}

export function serializeMarks(store: MarkStore): string {
  return JSON.stringify({ version: 1, cells: store });
}
