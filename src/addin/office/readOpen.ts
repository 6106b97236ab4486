/**
 * Reads the open workbook as a PlanSheet return, in at most two
 * context.sync() round trips whatever the number of indicators:
 *   1. worksheets (+ protection), defined names, the legacy highlight store;
 *   2. the meta sheet's values, the entry sheet's code and target columns
 *      (values only, bounded by the last named row, never the used range:
 *      one whole-column format makes that a million rows) and every named
 *      value/remark/reporter cell's values, types and formulas, at once.
 * Nothing loads formats: marks are drawn by the template's own conditional
 * format (core/template/marks.ts), not by painting cells.
 * Values are read (not trusted from data validation), so a value pasted over
 * a validated cell is seen like any other.
 */

import type { ParsedReturn, RawCell, ReturnEntry, ReturnMeta, StructuralIssue } from '../../core/return/types';
import { ENTRY_COLUMNS, META_KEYS, META_MAGIC, REPORTER_NAMES, SHEETS, parseCellName } from '../../core/template/layout';
import type { ReaderIssueRule } from '../../core/engine';
import { MARK_NAME } from '../../core/template/marks';
import { cellKey, cellToRowCol, parseSheetAddress, type SheetCell } from './address';
import type { Caps } from './caps';
import { AddinError } from './errors';
import { MARKS_SETTING, parseMarks, type MarkStore } from './marks';

export interface OpenWorkbook {
  /** 'return' when the workbook carries PlanSheet metadata. */
  kind: 'return' | 'other';
  ret: ParsedReturn | null;
  sheets: string[];
  /** Protected sheets that do not allow formatting cells. */
  noFormatSheets: string[];
  /** Entry row of every value cell on the entry sheet, keyed by cellKey(sheet, cell): the rows marks can show on. */
  valueRows: Map<string, number>;
  /** Where marks are written (the entry sheet's hidden mark column, from the name PS_MARKS), or null for a return made before marks existed. */
  markColumn: SheetCell | null;
  /** Entry rows marked now (a number in the mark column). */
  markedRows: number[];
  /** Legacy: originals of cells painted by earlier versions of the pane (workbook settings), restored on the next check or clear. */
  marks: MarkStore;
}

interface LoadedName {
  name: string;
  at: SheetCell | null;
  range?: Excel.Range;
}

const VALUE_PROPS = 'values,valueTypes,formulas';
/** The protection load path in its documented form (not a sub-field of the options value object). */
export const SHEET_PROPS = 'items/name,items/protection/protected,items/protection/options';

