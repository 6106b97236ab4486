/**
 * 问题清单: the findings of every return, one line per unit, file and
 * problem (one unit's ten blank cells are one line with the cells listed),
 * the problem in words, filterable, so the office can send each unit its own
 * list. The stable rule id stays in the last, narrow column for filtering.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { FINDING_HEADERS, SEVERITY_WORDS, SUMMARY_SHEETS } from './labels';
import { cfFill, COLORS, GRID_BORDER, printSetup, writeHeader } from './cells';
import { findingRows } from './finding-rows';
import { wrappedRowHeight } from '../layout-text';
import { bulkRows, type BulkRow, type BulkSheet } from './bulk';

const HEADER_ROW = 1;
// 单位 严重程度 问题 处数 工作表 单元格 指标 说明 文件 规则
const WIDTHS = [14, 8, 16, 6, 10, 16, 16, 56, 30, 12];
/** Columns whose text wraps (and so decides the row height). */
const WRAPPED = [1, 3, 6, 7, 8, 9];

/** Style slots of the rows (./bulk.ts): wrapped text, plain, the centred count, the narrow rule id. */
const STYLES: Partial<ExcelJS.Style>[] = [
  { border: GRID_BORDER, alignment: { wrapText: true, vertical: 'top' } },
  { border: GRID_BORDER, alignment: { vertical: 'top' } },
  { border: GRID_BORDER, alignment: { vertical: 'top', horizontal: 'center' } },
  { border: GRID_BORDER, alignment: { vertical: 'top' }, font: { color: { argb: COLORS.neutralText }, size: 9 } },
];
const SLOTS = WIDTHS.map((_, i) => (i === 9 ? 3 : i === 3 ? 2 : WRAPPED.includes(i + 1) ? 0 : 1));

export function addFindingsSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): BulkSheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.findings, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  writeHeader(ws, HEADER_ROW, FINDING_HEADERS);
  // Grouped per unit, file and problem: a few rows per unit, so they are built here and streamed as text.
  const rows = findingRows(plan, c);
  const last = HEADER_ROW + Math.max(1, rows.length);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: last, column: FINDING_HEADERS.length } };
  ws.addConditionalFormatting({
    ref: `B${HEADER_ROW + 1}:B${last}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formulae: [`"${SEVERITY_WORDS.error}"`], priority: 1, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${SEVERITY_WORDS.warning}"`], priority: 2, style: { fill: cfFill(COLORS.noData), font: { color: { argb: COLORS.noDataText } } } },
    ],
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws, `1:${HEADER_ROW}`);
  function* textRows(): Generator<BulkRow> {
    for (let i = 0; i < rows.length; i++) {
      const values = rows[i];
      const height = wrappedRowHeight(WRAPPED.map((col) => ({ text: typeof values[col - 1] === 'string' ? (values[col - 1] as string) : null, width: WIDTHS[col - 1] })));
      yield { r: HEADER_ROW + 1 + i, values: values as BulkRow['values'], slots: SLOTS, height };
    }
  }
  return bulkRows(ws, STYLES, { sheet: SUMMARY_SHEETS.findings, lastRow: HEADER_ROW + rows.length, lastCol: FINDING_HEADERS.length, rows: textRows });
}
