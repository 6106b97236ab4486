/**
 * 镇街明细: the units below the districts (towns, streets), grouped under
 * their district. Rows are units, so a thousand towns make a thousand rows,
 * not a thousand columns; columns are the indicators. Each district's row is
 * its subtotal (its own return's value, or the total of its towns, see
 * core/consolidate/tree.ts) and its towns follow as an outline group.
 * Any depth: a unit with units below it gets its own subtotal row.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { COLORS, GRID_BORDER, numberValue, printSetup, solidFill, textValue, writeHeader, writeTitle } from './cells';
import { nodeOf, nonCompliantUnits, TOWNS_SHEET, townRows } from './tree-units';
import { bulkRows, type BulkRow, type BulkSheet, type BulkValue } from './bulk';

export { TOWNS_SHEET } from './tree-units';
const HEADER_ROW = 2;

/** Style slots of the town rows (./bulk.ts): framed; grey (not reported by this town); red (breaks the limit). */
const STYLES: Partial<ExcelJS.Style>[] = [
  { border: GRID_BORDER },
  { border: GRID_BORDER, fill: solidFill(COLORS.neutral) },
  { border: GRID_BORDER, font: { color: { argb: COLORS.missedText }, bold: true } },
];

/**
 * The subtotal rows (a few per district, with notes) are ExcelJS rows; the
 * towns, a thousand or ten thousand of them, are bulk rows.
 */
export function addTownsSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): BulkSheet {
  const { header, indicators: inds, rows } = townRows(plan, c);
  const ws = wb.addWorksheet(TOWNS_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }] });
  writeTitle(ws, 1, '镇（街道）明细：按区县分组，区县行为小计（本级报表数，或所辖镇街合计）', 12);
  // Indicator headers wrap to three lines at most.
  writeHeader(ws, HEADER_ROW, header).height = 48;
  ws.columns = [{ width: 12 }, { width: 16 }, { width: 22 }, ...inds.map(() => ({ width: 16 }))];
  const last = header.length;
  const deepest = rows.reduce((d, t) => (t.node ? d : Math.max(d, Math.min(t.depth, 7))), 0);
  rows.forEach((t, k) => {
    if (!t.node) return;
    const row = ws.getRow(HEADER_ROW + 1 + k);
    row.getCell(1).value = t.unit;
    row.getCell(2).value = textValue(t.cells[1] as string);
    row.getCell(3).value = t.cells[2];
    inds.forEach((ind, j) => {
      const cell = row.getCell(4 + j);
      cell.value = numberValue(t.cells[3 + j] as number | null);
      const node = nodeOf(ind, t.unit);
      if (node && node.from === 'below' && !node.complete) cell.note = `已报 ${node.reported.count}/${node.reported.expected}（不完整）`;
    });
    row.font = { bold: true };
    for (let col = 1; col <= last; col++) {
      row.getCell(col).border = GRID_BORDER;
      row.getCell(col).fill = solidFill(COLORS.header);
    }
    if (t.depth) row.outlineLevel = Math.min(t.depth, 7);
  });
  printSetup(ws, `${HEADER_ROW}:${HEADER_ROW}`, { fitToWidth: Math.max(1, Math.ceil(inds.length / 10)), titleColumns: 'A:C' });
  function* townBulk(): Generator<BulkRow> {
    const breaking = inds.map(nonCompliantUnits);
    for (let k = 0; k < rows.length; k++) {
      const t = rows[k];
      if (t.node) continue;
      const values: BulkValue[] = [t.unit, textValue(t.cells[1] as string), t.cells[2]];
      const slots = [0, 0, 0];
      for (let j = 0; j < inds.length; j++) {
        values.push(numberValue(t.cells[3 + j] as number | null));
        slots.push(!(t.unit in inds[j].units) ? 1 : breaking[j].has(t.unit) ? 2 : 0);
      }
      yield { r: HEADER_ROW + 1 + k, values, slots, ...(t.depth ? { outline: Math.min(t.depth, 7) } : {}) };
    }
  }
  return bulkRows(ws, STYLES, { sheet: TOWNS_SHEET, lastRow: HEADER_ROW + rows.length, lastCol: last, rows: townBulk }, deepest);
}
