/**
 * What the task pane asks of Excel, as one small interface. The real
 * implementation (office/excelHost.ts) runs each call in Excel.run; component
 * tests pass a plain object. The UI never touches Office.js itself.
 */

import type { Finding } from '../core/rules/finding';
import type { SummaryTables } from './summaryTables';
import type { Caps } from './office/caps';
import type { SheetGrid } from './office/copiedSheets';
import type { ClearResult, HighlightResult } from './office/highlight';
import type { OpenWorkbook } from './office/readOpen';
import type { WriteResult } from './office/writeSummary';

export interface ExcelHost {
  caps: Caps;
  readOpen(): Promise<OpenWorkbook>;
  highlight(state: OpenWorkbook, findings: Finding[]): Promise<HighlightResult>;
  clearMarks(): Promise<ClearResult>;
  select(sheet: string, cell: string): Promise<void>;
  existingSheets(names: string[]): Promise<string[]>;
  writeSummary(tables: SummaryTables, replace: string[]): Promise<WriteResult>;
  readSheetGrids(skip: string[]): Promise<SheetGrid[]>;
  /** Opens an .xlsx as a new workbook (only when caps.createWorkbook). */
  openWorkbook(bytes: Uint8Array): Promise<void>;
}
