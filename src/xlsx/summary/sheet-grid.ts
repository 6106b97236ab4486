/**
 * 填报完成情况: which unit filled which indicator. Rows are indicators and
 * columns units (the same orientation as 汇总); the last row gives each
 * unit's filled/required count.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { GRID_ABSENT_WORDS, GRID_WORDS, SUMMARY_SHEETS } from './labels';
import { cfFill, colLetter, COLORS, GRID_BORDER, printSetup, textValue, writeHeader, writeTitle } from './cells';
import type { UnitColumn } from './units';

const HEADER_ROW = 2;

/** The word for a required cell without a usable number: why it has none. */
function absentWord(ind: IndicatorSummary | undefined, unit: string, missing: ReadonlySet<string>): string {
  if (missing.has(unit)) return GRID_ABSENT_WORDS.missing;
  const out = ind?.city.excluded?.find((e) => e.unit === unit);
  if (out) return out.reason === 'error' ? GRID_ABSENT_WORDS.error : GRID_ABSENT_WORDS.verify;
  if (ind?.unusable?.[unit] !== undefined) return GRID_ABSENT_WORDS.error;
  return GRID_WORDS.blank;
}

export function addGridSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation, units: UnitColumn[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.grid, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  writeTitle(
    ws,
    1,
    `填报完成情况（${GRID_WORDS.filled} / ${GRID_WORDS.blank} / ${GRID_ABSENT_WORDS.missing} 未报送 / ${GRID_ABSENT_WORDS.error} 数值有错误 / ${GRID_ABSENT_WORDS.verify} 未计入待核实 / ${GRID_WORDS['not-required']} 无需填报）`,
    12,
  );
  const missing = new Set(c.missing);
  const summaries = new Map(c.indicators.map((i) => [i.code, i]));
  writeHeader(ws, HEADER_ROW, ['代码', '指标', ...units.map((u) => u.label)]);
  const codes = c.indicators.length ? c.indicators.map((i) => ({ code: i.code, name: i.name })) : plan.indicators;
  const filled = new Array<number>(units.length).fill(0);
  const required = new Array<number>(units.length).fill(0);
  codes.forEach((ind, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.getCell(1).value = ind.code;
    row.getCell(2).value = textValue(ind.name);
    row.getCell(1).border = GRID_BORDER;
    row.getCell(2).border = GRID_BORDER;
    units.forEach((u, j) => {
      const state =
        c.grid[u.code]?.[ind.code] ??
        (plan.indicators.find((x) => x.code === ind.code)?.reporters.includes(u.code) ? 'blank' : 'not-required');
      if (state !== 'not-required') required[j]++;
      if (state === 'filled') filled[j]++;
      const cell = row.getCell(3 + j);
      cell.value = state === 'blank' ? absentWord(summaries.get(ind.code), u.code, missing) : GRID_WORDS[state];
      cell.alignment = { horizontal: 'center' };
      cell.border = GRID_BORDER;
    });
  });
  const totalRow = ws.getRow(HEADER_ROW + 1 + codes.length);
  totalRow.getCell(2).value = '已填 / 应填';
  totalRow.getCell(2).font = { bold: true };
  units.forEach((_, j) => {
    const cell = totalRow.getCell(3 + j);
    cell.value = `${filled[j]} / ${required[j]}`;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center' };
  });
  if (units.length && codes.length) {
    const ref = `C${HEADER_ROW + 1}:${colLetter(2 + units.length)}${HEADER_ROW + codes.length}`;
    ws.addConditionalFormatting({
      ref,
      rules: [
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_WORDS.filled}"`], priority: 1, style: { fill: cfFill(COLORS.met), font: { color: { argb: COLORS.metText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_WORDS.blank}"`], priority: 2, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_WORDS['not-required']}"`], priority: 3, style: { fill: cfFill(COLORS.neutral), font: { color: { argb: COLORS.neutralText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_ABSENT_WORDS.missing}"`], priority: 4, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_ABSENT_WORDS.error}"`], priority: 5, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_ABSENT_WORDS.verify}"`], priority: 6, style: { fill: cfFill(COLORS.noData), font: { color: { argb: COLORS.noDataText } } } },
      ],
    });
  }
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 36;
  units.forEach((_, j) => (ws.getColumn(3 + j).width = 9));
  printSetup(ws, `1:${HEADER_ROW}`);
  return ws;
}
