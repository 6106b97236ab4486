/**
 * 汇总: one row per indicator. The columns people look for first come first
 * (代码 … 全市, 目标, 达标情况), then how the figure was made, then one column
 * per reporting unit (districts, then departments). Printed on A3 landscape,
 * as many pages wide as a readable scale needs, with the key columns A:G and
 * the header rows repeated on every page. Attainment is coloured by
 * conditional formats (so a user's own edits recolour), and each row's unit
 * values carry data bars to compare units at a glance.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { ATTAINMENT_WORDS, SUMMARY_KEY_COLUMNS, SUMMARY_LEADING_HEADERS, SUMMARY_SHEETS } from './labels';
import { cfFill, cleanText, colLetter, COLORS, GRID_BORDER, numberValue, printSetup, solidFill, textValue, writeHeader, writeTitle } from './cells';
import { unitLabel, type UnitColumn } from './units';
import { wrappedRowHeight, type WrappedCell } from '../layout-text';

export const SUMMARY_HEADER_ROW = 3;
const FIRST_DATA_ROW = SUMMARY_HEADER_ROW + 1;

// 1-based columns of the leading block (SUMMARY_LEADING_HEADERS).
const COL = { code: 1, category: 2, name: 3, unit: 4, city: 5, target: 6, attained: 7, basis: 8, diff: 9 } as const;
const LEADING_WIDTHS = [14, 18, 36, 8, 12, 14, 10, 44, 14];
const UNIT_WIDTH = 10;

/** Column widths (character units) of a 汇总 sheet `columns` wide: the leading columns, then one per unit. The add-in prints with the same. */
export function summaryColumnWidths(columns: number): number[] {
  return Array.from({ length: columns }, (_, j) => LEADING_WIDTHS[j] ?? UNIT_WIDTH);
}
/** Excel refuses taller rows. */
const MAX_ROW_POINTS = 409;

/** A3 landscape: about this many column-width units fit across a page at 100 %. */
const A3_LANDSCAPE_UNITS = 210;
/** The smallest print scale worth reading; below it a page more is better. */
const MIN_READABLE_SCALE = 0.75;

/**
 * Pages across for the print: the key columns repeat on every page, the
 * other columns are dealt out page by page at the smallest readable scale.
 */
export function summaryPagesWide(widths: number[], keyColumns: number, pageUnits = A3_LANDSCAPE_UNITS / MIN_READABLE_SCALE): number {
  const key = widths.slice(0, keyColumns).reduce((a, b) => a + b, 0);
  const room = Math.max(pageUnits - key, 1);
  let pages = 1;
  let used = 0;
  for (const w of widths.slice(keyColumns)) {
    if (used > 0 && used + w > room) {
      pages++;
      used = 0;
    }
    used += w;
  }
  return pages;
}

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
  const headers = [...SUMMARY_LEADING_HEADERS, ...units.map((u) => u.label)];
  const firstUnitCol = SUMMARY_LEADING_HEADERS.length + 1;
  const lastUnitCol = firstUnitCol + units.length - 1;
  const widths = summaryColumnWidths(LEADING_WIDTHS.length + units.length);

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
    const category = categoryName(plan, ind.category);
    const basis = basisText(plan, ind);
    row.getCell(COL.code).value = ind.code;
    row.getCell(COL.category).value = textValue(category);
    row.getCell(COL.name).value = textValue(ind.name);
    row.getCell(COL.unit).value = textValue(ind.unit);
    const city = row.getCell(COL.city);
    city.value = numberValue(ind.city.value);
    city.font = { bold: true };
    row.getCell(COL.target).value = textValue(ind.city.target);
    const att = row.getCell(COL.attained);
    att.value = ATTAINMENT_WORDS[ind.city.attained];
    att.alignment = { horizontal: 'center', vertical: 'middle' };
    row.getCell(COL.basis).value = textValue(basis);
    const dvl = ind.city.districtsVsLead;
    if (dvl) {
      const cell = row.getCell(COL.diff);
      cell.value = numberValue(dvl.difference);
      cell.note = `区县合计 ${numberValue(dvl.districtsSum)}，牵头部门 ${numberValue(dvl.lead)}，差异 ${numberValue(dvl.difference)}`;
    }
    // Wrapped cells: their text decides the row's height (LibreOffice and
    // WPS print with the stored height, see layout-text.ts).
    const wrapped: WrappedCell[] = [
      { text: category, width: LEADING_WIDTHS[COL.category - 1] },
      { text: ind.name, width: LEADING_WIDTHS[COL.name - 1] },
      { text: ind.city.target, width: LEADING_WIDTHS[COL.target - 1] },
      { text: basis, width: LEADING_WIDTHS[COL.basis - 1] },
    ];
    units.forEach((u, j) => {
      const cell = row.getCell(firstUnitCol + j);
      // Qualitative goals carry the unit's words (kept as inert text).
      const words = ind.texts?.[u.code];
      cell.value = words != null ? textValue(words) : numberValue(ind.units[u.code]);
      if (words != null) {
        cell.alignment = { wrapText: true, vertical: 'middle' };
        wrapped.push({ text: cleanText(words), width: UNIT_WIDTH });
      }
      if (!isRequired(plan, c, u.code, ind.code)) cell.fill = solidFill(COLORS.neutral);
      // A unit that breaks a limit (PUE ≤ 1.3) is marked where its value is.
      if (ind.city.nonCompliant?.includes(u.code)) {
        cell.fill = solidFill(COLORS.missed);
        cell.font = { color: { argb: COLORS.missedText }, bold: true };
      }
    });
    for (let col = 1; col <= headers.length; col++) {
      const cell = row.getCell(col);
      cell.border = GRID_BORDER;
      // Tall rows: everything centred vertically, as the wrapped cells are.
      if (!cell.alignment?.wrapText) cell.alignment = { ...cell.alignment, vertical: 'middle' };
    }
    for (const col of [COL.category, COL.name, COL.basis]) row.getCell(col).alignment = { wrapText: true, vertical: 'middle' };
    row.getCell(COL.target).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    row.height = Math.min(MAX_ROW_POINTS, wrappedRowHeight(wrapped));

    // Per-row data bars: units are compared on the same indicator only.
    if (units.length > 1) {
      ws.addConditionalFormatting({
        ref: `${colLetter(firstUnitCol)}${r}:${colLetter(lastUnitCol)}${r}`,
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
  const attRef = `${colLetter(COL.attained)}${FIRST_DATA_ROW}:${colLetter(COL.attained)}${lastRow}`;
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
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  printSetup(ws, `1:${SUMMARY_HEADER_ROW}`, {
    paperSize: 8,
    fitToWidth: summaryPagesWide(widths, SUMMARY_KEY_COLUMNS),
    titleColumns: `A:${colLetter(SUMMARY_KEY_COLUMNS)}`,
  });
  return ws;
}
