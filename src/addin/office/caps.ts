/**
 * Which Excel API requirement sets the host supports. The check needs
 * ExcelApi 1.4 (getItemOrNullObject, workbook settings, used ranges);
 * finer features degrade: fill.pattern (1.9) tells "no fill" from white,
 * freeze panes need 1.7; charts are from 1.1; the summary's print setup
 * (worksheet.pageLayout) needs 1.9 and is left out below it; opening a
 * made return as a new workbook (Excel.createWorkbook) needs 1.8, below it
 * the pane offers the file as a download.
 */

export interface Caps {
  /** Required: reading names, meta sheet, settings store. */
  api14: boolean;
  freezePanes: boolean;
  fillPattern: boolean;
  charts: boolean;
  /** worksheet.pageLayout: paper, orientation, fit to pages, print titles. */
  pageLayout: boolean;
  /** Excel.createWorkbook(base64): open a made return as a new workbook. */
  createWorkbook: boolean;
}

export const MIN_EXCEL_API = '1.4';

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectCaps(isSetSupported: IsSetSupported): Caps {
  const s = (v: string) => {
    try {
      return isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return { api14: s('1.4'), freezePanes: s('1.7'), fillPattern: s('1.9'), charts: s('1.1'), pageLayout: s('1.9'), createWorkbook: s('1.8') };
}

export const ALL_CAPS: Caps = { api14: true, freezePanes: true, fillPattern: true, charts: true, pageLayout: true, createWorkbook: true };
