/**
 * Small helpers shared by the summary sheets: inert text cells, header rows,
 * fills and print setup.
 */

import type ExcelJS from 'exceljs';
import { numToCol } from '../../core/a1';

/** Excel refuses cells longer than this. */
const MAX_CELL_CHARS = 32767;

// XML 1.0 cannot carry these control characters; a clerk's pasted text may.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Makes any text a clerk typed safe to put in a cell as a plain string:
 * drops characters XML cannot hold and trims to Excel's limit. The value is
 * always written as a string (never `{ formula }`), so "=1+1" stays text.
 */
export function cleanText(text: string | null | undefined): string {
  if (text == null) return '';
  const clean = String(text).replace(XML_INVALID, '');
  return clean.length > MAX_CELL_CHARS ? clean.slice(0, MAX_CELL_CHARS - 1) + '…' : clean;
}

/** Cell value for an optional text: a string, or null to leave the cell empty. */
export function textValue(text: string | null | undefined): string | null {
  const t = cleanText(text);
  return t === '' ? null : t;
}

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** Fill for a conditional format (Excel reads a dxf's solid fill from bgColor). */
export function cfFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', bgColor: { argb } };
}

export const COLORS = {
  header: 'FFDDEBF7',
  title: 'FF1F4E78',
  met: 'FFC6EFCE',
  metText: 'FF006100',
  missed: 'FFFFC7CE',
  missedText: 'FF9C0006',
  noData: 'FFFFEB9C',
  noDataText: 'FF9C5700',
  neutral: 'FFEDEDED',
  neutralText: 'FF595959',
  unverified: 'FFF8CBAD',
  unverifiedText: 'FF843C0C',
  bar: 'FF5B9BD5',
} as const;

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const GRID_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Writes a bold, filled, wrapped header row. */
export function writeHeader(ws: ExcelJS.Worksheet, rowNumber: number, headers: readonly string[]): ExcelJS.Row {
  const row = ws.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = solidFill(COLORS.header);
    cell.border = GRID_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  row.height = 30;
  return row;
}

/** Title line above a table. */
/** A data row: the values from column A, each cell framed like the header. */
export function writeRow(row: ExcelJS.Row, values: readonly ExcelJS.CellValue[]): void {
  values.forEach((v, j) => {
    const cell = row.getCell(j + 1);
    cell.value = v;
    cell.border = GRID_BORDER;
  });
}

export function writeTitle(ws: ExcelJS.Worksheet, rowNumber: number, text: string, size = 14): void {
  const cell = ws.getCell(rowNumber, 1);
  cell.value = cleanText(text);
  cell.font = { bold: true, size, color: { argb: COLORS.title } };
}

/** How a sheet prints when it should not be squeezed onto one page width. */
export interface PrintOptions {
  /** 9 = A4 (default), 8 = A3. */
  paperSize?: number;
  /** Pages across (default 1). */
  fitToWidth?: number;
  /** Columns repeated on every page ("A:G"). */
  titleColumns?: string;
}

/**
 * Landscape, fit to `fitToWidth` pages wide (one by default) and any number
 * of pages down, header rows (and key columns) repeated on each page.
 */
export function printSetup(ws: ExcelJS.Worksheet, titleRows: string, opts: PrintOptions = {}): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: opts.paperSize ?? 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: opts.fitToWidth ?? 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    ...(opts.titleColumns ? { printTitlesColumn: opts.titleColumns } : {}),
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
}

/** Spreadsheet column letters for a 1-based index. */
export const colLetter = numToCol;

/**
 * A number for a cell, without binary float noise from sums
 * (44304.00000000001 → 44304); null for anything not a finite number.
 */
export function numberValue(n: number | null | undefined): number | null {
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  const clean = Number(n.toPrecision(12));
  return Object.is(clean, -0) ? 0 : clean;
}
