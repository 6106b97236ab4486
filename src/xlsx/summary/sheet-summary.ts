/**
 * 汇总: one row per indicator, one column per reporting unit, then the city
 * figure, its target and whether it is met. Attainment is coloured by
 * conditional formats (so a user's own edits recolour), and each row's unit
 * values carry data bars to compare units at a glance.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { ATTAINMENT_WORDS, SUMMARY_HEADERS, SUMMARY_SHEETS } from './labels';
import { cfFill, cleanText, colLetter, COLORS, GRID_BORDER, numberValue, printSetup, solidFill, textValue, writeHeader, writeTitle } from './cells';
import { unitLabel, type UnitColumn } from './units';

export const SUMMARY_HEADER_ROW = 3;
const FIRST_DATA_ROW = SUMMARY_HEADER_ROW + 1;
const LEADING = [SUMMARY_HEADERS.code, SUMMARY_HEADERS.category, SUMMARY_HEADERS.name, SUMMARY_HEADERS.unit];
const TRAILING = [
  SUMMARY_HEADERS.city,
  SUMMARY_HEADERS.target,
  SUMMARY_HEADERS.attained,
  SUMMARY_HEADERS.basis,
  SUMMARY_HEADERS.districtsVsLead,
];

function categoryName(plan: Plan, id: string): string {
  const cat = plan.categories.find((c) => c.id === id);
  if (!cat) return id;
  const parent = cat.parent ? plan.categories.find((c) => c.id === cat.parent) : undefined;
  return parent ? `${parent.name} › ${cat.name}` : cat.name;
}

function isRequired(plan: Plan, c: Consolidation, unit: string, code: string): boolean {
  const state = c.grid[unit]?.[code];
  if (state) return state !== 'not-required';
  return plan.indicators.find((i) => i.code === code)?.reporters.includes(unit) ?? false;
}

function basisText(plan: Plan, ind: IndicatorSummary): string {
  const parts = [ind.city.basis];
  if (ind.city.nonCompliant?.length)
    parts.push(`不达标单位：${ind.city.nonCompliant.map((u) => unitLabel(plan, u)).join('、')}`);
  return cleanText(parts.filter(Boolean).join('；'));
}

export function addSummarySheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  c: Consolidation,
  units: UnitColumn[],
  subtitle: string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.summary, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: SUMMARY_HEADER_ROW }],
  });
  const headers = [...LEADING, ...units.map((u) => u.label), ...TRAILING];
  const firstUnitCol = LEADING.length + 1;
  const cityCol = firstUnitCol + units.length;
  const targetCol = cityCol + 1;
  const attainedCol = cityCol + 2;
  const basisCol = cityCol + 3;
  const diffCol = cityCol + 4;

  writeTitle(ws, 1, `${plan.title} 指标汇总`);
  writeTitle(ws, 2, subtitle, 11);
  writeHeader(ws, SUMMARY_HEADER_ROW, headers);
  // Full unit names as notes on the short headers.
  units.forEach((u, i) => {
    if (u.name !== u.label) ws.getCell(SUMMARY_HEADER_ROW, firstUnitCol + i).note = u.name;
  });

  c.indicators.forEach((ind, i) => {
    const r = FIRST_DATA_ROW + i;
    const row = ws.getRow(r);
    row.getCell(1).value = ind.code;
    row.getCell(2).value = textValue(categoryName(plan, ind.category));
    row.getCell(3).value = textValue(ind.name);
    row.getCell(4).value = textValue(ind.unit);
    units.forEach((u, j) => {
      const cell = row.getCell(firstUnitCol + j);
      // Qualitative goals carry the unit's words (kept as inert text).
      const words = ind.texts?.[u.code];
      cell.value = words != null ? textValue(words) : numberValue(ind.units[u.code]);
      if (words != null) cell.alignment = { wrapText: true, vertical: 'middle' };
      if (!isRequired(plan, c, u.code, ind.code)) cell.fill = solidFill(COLORS.neutral);
      // A unit that breaks a limit (PUE ≤ 1.3) is marked where its value is.
      if (ind.city.nonCompliant?.includes(u.code)) {
        cell.fill = solidFill(COLORS.missed);
        cell.font = { color: { argb: COLORS.missedText }, bold: true };
      }
    });
    const city = row.getCell(cityCol);
    city.value = numberValue(ind.city.value);
    city.font = { bold: true };
    row.getCell(targetCol).value = textValue(ind.city.target);
    const att = row.getCell(attainedCol);
    att.value = ATTAINMENT_WORDS[ind.city.attained];
    att.alignment = { horizontal: 'center' };
    row.getCell(basisCol).value = textValue(basisText(plan, ind));
    const dvl = ind.city.districtsVsLead;
    if (dvl) {
      const cell = row.getCell(diffCol);
      cell.value = numberValue(dvl.difference);
      cell.note = `区县合计 ${numberValue(dvl.districtsSum)}，牵头部门 ${numberValue(dvl.lead)}，差异 ${numberValue(dvl.difference)}`;
    }
    for (let col = 1; col <= headers.length; col++) row.getCell(col).border = GRID_BORDER;
    row.getCell(3).alignment = { wrapText: true, vertical: 'middle' };
    row.getCell(basisCol).alignment = { wrapText: true, vertical: 'middle' };

    // Per-row data bars: units are compared on the same indicator only.
    if (units.length > 1) {
      ws.addConditionalFormatting({
        ref: `${colLetter(firstUnitCol)}${r}:${colLetter(cityCol - 1)}${r}`,
        rules: [
          {
            type: 'dataBar',
            priority: 10 + i,
            // gradient bars are the plain 2007 form: no x14 extension, which
            // ExcelJS writes unreliably.
            gradient: false,
            cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
            color: { argb: COLORS.bar },
          } as ExcelJS.DataBarRuleType,
        ],
      });
    }
  });

  const lastRow = Math.max(FIRST_DATA_ROW, FIRST_DATA_ROW + c.indicators.length - 1);
  const attRef = `${colLetter(attainedCol)}${FIRST_DATA_ROW}:${colLetter(attainedCol)}${lastRow}`;
  const word = (w: string, fill: string, color: string, priority: number): ExcelJS.ConditionalFormattingRule => ({
    type: 'cellIs',
    operator: 'equal',
    formulae: [`"${w}"`],
    priority,
    style: { fill: cfFill(fill), font: { color: { argb: color }, bold: true } },
  });
  ws.addConditionalFormatting({
    ref: attRef,
    rules: [
      word(ATTAINMENT_WORDS.met, COLORS.met, COLORS.metText, 1),
      word(ATTAINMENT_WORDS.missed, COLORS.missed, COLORS.missedText, 2),
      word(ATTAINMENT_WORDS['no-data'], COLORS.noData, COLORS.noDataText, 3),
      word(ATTAINMENT_WORDS.qualitative, COLORS.neutral, COLORS.neutralText, 4),
      word(ATTAINMENT_WORDS['no-target'], COLORS.neutral, COLORS.neutralText, 5),
    ],
  });

  ws.autoFilter = { from: { row: SUMMARY_HEADER_ROW, column: 1 }, to: { row: lastRow, column: headers.length } };
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 36;
  ws.getColumn(4).width = 8;
  units.forEach((_, j) => (ws.getColumn(firstUnitCol + j).width = 10));
  ws.getColumn(cityCol).width = 12;
  ws.getColumn(targetCol).width = 14;
  ws.getColumn(attainedCol).width = 12;
  ws.getColumn(basisCol).width = 44;
  ws.getColumn(diffCol).width = 14;
  printSetup(ws, `1:${SUMMARY_HEADER_ROW}`);
  return ws;
}
