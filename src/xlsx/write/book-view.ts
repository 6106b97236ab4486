/**
 * The workbook window (`<bookViews>`): every workbook PlanSheet writes opens
 * on its first sheet. Excel does that without one too, but other readers
 * choose for themselves, so it is written out.
 */

import type ExcelJS from 'exceljs';

export function openOnFirstSheet(wb: ExcelJS.Workbook): void {
  wb.views = [{ x: 0, y: 0, width: 28800, height: 15600, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
}
