/**
 * Returns that arrived as sheets copied into the open workbook (Move or Copy):
 * the metadata sheet and defined names stay behind, so a sheet is recognised
 * by its entry block (header row and indicator codes, findEntryBlock) and its
 * title rows (period and unit).
 *
 * Reading is lean, because one big unrelated sheet must not break the
 * consolidation on Excel on the web's 5 MB response limit:
 *   1. the sheet list;
 *   2. a cheap probe of every visible sheet: a small header window and the
 *      address (only) of its values-only used range;
 *   3. only the sheets whose window holds the entry header, values only, from
 *      A1 to the block's last column and the used range's last row (capped),
 *      in batches sized under READ_BUDGET (usually one).
 */

import { rawCell } from './readOpen';
import { findEntryBlock, type GridValue } from '../../xlsx/read/entry-block';
import { cellToRowCol, parseSheetAddress, rowColToCell } from './address';
import { SHEETS } from '../../core/template/layout';
import type { ParsedReturn, ReturnEntry } from '../../core/return/types';

export interface SheetGrid {
  sheet: string;
  /** 1-based sheet row/column of values[0][0]. */
  origin: { row: number; col: number };
  values: GridValue[][];
  valueTypes: string[][];
}

/** The window probed on every sheet for the entry header (the template's is row 4, A–H). */
export const PROBE_ROWS = 30;
export const PROBE_COLS = 20;
/** A copied return has a few hundred rows; rows beyond this are not read. */
export const MAX_COPIED_ROWS = 5000;
/** Response bytes per read batch, below Excel on the web's 5 MB with room for the envelope. */
export const READ_BUDGET = 4 * 1024 * 1024;
/** Response bytes assumed per cell loaded with values and valueTypes (JSON, UTF-16, a longish text). */
export const BYTES_PER_CELL = 120;

interface Block {
  sheet: string;
  /** 1-based first and last sheet row of this block; columns A…lastCol. */
  r1: number;
  r2: number;
  lastCol: number;
}

export async function readSheetGrids(context: Excel.RequestContext, skip: string[]): Promise<SheetGrid[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  await context.sync();
  const wanted = sheets.items.filter((s) => s.visibility === 'Visible' && !skip.includes(s.name) && s.name !== SHEETS.meta);
  if (!wanted.length) return [];

  // Round trip 2: the probe.
  const probeAddress = `A1:${rowColToCell(PROBE_ROWS - 1, PROBE_COLS - 1)}`;
  const probes = wanted.map((s) => {
    const ws = context.workbook.worksheets.getItem(s.name);
    return { sheet: s.name, head: ws.getRange(probeAddress).load('values'), used: ws.getUsedRangeOrNullObject(true).load('address') };
  });
  await context.sync();

  const blocks: Block[] = [];
  const maxCells = Math.floor(READ_BUDGET / BYTES_PER_CELL);
  for (const p of probes) {
    if (p.used.isNullObject) continue;
    const entry = findEntryBlock(p.head.values as GridValue[][]);
    if (!entry) continue;
    const used = parseSheetAddress(String(p.used.address));
    const end = used ? cellToRowCol(used.cell.split(':').pop()!) : { row: PROBE_ROWS - 1, col: 0 };
    const lastRow = Math.min(end.row + 1, MAX_COPIED_ROWS);
    const lastCol = Math.max(...Object.values(entry.columns).filter((c): c is number => typeof c === 'number'));
    // A sheet larger than one batch is read in row blocks.
    const rowsPerBlock = Math.max(1, Math.floor(maxCells / lastCol));
    for (let r1 = 1; r1 <= lastRow; r1 += rowsPerBlock) blocks.push({ sheet: p.sheet, r1, r2: Math.min(lastRow, r1 + rowsPerBlock - 1), lastCol });
  }

  // Round trips 3…: the candidates' cells, packed into batches under the budget.
  const grids = new Map<string, SheetGrid>();
  let batch: { block: Block; range: Excel.Range }[] = [];
  let cells = 0;
  const flush = async () => {
    if (!batch.length) return;
    await context.sync();
    for (const { block, range } of batch) {
      const g = grids.get(block.sheet) ?? { sheet: block.sheet, origin: { row: 1, col: 1 }, values: [], valueTypes: [] };
      g.values.push(...(range.values as GridValue[][]));
      g.valueTypes.push(...(range.valueTypes as string[][]));
      grids.set(block.sheet, g);
    }
    batch = [];
    cells = 0;
  };
  for (const block of blocks) {
    const size = (block.r2 - block.r1 + 1) * block.lastCol;
    if (cells + size > maxCells) await flush();
    const address = `A${block.r1}:${rowColToCell(block.r2 - 1, block.lastCol - 1)}`;
    batch.push({ block, range: context.workbook.worksheets.getItem(block.sheet).getRange(address).load('values,valueTypes') });
    cells += size;
  }
  await flush();
  return [...grids.values()];
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
