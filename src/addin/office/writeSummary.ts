/**
 * Writes the consolidation sheets (汇总, 汇总图表, 报送情况, 问题清单) and
 * the attainment charts into the open workbook, in at most three context.sync()
 * round trips whatever the size:
 *   - existingSheets(): one read, before asking whether to replace;
 *   - writeSummary(): the writes, packed into ≤ 3 batches.
 * Excel on the web refuses requests over 5 MB, so cell values are sized as
 * they are queued (JSON length, a fair proxy for the request body) and a batch
 * is closed at PAYLOAD_BUDGET; a result that would need more than three
 * batches is refused with a sentence before anything is written.
 * 汇总 gets the CLI workbook's print setup (A3 landscape, N pages wide, the
 * header rows and key columns repeated) where the host has ExcelApi 1.9; it
 * is queued with the sheet's styling, so it costs no round trip.
 */

import type { CellValue, SummaryTables, Table } from '../summaryTables';
import { colName } from '../summaryTables';
import type { Caps } from './caps';
import { AddinError } from './errors';
// Both modules are free of ExcelJS at run time (sheet-summary.ts imports it
// for types only), so the add-in bundle stays without it.
import { SUMMARY_HEADER_ROW, summaryColumnWidths, summaryPagesWide } from '../../xlsx/summary/sheet-summary';
import { SUMMARY_KEY_COLUMNS } from '../../xlsx/summary/labels';

/** Bytes per batch, below Excel on the web's 5 MB request limit with room for the envelope. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
export const MAX_WRITE_SYNCS = 3;
/** Rows per values write; a larger table is queued as several blocks. */
const BLOCK_ROWS = 2000;

export async function existingSheets(context: Excel.RequestContext, names: string[]): Promise<string[]> {
  const ws = context.workbook.worksheets.load('items/name');
  await context.sync();
  const have = new Set(ws.items.map((w) => w.name));
  return names.filter((n) => have.has(n));
}


export interface SummaryPrint {
  pagesWide: number;
  /** Rows repeated at the top of every printed page, e.g. "$1:$3". */
  titleRows: string;
  /** Columns repeated at the left of every printed page, e.g. "$A:$G". */
  titleColumns: string;
}


/**
 * The print setup of a 汇总 sheet, as the CLI workbook has it: pages across
 * counted from the column widths the sheet gets, the key columns (and the
 * header rows) repeated. A table without widths counts with the CLI's.
 */
export function summaryPrint(table: Pick<Table, 'rows' | 'widths' | 'keyColumns'>): SummaryPrint {
  const widths = table.widths ?? summaryColumnWidths(table.rows[0]?.length ?? 1);
  const key = table.keyColumns ?? SUMMARY_KEY_COLUMNS;
  return {
    pagesWide: summaryPagesWide(widths, key),
    titleRows: `$1:$${SUMMARY_HEADER_ROW}`,
    titleColumns: `$A:$${colName(key)}`,
  };
}

function printSetup(ws: Excel.Worksheet, print: SummaryPrint): void {
  const layout = ws.pageLayout;
  layout.orientation = 'Landscape' as Excel.PageOrientation;
  layout.paperSize = 'A3' as Excel.PaperType;
  // 0 pages tall: as many as the rows need (the OOXML fitToHeight="0" the CLI writes).
  layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
  layout.setPrintTitleRows(print.titleRows);
  layout.setPrintTitleColumns(print.titleColumns);
}

interface Op {
  bytes: number;
  run: (wb: Excel.Workbook) => void;
}

export interface WriteResult {
  syncs: number;
  chart: boolean;
}

/**
 * `replace` lists sheets that exist and may be replaced (the user agreed).
 * Existing sheets are renamed aside first, then deleted after the new ones
 * exist, so the workbook never drops to zero sheets.
 */
