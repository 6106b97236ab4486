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
import { cfFill, COLORS, printSetup, writeHeader, writeRow } from './cells';
import { findingRows } from './finding-rows';
import { wrappedRowHeight } from '../layout-text';

const HEADER_ROW = 1;
/** Excel refuses taller rows. */
const MAX_ROW_POINTS = 409;
// 单位 严重程度 问题 处数 工作表 单元格 指标 说明 文件 规则
const WIDTHS = [14, 8, 16, 6, 10, 16, 16, 56, 30, 12];
/** Columns whose text wraps (and so decides the row height). */
const WRAPPED = [1, 3, 6, 7, 8, 9];

export function addFindingsSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.findings, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  writeHeader(ws, HEADER_ROW, FINDING_HEADERS);
  const rows = findingRows(plan, c);
  rows.forEach((values, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    writeRow(row, values);
    for (let col = 1; col <= values.length; col++)
      row.getCell(col).alignment = WRAPPED.includes(col) ? { wrapText: true, vertical: 'top' } : { vertical: 'top', horizontal: col === 4 ? 'center' : undefined };
    row.getCell(10).font = { color: { argb: COLORS.neutralText }, size: 9 };
    row.height = Math.min(MAX_ROW_POINTS, wrappedRowHeight(WRAPPED.map((col) => ({ text: typeof values[col - 1] === 'string' ? (values[col - 1] as string) : null, width: WIDTHS[col - 1] }))));
  });
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
  return ws;
}
