/**
 * The ExcelJS side of bulk rows (../ooxml/bulk-rows.ts): a sheet with many
 * plain rows declares the cell styles they use as probe cells in the sheet's
 * last row, so ExcelJS puts the styles in styles.xml; the rows themselves are
 * written as text when the package is zipped.
 */

import type ExcelJS from 'exceljs';
import { probeRow, type BulkSheet } from '../ooxml/bulk-rows';

export type { BulkRow, BulkSheet, BulkValue } from '../ooxml/bulk-rows';

/**
 * Declares a sheet's bulk rows: one probe cell per style (slot k in column
 * k+1 of the row below the sheet's used range). The probe row carries the
 * deepest outline level of the bulk rows, so ExcelJS records it in the
 * sheet's format properties. Returns the bulk sheet for the zip step.
 */
export function bulkRows(ws: ExcelJS.Worksheet, styles: readonly Partial<ExcelJS.Style>[], sheet: BulkSheet, outline = 0): BulkSheet {
  const row = ws.getRow(probeRow(sheet));
  styles.forEach((style, k) => {
    const cell = row.getCell(k + 1);
    cell.value = 0;
    cell.style = { ...style };
  });
  if (outline) row.outlineLevel = Math.min(outline, 7);
  return sheet;
}