export async function writeSummary(
  context: Excel.RequestContext,
  tables: SummaryTables,
  replace: string[],
  caps: Caps,
): Promise<WriteResult> {
  const ops: Op[] = [];
  const stamp = Date.now().toString(36);
  replace.forEach((name, i) => {
    ops.push({
      bytes: 200,
      run: (wb) => {
        const old = wb.worksheets.getItem(name);
        old.name = `_ps_old_${stamp}_${i}`;
      },
    });
  });
  tables.sheets.forEach((s, i) => {
    ops.push({
      bytes: 200,
      run: (wb) => {
        const ws = wb.worksheets.add(s.name);
        if (i === 0) ws.activate();
      },
    });
    for (const block of blocks(s.table)) {
      ops.push({ bytes: block.bytes, run: (wb) => (wb.worksheets.getItem(s.name).getRange(block.address).values = block.values) });
    }
    ops.push({
      bytes: 500,
      run: (wb) => {
        const ws = wb.worksheets.getItem(s.name);
        styleSheet(ws, s.table, caps);
        if (i === 0 && caps.pageLayout) printSetup(ws, summaryPrint(s.table));
      },
    });
  });
  replace.forEach((_, i) => {
    ops.push({ bytes: 100, run: (wb) => wb.worksheets.getItem(`_ps_old_${stamp}_${i}`).delete() });
  });
  const chart = caps.charts && tables.charts.length > 0;
  if (chart) {
    for (const c of tables.charts) {
      ops.push({
        bytes: 300,
        run: (wb) => {
          const ws = wb.worksheets.getItem(c.sheet);
          const ch = ws.charts.add('BarClustered' as Excel.ChartType, ws.getRange(c.source), 'Columns' as Excel.ChartSeriesBy);
          ch.title.text = c.title;
          ch.setPosition(c.from, c.to);
        },
      });
    }
  }

  // Pack operations into batches under the payload budget.
  const batches: Op[][] = [[]];
  let used = 0;
  for (const op of ops) {
    if (used + op.bytes > PAYLOAD_BUDGET && batches[batches.length - 1].length) {
      batches.push([]);
      used = 0;
    }
    batches[batches.length - 1].push(op);
    used += op.bytes;
  }
  if (batches.length > MAX_WRITE_SYNCS) throw new AddinError('err_payload');
  const wb = context.workbook;
  for (const batch of batches) {
    for (const op of batch) op.run(wb);
    await context.sync();
  }
  return { syncs: batches.length, chart };
}

/** Excel's column width in characters → points (Office.js sets widths in points; 7 px per character + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function styleSheet(ws: Excel.Worksheet, table: Table, caps: Caps): void {
  const width = table.rows[0]?.length ?? 1;
  const last = Math.max(1, table.rows.length);
  const firstData = (table.headerRows[table.headerRows.length - 1] ?? 0) + 1;
  for (const [col, format] of Object.entries(table.numberFormats ?? {})) {
    const c = Number(col);
    if (c < 1 || last < firstData) continue;
    ws.getRange(`${colName(c)}${firstData}:${colName(c)}${last}`).numberFormat = Array.from({ length: last - firstData + 1 }, () => [format]);
  }
  for (const r of table.headerRows) {
    const h = ws.getRange(`A${r}:${colName(width)}${r}`);
    h.format.font.bold = true;
    h.format.fill.color = '#DDEBF7';
  }
  for (const r of table.subtotalRows ?? []) {
    const h = ws.getRange(`A${r}:${colName(width)}${r}`);
    h.format.font.bold = true;
    h.format.fill.color = '#DDEBF7';
  }
  if (table.titleRow) {
    const t = ws.getRange(`A${table.titleRow}`);
    t.format.font.bold = true;
    t.format.font.size = 14;
  }
  if (table.widths) table.widths.forEach((w, i) => (ws.getRange(`${colName(i + 1)}:${colName(i + 1)}`).format.columnWidth = widthPoints(w)));
  else ws.getRange(`A1:${colName(width)}${last}`).format.autofitColumns();
  if (caps.freezePanes && table.freeze !== false && table.headerRows.length) ws.freezePanes.freezeRows(table.headerRows[table.headerRows.length - 1]);
}

function blocks(table: Table): { address: string; values: CellValue[][]; bytes: number }[] {
  const out = [];
  const width = table.rows[0]?.length ?? 0;
  if (!width) return [];
  for (let i = 0; i < table.rows.length; i += BLOCK_ROWS) {
    const values = table.rows.slice(i, i + BLOCK_ROWS).map((row) => row.map(safe));
    out.push({ address: `A${i + 1}:${colName(width)}${i + values.length}`, values, bytes: size(values) });
  }
  return out;
}

/** Text that Excel would take for a formula is written as text. */
export function safe(v: CellValue): CellValue {
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

function size(values: CellValue[][]): number {
  return JSON.stringify(values).length * 2; // UTF-16 worst case for CJK text
}
