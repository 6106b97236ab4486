/**
 * Returns that arrived as sheets copied into the open workbook (Move or Copy):
 * the metadata sheet and defined names stay behind, so a sheet is recognised
 * by its entry block (header row and indicator codes, findEntryBlock) and its
 * title rows (period and unit). Two round trips: the sheet list, then every
 * candidate sheet's used range at once.
 */

import { rawCell } from './readOpen';
import { findEntryBlock, type GridValue } from '../../xlsx/read/entry-block';
import { rowColToCell } from './address';
import { SHEETS } from '../../core/template/layout';
import type { ParsedReturn, ReturnEntry } from '../../core/return/types';

export interface SheetGrid {
  sheet: string;
  /** 1-based sheet row/column of values[0][0]. */
  origin: { row: number; col: number };
  values: GridValue[][];
  valueTypes: string[][];
}

export async function readSheetGrids(context: Excel.RequestContext, skip: string[]): Promise<SheetGrid[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  await context.sync();
  const wanted = sheets.items.filter((s) => s.visibility === 'Visible' && !skip.includes(s.name) && s.name !== SHEETS.meta);
  const ranges = wanted.map((s) => ({ sheet: s.name, range: s.getUsedRangeOrNullObject(true).load('address,values,valueTypes') }));
  await context.sync();
  const out: SheetGrid[] = [];
  for (const { sheet, range } of ranges) {
    if (range.isNullObject) continue;
    const first = String(range.address).split('!').pop()!.split(':')[0].replace(/\$/g, '');
    const m = /^([A-Z]+)(\d+)$/.exec(first);
    let col = 0;
    for (const ch of m ? m[1] : 'A') col = col * 26 + ch.charCodeAt(0) - 64;
    out.push({ sheet, origin: { row: m ? Number(m[2]) : 1, col }, values: range.values as GridValue[][], valueTypes: range.valueTypes as string[][] });
  }
  return out;
}

export interface CopiedReturn {
  sheet: string;
  codes: string[];
  /** The title rows' text, where period and unit are written. */
  titleText: string;
  entries: Map<string, ReturnEntry>;
}

/** The entry block of a grid as entries, or null when the sheet is no entry sheet. */
export function copiedReturnOf(grid: SheetGrid): CopiedReturn | null {
  const block = findEntryBlock(grid.values, grid.origin);
  if (!block || block.rows.length === 0) return null;
  const at = (row: number, col: number) => grid.values[row - grid.origin.row]?.[col - grid.origin.col];
  const typeAt = (row: number, col: number) => grid.valueTypes[row - grid.origin.row]?.[col - grid.origin.col] ?? '';
  const titleParts: string[] = [];
  for (let r = grid.origin.row; r < block.headerRow; r++) {
    for (let c = grid.origin.col; c < grid.origin.col + (grid.values[0]?.length ?? 0); c++) {
      const v = at(r, c);
      if (v !== null && v !== undefined && v !== '') titleParts.push(String(v));
    }
  }
  const entries = new Map<string, ReturnEntry>();
  for (const { code, row } of block.rows) {
    const vc = block.columns.value;
    const rc = block.columns.remark;
    const remark = rc ? String(at(row, rc) ?? '').trim() : '';
    entries.set(code, {
      code,
      value: rawCell(at(row, vc), typeAt(row, vc), undefined),
      remark: remark || null,
      valueAt: { sheet: grid.sheet, cell: rowColToCell(row - 1, vc - 1) },
      remarkAt: rc ? { sheet: grid.sheet, cell: rowColToCell(row - 1, rc - 1) } : undefined,
      shownCode: code,
      shownTarget: block.columns.target ? String(at(row, block.columns.target) ?? '').trim() : undefined,
    });
  }
  return { sheet: grid.sheet, codes: block.rows.map((r) => r.code), titleText: titleParts.join(' '), entries };
}

/** Reads "填报期：2023年上半年" style text into a period key. */
export function periodFromTitle(text: string): string | null {
  const m = /(\d{4})\s*年\s*(上半年|下半年|第\s*([1-4])\s*季度)?/.exec(text);
  if (!m) return null;
  if (!m[2]) return m[1];
  if (m[2] === '上半年') return `${m[1]}H1`;
  if (m[2] === '下半年') return `${m[1]}H2`;
  return `${m[1]}Q${m[3]}`;
}

/** "填报单位：张家港市（320582）" → "320582". */
export function unitCodeFromTitle(text: string): string | null {
  const m = /填报单位[:：]\s*[^（(]*[（(]([A-Z0-9-]+)[）)]/.exec(text);
  return m ? m[1] : null;
}

export type { ParsedReturn };
