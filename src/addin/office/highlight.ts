/**
 * Colours the cells that have findings and restores them. Writing highlights
 * is one context.sync() whatever the number of cells; the originals come from
 * the check's read (readOpenWorkbook) so no extra read is needed.
 */

import type { Finding, Severity } from '../../core/rules/finding';
import { cellKey } from './address';
import { HIGHLIGHT, MARKS_SETTING, parseMarks, serializeMarks, type CellFormat, type MarkStore } from './marks';
import type { OpenWorkbook } from './readOpen';

export interface HighlightResult {
  marked: number;
  /** Protected sheets whose cells were left unmarked. */
  skippedSheets: string[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export async function applyHighlights(
  context: Excel.RequestContext,
  state: Pick<OpenWorkbook, 'formats' | 'marks' | 'noFormatSheets' | 'sheets'> & { marksStored?: boolean },
  findings: Finding[],
): Promise<HighlightResult> {
  // Worst severity per cell.
  const want = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const key = cellKey(f.sheet, f.cell);
    const cur = want.get(key);
    if (!cur || RANK[f.severity] > RANK[cur.severity]) want.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  const wb = context.workbook;
  const skipped = new Set<string>();
  const store: MarkStore = {};
  let marked = 0;
  // Cells marked before but fine now get their original back.
  for (const [key, mark] of Object.entries(state.marks)) {
    if (want.has(key)) continue;
    if (!state.sheets.includes(mark.sheet)) continue; // sheet gone: nothing to restore
    if (state.noFormatSheets.includes(mark.sheet)) {
      store[key] = mark;
      continue;
    }
    restore(wb.worksheets.getItem(mark.sheet).getRange(mark.cell), mark.original);
  }
  for (const [key, w] of want) {
    if (!state.sheets.includes(w.sheet)) continue;
    if (state.noFormatSheets.includes(w.sheet)) {
      skipped.add(w.sheet);
      continue;
    }
    const original = state.marks[key]?.original ?? state.formats.get(key);
    // Only cells whose original we know are touched, so clearing is exact.
    if (!original) continue;
    store[key] = { sheet: w.sheet, cell: w.cell, original };
    const r = wb.worksheets.getItem(w.sheet).getRange(w.cell);
    r.format.fill.color = HIGHLIGHT[w.severity].fill;
    r.format.font.color = HIGHLIGHT[w.severity].font;
    marked++;
  }
  writeStore(wb, store, state.marksStored ?? Object.keys(state.marks).length > 0);
  await context.sync();
  return { marked, skippedSheets: [...skipped] };
}

/** Restores every marked cell; two round trips (read the store, write back). */
export async function clearHighlights(context: Excel.RequestContext): Promise<{ restored: number; skippedSheets: string[] }> {
  const wb = context.workbook;
  const item = wb.settings.getItemOrNullObject(MARKS_SETTING).load('value');
  const sheets = wb.worksheets.load('items/name,items/protection/protected,items/protection/options/allowFormatCells');
  await context.sync();
  const marks = parseMarks(item.isNullObject ? null : item.value);
  const names = new Set(sheets.items.map((s) => s.name));
  const locked = new Set(
    sheets.items.filter((s) => s.protection.protected && !s.protection.options.allowFormatCells).map((s) => s.name),
  );
  const keep: MarkStore = {};
  const skipped = new Set<string>();
  let restored = 0;
  for (const [key, mark] of Object.entries(marks)) {
    if (!names.has(mark.sheet)) continue;
    if (locked.has(mark.sheet)) {
      keep[key] = mark;
      skipped.add(mark.sheet);
      continue;
    }
    restore(wb.worksheets.getItem(mark.sheet).getRange(mark.cell), mark.original);
    restored++;
  }
  writeStore(wb, keep, !item.isNullObject);
  await context.sync();
  return { restored, skippedSheets: [...skipped] };
}

function restore(r: Excel.Range, original: CellFormat): void {
  if (original.fill === null) r.format.fill.clear();
  else r.format.fill.color = original.fill;
  r.format.font.color = original.font ?? '#000000';
}

/** Saves the store; an empty store deletes the setting (only if it exists). */
function writeStore(wb: Excel.Workbook, store: MarkStore, exists: boolean): void {
  if (Object.keys(store).length > 0) wb.settings.add(MARKS_SETTING, serializeMarks(store));
  else if (exists) wb.settings.getItem(MARKS_SETTING).delete();
}
