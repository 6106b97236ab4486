/**
 * Reads the open workbook as a PlanSheet return, in at most two
 * context.sync() round trips whatever the number of indicators:
 *   1. worksheets (+ protection), defined names, the highlight store;
 *   2. the meta sheet, the entry sheet's used range and every named
 *      value/remark/reporter cell (values, types, formulas, formats) at once.
 * Values are read (not trusted from data validation), so a value pasted over
 * a validated cell is seen like any other.
 */

import type { ParsedReturn, RawCell, ReturnEntry, ReturnMeta, StructuralIssue } from '../../core/return/types';
import { ENTRY_COLUMNS, META_KEYS, META_MAGIC, REPORTER_NAMES, SHEETS, parseCellName } from '../../core/template/layout';
import type { ReaderIssueRule } from '../../core/engine';
import { cellKey, cellToRowCol, parseSheetAddress, type SheetCell } from './address';
import type { Caps } from './caps';
import { AddinError } from './errors';
import { MARKS_SETTING, parseMarks, type CellFormat, type MarkStore } from './marks';

export interface OpenWorkbook {
  /** 'return' when the workbook carries PlanSheet metadata. */
  kind: 'return' | 'other';
  ret: ParsedReturn | null;
  sheets: string[];
  /** Protected sheets that do not allow formatting cells. */
  noFormatSheets: string[];
  /** Current format of every value cell, keyed by cellKey(sheet, cell). */
  formats: Map<string, CellFormat>;
  /** Originals of cells highlighted earlier (persisted in workbook settings). */
  marks: MarkStore;
}

interface LoadedName {
  name: string;
  at: SheetCell | null;
  range?: Excel.Range;
}

const RANGE_PROPS = 'address,values,valueTypes,formulas,format/fill/color,format/font/color';

export async function readOpenWorkbook(context: Excel.RequestContext, caps: Caps, source = ''): Promise<OpenWorkbook> {
  if (!caps.api14) throw new AddinError('err_excelTooOld', { set: '1.4' });
  const wb = context.workbook;
  // --- Round trip 1: what is there.
  const sheets = wb.worksheets.load('items/name,items/protection/protected,items/protection/options/allowFormatCells');
  const names = wb.names.load('items/name,items/type,items/value');
  const marksItem = wb.settings.getItemOrNullObject(MARKS_SETTING).load('value');
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const noFormatSheets = sheets.items
    .filter((s) => s.protection.protected && !s.protection.options.allowFormatCells)
    .map((s) => s.name);
  const marks = parseMarks(marksItem.isNullObject ? null : marksItem.value);
  const base = { sheets: sheetNames, noFormatSheets, marks, formats: new Map<string, CellFormat>() };
  if (!sheetNames.includes(SHEETS.meta)) return { kind: 'other', ret: null, ...base };

  // --- Round trip 2: every cell we need, loaded at once.
  const metaRange = wb.worksheets.getItem(SHEETS.meta).getUsedRange(true).load('values');
  const entryRange = sheetNames.includes(SHEETS.entry) ? wb.worksheets.getItem(SHEETS.entry).getUsedRange().load('address,values') : null;
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
      item.range = wb.worksheets.getItem(at.sheet).getRange(at.cell).load(isValue ? RANGE_PROPS + (caps.fillPattern ? ',format/fill/pattern' : '') : 'values');
    }
    loaded.set(n.name, item);
  }
  await context.sync();

  const meta = parseMeta(metaRange.values);
  if (!meta) return { kind: 'other', ret: null, ...base };
  for (const sheet of missingSheets) structural.push({ rule: 'reader.sheet-missing' satisfies ReaderIssueRule, params: { sheet } });
  const entrySheet = sheets.items.find((s) => s.name === SHEETS.entry);
  if (entrySheet && !entrySheet.protection.protected) structural.push({ rule: 'reader.protection-removed' satisfies ReaderIssueRule, params: {} });

  const entryGrid = entryRange ? gridOf(entryRange.address, entryRange.values) : null;
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
    const fill = r.format.fill;
    const pattern = caps.fillPattern ? (fill as { pattern?: string }).pattern : undefined;
    base.formats.set(cellKey(at.sheet, at.cell), {
      fill: fillOf(fill.color, pattern),
      font: r.format.font.color ?? null,
    });
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

/** Excel reports "no fill" as white before ExcelApi 1.9; pattern settles it. */
function fillOf(color: string | null | undefined, pattern: string | undefined): string | null {
  if (pattern !== undefined) return pattern === 'None' ? null : color ?? null;
  if (!color || /^#?FFFFFF$/i.test(color)) return null;
  return color;
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
    deadline: kv.get(META_KEYS.deadline) || undefined,
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
