/**
 * 目标分解完成情况: for each indicator the city split among units, every unit's
 * own target, value, 达标/未达标 and 完成率, ranked best first, with the
 * problems of the split itself (own targets adding up to less than the city
 * target, an own limit looser than the city's) above the rows. Written only
 * when the plan allocates targets for the period.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { cfFill, COLORS, numberValue, printSetup, textValue, writeHeader, writeRow, writeTitle } from './cells';
import { unitLabel } from './units';
import { wrappedRowHeight } from '../layout-text';

export const OWN_TARGETS_SHEET = '目标分解完成情况';
const HEADERS = ['指标代码', '指标', '排名', '单位', '分解目标', '填报值', '达标情况', '完成率', '说明'] as const;
const WORDS = { met: '达标', missed: '未达标', 'no-data': '无数据' } as const;
const HEADER_ROW = 2;
const WIDTHS = [12, 30, 6, 14, 14, 12, 10, 10, 48];

export function addOwnTargetsSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): ExcelJS.Worksheet | null {
  if (!c.ownTargets?.length) return null;
  const ws = wb.addWorksheet(OWN_TARGETS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  writeTitle(ws, 1, `目标分解完成情况（${plan.title}，${c.period}）`, 12);
  writeHeader(ws, HEADER_ROW, HEADERS);
  let r = HEADER_ROW + 1;
  for (const s of c.ownTargets) {
    const ind = plan.indicators.find((i) => i.code === s.code);
    const name = ind ? `${ind.name}${ind.unit ? `（${ind.unit}）` : ''}` : s.code;
    const note = s.warnings.join('；');
    s.rows.forEach((row, k) => {
      const line = ws.getRow(r++);
      writeRow(line, [
        s.code,
        textValue(name),
        row.value === null ? null : k + 1,
        textValue(unitLabel(plan, row.unit)),
        row.target,
        numberValue(row.value),
        WORDS[row.attained],
        row.completion === null ? null : Math.round(row.completion * 10000) / 10000,
        // The split's own problems, once per indicator.
        k === 0 ? textValue(note) : null,
      ]);
      line.getCell(8).numFmt = '0.0%';
      line.getCell(9).alignment = { wrapText: true, vertical: 'middle' };
      // LibreOffice and WPS keep the stored height: make room for the wrapped note.
      if (k === 0 && note) line.height = wrappedRowHeight([{ text: note, width: WIDTHS[8] }, { text: name, width: WIDTHS[1] }]);
    });
  }
  const last = Math.max(HEADER_ROW + 1, r - 1);
  ws.addConditionalFormatting({
    ref: `G${HEADER_ROW + 1}:G${last}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formulae: [`"${WORDS.met}"`], priority: 1, style: { fill: cfFill(COLORS.met) } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${WORDS.missed}"`], priority: 2, style: { fill: cfFill(COLORS.missed) } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${WORDS['no-data']}"`], priority: 3, style: { fill: cfFill(COLORS.noData) } },
    ],
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws, `1:${HEADER_ROW}`);
  return ws;
}
