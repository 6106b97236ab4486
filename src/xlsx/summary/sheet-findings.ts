/**
 * 问题清单: every finding of every return, one row each, filterable, so the
 * office can send each unit its own list.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { FINDING_HEADERS, SEVERITY_WORDS, SUMMARY_SHEETS } from './labels';
import { cfFill, COLORS, printSetup, textValue, writeHeader, writeRow } from './cells';
import { unitLabel } from './units';

const HEADER_ROW = 1;

export function addFindingsSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.findings, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  writeHeader(ws, HEADER_ROW, FINDING_HEADERS);
  c.findings.forEach((f, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const values = [
      textValue(f.unit ? unitLabel(plan, f.unit) : null),
      textValue(f.file),
      textValue(f.sheet),
      textValue(f.cell),
      SEVERITY_WORDS[f.severity] ?? f.severity,
      textValue(f.rule),
      textValue(f.code),
      textValue(f.message),
    ];
    writeRow(row, values);
    row.getCell(8).alignment = { wrapText: true, vertical: 'middle' };
  });
  const last = HEADER_ROW + Math.max(1, c.findings.length);
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: last, column: FINDING_HEADERS.length } };
  ws.addConditionalFormatting({
    ref: `E${HEADER_ROW + 1}:E${last}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formulae: [`"${SEVERITY_WORDS.error}"`], priority: 1, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${SEVERITY_WORDS.warning}"`], priority: 2, style: { fill: cfFill(COLORS.noData), font: { color: { argb: COLORS.noDataText } } } },
    ],
  });
  [14, 32, 12, 8, 10, 24, 14, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws, `1:${HEADER_ROW}`);
  return ws;
}
