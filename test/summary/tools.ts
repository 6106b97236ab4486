/**
 * Independent readers for the summary tests: openpyxl (system python) and
 * LibreOffice, each run as a child process.
 */

import { execFileSync } from 'child_process';
import { convertWithLibreOffice } from '../support/libreoffice';
import { PYTHON } from '../support/python';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const INSPECT = path.join(__dirname, 'inspect_xlsx.py');

export interface InspectedCell {
  v: string | number | boolean;
  /** openpyxl data_type: 's' string, 'n' number, 'f' formula, 'b' bool. */
  t: string;
  /** Solid fill colour (ARGB), when the cell has one. */
  fill?: string;
}

export interface InspectedSheet {
  cells: Record<string, InspectedCell>;
  freeze: string | null;
  autofilter: string | null;
  orientation: string | null;
  fitToWidth: number | null;
  printTitleRows: string | null;
  printTitleCols: string | null;
  paperSize: number | string | null;
  fitToHeight: number | null;
  /** Stored row heights (points), by row number. */
  rowHeights: Record<string, number>;
  columnWidths: Record<string, number>;
  cf: { ref: string; type: string; operator: string | null; formula: string[]; hasDxf: boolean }[];
  maxRow: number;
  maxCol: number;
}

export interface Inspected {
  sheets: string[];
  sheet: Record<string, InspectedSheet>;
}

/** What openpyxl sees in the workbook. */
export function inspectXlsx(file: string): Inspected {
  const out = execFileSync(PYTHON, ['-W', 'ignore', INSPECT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as Inspected;
}

/** Rows of a sheet as arrays of values (by openpyxl), for readable assertions. */
export function rowValues(sheet: InspectedSheet, row: number): (string | number | boolean | null)[] {
  const values: (string | number | boolean | null)[] = [];
  for (let c = 1; c <= sheet.maxCol; c++) values.push(sheet.cells[`${colName(c)}${row}`]?.v ?? null);
  while (values.length && values[values.length - 1] === null) values.pop();
  return values;
}

export function colName(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Converts a workbook with LibreOffice (the shared test/support helper: own
 * profile, headless) and returns the converted file; rejects when it fails.
 */
export async function libreOfficeConvert(file: string, to: 'xlsx' | 'pdf' = 'xlsx'): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-lo-out-'));
  const { outputs } = await convertWithLibreOffice(file, to, outDir);
  return outputs[0];
}
