/**
 * 上期对比与说明: per indicator, this period's city figure beside the
 * previous period's (上期, 增量, 同比/环比), whether the city is on the
 * straight path from the plan's first-year to its final-year target, and the
 * explanations units wrote beside their values (强制上报说明). Written only
 * when there is something to show (earlier returns, a multi-year path, or
 * remarks).
 */

import type ExcelJS from 'exceljs';
import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { cfFill, COLORS, GRID_BORDER, numberValue, printSetup, textValue, writeHeader, writeTitle } from './cells';
import { wrappedRowHeight } from '../layout-text';

export const PREVIOUS_SHEET = '上期对比与说明';
const HEADER_ROW = 2;
const WIDTHS = [14, 32, 8, 12, 12, 12, 10, 11, 11, 11, 12, 50];
const ON_PATH = { yes: '在路径上', no: '落后于路径' } as const;

function basisWord(ind: IndicatorSummary): string | null {
  const b = ind.previous?.basis;
  return b === 'yoy' ? '同比' : b === 'pop' ? '环比' : null;
}

export function addPreviousSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): ExcelJS.Worksheet | null {
  const rows = c.indicators.filter((i) => i.previous || i.trajectory || i.remarks);
  if (!rows.length) return null;
  const prevPeriod = c.indicators.find((i) => i.previous)?.previous?.period;
  const ws = wb.addWorksheet(PREVIOUS_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  writeTitle(ws, 1, `上期对比与说明（本期 ${c.period}${prevPeriod ? `，上期 ${prevPeriod}` : ''}）`, 12);
  writeHeader(ws, HEADER_ROW, ['代码', '指标', '单位', '本期全市', '上期全市', '增量', '同比/环比', '首年目标', '末年目标', '本年应达', '规划路径', '单位说明']);
  const unitName = (code: string) => plan.units.find((u) => u.code === code)?.name ?? code;
  rows.forEach((ind, k) => {
    const r = HEADER_ROW + 1 + k;
    const row = ws.getRow(r);
    const t = ind.trajectory;
    const remarks = Object.entries(ind.remarks ?? {}).map(([u, text]) => `${unitName(u)}：${text}`).join('\n');
    const basis = basisWord(ind);
    const values: (string | number | null)[] = [
      ind.code,
      textValue(ind.name),
      textValue(ind.unit),
      numberValue(ind.city.value),
      numberValue(ind.previous?.value),
      numberValue(ind.previous?.change),
      numberValue(ind.previous?.rate),
      t ? numberValue(t.firstTarget) : null,
      t ? numberValue(t.finalTarget) : null,
      t ? numberValue(t.expected) : null,
      t && t.onTrack !== null ? (t.onTrack ? ON_PATH.yes : ON_PATH.no) : null,
      textValue(remarks),
    ];
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      cell.border = GRID_BORDER;
      cell.alignment = { vertical: 'middle', wrapText: j === 1 || j === 11 };
    });
    row.getCell(7).numFmt = '0.0%';
    // Which of 同比 / 环比 the rate is: a note, the column holds both kinds.
    if (basis) row.getCell(7).note = `${basis}（上期 ${ind.previous!.period}）`;
    if (t) row.getCell(10).note = `${t.firstYear} 年 ${t.firstTarget} → ${t.finalYear} 年 ${t.finalTarget} 的直线路径`;
    row.height = wrappedRowHeight([
      { text: textValue(ind.name), width: WIDTHS[1] },
      { text: remarks || null, width: WIDTHS[11] },
    ]);
  });
  const last = HEADER_ROW + rows.length;
  ws.addConditionalFormatting({
    ref: `K${HEADER_ROW + 1}:K${last}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formulae: [`"${ON_PATH.yes}"`], priority: 1, style: { fill: cfFill(COLORS.met), font: { color: { argb: COLORS.metText } } } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${ON_PATH.no}"`], priority: 2, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
    ],
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws, `1:${HEADER_ROW}`);
  return ws;
}
