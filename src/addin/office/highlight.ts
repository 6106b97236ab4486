/**
 * Marks the cells that have findings, and clears the marks. The template's
 * conditional format of highest priority colours a value cell whose row has
 * a mark level in the entry sheet's hidden mark column (core/template/marks.ts), so
 * marking is one values write into that column and clearing empties it: the
 * cells' own formats are never touched, and the mark shows whatever they are.
 * Writing marks is one context.sync() whatever the number of cells; what is
 * marked now comes from the check's read (readOpenWorkbook).
 *
 * Earlier versions painted fills and stored the originals in the workbook
 * settings (marks.ts); those are put back and the store deleted whenever
 * marks are written or cleared.
 */

import type { Finding } from '../../core/rules/finding';
import { MARK_LEVEL, MARK_NAME, MARK_ROWS } from '../../core/template/marks';
import { cellKey, parseSheetAddress, type SheetCell } from './address';
import { MARKS_SETTING, parseMarks, serializeMarks, type CellFormat, type MarkStore } from './marks';
import type { OpenWorkbook } from './readOpen';
import { SHEET_PROPS } from './readOpen';

export interface HighlightResult {
  /** Cells marked. */
  marked: number;
  /** Cells with findings that cannot show a mark (not a value cell of the entry sheet). */
  unmarkable: number;
  /** False for a return made before marks existed: nothing can be marked, the list is the guide. */
  available: boolean;
}

type MarkState = Pick<OpenWorkbook, 'valueRows' | 'markColumn' | 'markedRows' | 'marks' | 'noFormatSheets' | 'sheets'> & { marksStored?: boolean };

/** Entry row → the worst severity's mark level, for findings on value cells. */
export function markLevels(state: Pick<OpenWorkbook, 'valueRows'>, findings: Finding[]): { levels: Map<number, number>; unmarkable: number } {
  const levels = new Map<number, number>();
  const other = new Set<string>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const key = cellKey(f.sheet, f.cell);
    const row = state.valueRows.get(key);
    if (row === undefined || row > MARK_ROWS) {
      other.add(key);
      continue;
    }
    levels.set(row, Math.max(levels.get(row) ?? 0, MARK_LEVEL[f.severity]));
  }
  return { levels, unmarkable: other.size };
}

export async function applyHighlights(context: Excel.RequestContext, state: MarkState, findings: Finding[]): Promise<HighlightResult> {
  const wb = context.workbook;
  restoreLegacy(wb, state.marks, state.sheets, state.noFormatSheets, state.marksStored ?? Object.keys(state.marks).length > 0);
  const { levels, unmarkable } = markLevels(state, findings);
  if (!state.markColumn) {
    await context.sync();
    return { marked: 0, unmarkable: unmarkable + levels.size, available: false };
  }
  // One column block from row 1 to the last row marked now or before: new levels, blanks elsewhere.
  const last = Math.max(0, ...levels.keys(), ...state.markedRows);
  if (last > 0) {
    const values = Array.from({ length: last }, (_, i) => [levels.get(i + 1) ?? '']);
    markRange(wb, state.markColumn, last).values = values;
  }
  await context.sync();
  return { marked: levels.size, unmarkable, available: true };
}

/**
 * Clears every mark: two round trips (what is there, then the write). The
 * mark column is emptied through its defined name, so a return whose rows
 * moved is cleared all the same.
 */
export interface ClearResult {
  /** The mark column was emptied (false: a return made before marks existed). */
  cleared: boolean;
  /** Cells painted by an earlier version and put back. */
  restored: number;
  /** Sheets whose painted cells could not be put back (protected against formatting). */
  skippedSheets: string[];
}

export async function clearHighlights(context: Excel.RequestContext): Promise<ClearResult> {
  const wb = context.workbook;
  const item = wb.settings.getItemOrNullObject(MARKS_SETTING).load('value');
  const sheets = wb.worksheets.load(SHEET_PROPS);
  const names = wb.names.load('items/name,items/value');
  await context.sync();
  const legacy = parseMarks(item.isNullObject ? null : item.value);
  const sheetNames = sheets.items.map((s) => s.name);
  const locked = sheets.items.filter((s) => s.protection.protected && !s.protection.options.allowFormatCells).map((s) => s.name);
  const skipped = restoreLegacy(wb, legacy, sheetNames, locked, !item.isNullObject);
  const markAt = names.items.find((n) => n.name === MARK_NAME);
  const column = markAt ? parseSheetAddress(String(markAt.value ?? '')) : null;
  const cleared = !!column && sheetNames.includes(column.sheet);
  if (cleared) wb.worksheets.getItem(column.sheet).getRange(column.cell).clear('Contents' as Excel.ClearApplyTo);
  await context.sync();
  const restored = Object.entries(legacy).filter(([, m]) => sheetNames.includes(m.sheet)).length - skipped.kept;
  return { cleared, restored, skippedSheets: skipped.sheets };
}

/** Rows 1…last of the mark column. */
function markRange(wb: Excel.Workbook, column: SheetCell, last: number): Excel.Range {
  const letters = column.cell.split(':')[0].replace(/\d+$/, '');
  return wb.worksheets.getItem(column.sheet).getRange(`${letters}1:${letters}${last}`);
}

/** Puts back what earlier versions painted; cells on sheets that forbid formatting stay stored. */
function restoreLegacy(wb: Excel.Workbook, marks: MarkStore, sheets: string[], locked: string[], exists: boolean): { kept: number; sheets: string[] } {
  const keep: MarkStore = {};
  const skipped = new Set<string>();
  for (const [key, mark] of Object.entries(marks)) {
    if (!sheets.includes(mark.sheet)) continue; // sheet gone: nothing to restore
    if (locked.includes(mark.sheet)) {
      keep[key] = mark;
      skipped.add(mark.sheet);
      continue;
    }
    restore(wb.worksheets.getItem(mark.sheet).getRange(mark.cell), mark.original);
  }
  if (Object.keys(keep).length > 0) wb.settings.add(MARKS_SETTING, serializeMarks(keep));
  else if (exists) wb.settings.getItem(MARKS_SETTING).delete();
  return { kept: Object.keys(keep).length, sheets: [...skipped] };
}

function restore(r: Excel.Range, original: CellFormat): void {
  if (original.fill === null) r.format.fill.clear();
  else r.format.fill.color = original.fill;
  r.format.font.color = original.font ?? '#000000';
}