export async function readOpenWorkbook(context: Excel.RequestContext, caps: Caps, source = ''): Promise<OpenWorkbook> {
  if (!caps.api14) throw new AddinError('err_excelTooOld', { set: '1.4' });
  const wb = context.workbook;
  // --- Round trip 1: what is there.
  const sheets = wb.worksheets.load(SHEET_PROPS);
  const names = wb.names.load('items/name,items/type,items/value');
  const marksItem = wb.settings.getItemOrNullObject(MARKS_SETTING).load('value');
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const noFormatSheets = sheets.items
    .filter((s) => s.protection.protected && !s.protection.options.allowFormatCells)
    .map((s) => s.name);
  const marks = parseMarks(marksItem.isNullObject ? null : marksItem.value);
  const markAt = names.items.find((n) => n.name === MARK_NAME);
  const markRef = markAt ? parseSheetAddress(String(markAt.value ?? '')) : null;
  const markColumn = markRef && sheetNames.includes(markRef.sheet) ? markRef : null;
  const base = { sheets: sheetNames, noFormatSheets, marks, valueRows: new Map<string, number>(), markColumn, markedRows: [] as number[] };
  if (!sheetNames.includes(SHEETS.meta)) return { kind: 'other', ret: null, ...base };

  // --- Round trip 2: every cell we need, loaded at once.
  const metaRange = wb.worksheets.getItem(SHEETS.meta).getUsedRange(true).load('values');
  const structural: StructuralIssue[] = [];
  const missingSheets = new Set<string>();
  for (const sheet of [SHEETS.entry, SHEETS.instructions]) if (!sheetNames.includes(sheet)) missingSheets.add(sheet);
  const loaded = new Map<string, LoadedName>();
  for (const n of names.items) {
    const ours = parseCellName(n.name) || Object.values(REPORTER_NAMES).includes(n.name as never);
    if (!ours) continue;
    const at = parseSheetAddress(String(n.value ?? ''));
    const item: LoadedName = { name: n.name, at };
    const code = parseCellName(n.name)?.code ?? '';
    if (!at) {
      // Reporter names break only with their sheet, reported as sheet-missing below.
      if (code) structural.push({ rule: 'reader.name-broken' satisfies ReaderIssueRule, params: { name: n.name, code } });
    } else if (!sheetNames.includes(at.sheet)) {
      // Excel turns names into #REF! when their sheet is deleted; kept for hosts that do not.
      missingSheets.add(at.sheet);
    } else {
      const isValue = n.name.startsWith('PSV_');
      item.range = wb.worksheets.getItem(at.sheet).getRange(at.cell).load(isValue ? VALUE_PROPS : 'values');
    }
    loaded.set(n.name, item);
  }
  // The entry sheet's code and target columns, down to the last named value row only.
  let lastRow = 0;
  for (const item of loaded.values()) if (item.range && item.at?.sheet === SHEETS.entry) lastRow = Math.max(lastRow, cellToRowCol(item.at.cell).row + 1);
  const entryRange = lastRow > 0 ? wb.worksheets.getItem(SHEETS.entry).getRange(`A1:${ENTRY_COLUMNS.target}${lastRow}`).load('values') : null;
  // The marks now in the mark column, down to the same row.
  const markLetters = markColumn ? markColumn.cell.split(':')[0].replace(/\d+$/, '') : '';
  const markRange = markColumn && lastRow > 0 ? wb.worksheets.getItem(markColumn.sheet).getRange(`${markLetters}1:${markLetters}${lastRow}`).load('values') : null;
  await context.sync();

  const meta = parseMeta(metaRange.values);
  if (!meta) return { kind: 'other', ret: null, ...base };
  for (const sheet of missingSheets) structural.push({ rule: 'reader.sheet-missing' satisfies ReaderIssueRule, params: { sheet } });
  const entrySheet = sheets.items.find((s) => s.name === SHEETS.entry);
  if (entrySheet && !entrySheet.protection.protected) structural.push({ rule: 'reader.protection-removed' satisfies ReaderIssueRule, params: {} });

  const entryGrid = entryRange ? gridOf(`${SHEETS.entry}!A1`, entryRange.values) : null;
  if (markRange) base.markedRows = markRange.values.flatMap((row, i) => (typeof row[0] === 'number' && row[0] > 0 ? [i + 1] : []));
  const entries = new Map<string, ReturnEntry>();
  const codes = [...meta.codes];
  for (const [name] of loaded) {
    const p = parseCellName(name);
    if (p && p.kind === 'value' && !codes.includes(p.code)) codes.push(p.code);
  }
  for (const code of codes) {
    const v = loaded.get(`PSV_${code.replace(/-/g, '_')}`);
    if (!v) {
      structural.push({ rule: 'reader.name-missing' satisfies ReaderIssueRule, params: { name: `PSV_${code.replace(/-/g, '_')}`, code } });
      continue;
    }
    if (!v.range || !v.at) continue;
    const r = v.range;
    const at = v.at;
    const rk = loaded.get(`PSR_${code.replace(/-/g, '_')}`);
    const remarkText = rk?.range ? String(rk.range.values[0][0] ?? '').trim() : '';
    const entry: ReturnEntry = {
      code,
      value: rawCell(r.values[0][0], r.valueTypes[0][0], r.formulas[0][0]),
      remark: remarkText === '' ? null : remarkText,
      valueAt: { sheet: at.sheet, cell: at.cell },
      remarkAt: rk?.at ? { sheet: rk.at.sheet, cell: rk.at.cell } : undefined,
    };
    if (entryGrid && at.sheet === SHEETS.entry) {
      const { row } = cellToRowCol(at.cell);
      entry.shownCode = entryGrid.text(row, ENTRY_COLUMNS.code);
      entry.shownTarget = entryGrid.text(row, ENTRY_COLUMNS.target);
    }
    entries.set(code, entry);
    if (at.sheet === SHEETS.entry && !at.cell.includes(':')) base.valueRows.set(cellKey(at.sheet, at.cell), cellToRowCol(at.cell).row + 1);
  }

  const reporter: ParsedReturn['reporter'] = {};
  for (const [key, name] of Object.entries(REPORTER_NAMES) as [keyof typeof REPORTER_NAMES, string][]) {
    const r = loaded.get(name)?.range;
    const text = r ? String(r.values[0][0] ?? '').trim() : '';
    if (text) reporter[key] = text;
  }
  const ret: ParsedReturn = { source, meta, reporter, entries, structural };
  return { kind: 'return', ret, ...base };
}

export function parseMeta(values: unknown[][]): ReturnMeta | null {
  const kv = new Map<string, string>();
  for (const row of values) {
    const k = String(row[0] ?? '').trim();
    if (k) kv.set(k, String(row[1] ?? '').trim());
  }
  if (kv.get(META_KEYS.magic) !== META_MAGIC) return null;
  const codes = (kv.get(META_KEYS.codes) ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    formatVersion: kv.get(META_KEYS.formatVersion) ?? '',
    planId: kv.get(META_KEYS.planId) ?? '',
    planHash: kv.get(META_KEYS.planHash) ?? '',
    unitCode: kv.get(META_KEYS.unitCode) ?? '',
    unitName: kv.get(META_KEYS.unitName) || undefined,
    period: kv.get(META_KEYS.period) ?? '',
    generatedAt: kv.get(META_KEYS.generatedAt) || undefined,
    codes,
  };
}

/** Office.js value + valueType + formula → the neutral RawCell. */
export function rawCell(value: unknown, valueType: string, formula: unknown): RawCell {
  const plain = plainCell(value, valueType);
  if (typeof formula === 'string' && formula.startsWith('=')) {
    return { type: 'formula', formula: formula.slice(1), cached: plain };
  }
  return plain;
}

function plainCell(value: unknown, valueType: string): RawCell {
  switch (valueType) {
    case 'Empty':
      return { type: 'empty' };
    case 'Double':
    case 'Integer':
      return { type: 'number', value: Number(value) };
    case 'Boolean':
      return { type: 'boolean', value: Boolean(value) };
    case 'Error':
      return { type: 'error', value: String(value) };
  }
  if (value === '' || value === null || value === undefined) return { type: 'empty' };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  return { type: 'text', value: String(value) };
}

/** A used range's values addressable by absolute row and column letter. */
function gridOf(address: string, values: unknown[][]) {
  const at = parseSheetAddress(address);
  const origin = at ? cellToRowCol(at.cell.split(':')[0]) : { row: 0, col: 0 };
  return {
    text(row: number, colLetter: string): string | undefined {
      const col = cellToRowCol(`${colLetter}1`).col;
      const v = values[row - origin.row]?.[col - origin.col];
      return v === undefined || v === null ? undefined : String(v).trim();
    },
  };
}
