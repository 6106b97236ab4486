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
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { ATTAINMENT_WORDS, SUMMARY_KEY_COLUMNS, SUMMARY_LEADING_HEADERS, SUMMARY_SHEETS } from './labels';
import { cfFill, cleanText, colLetter, COLORS, GRID_BORDER, numberValue, printSetup, solidFill, textValue, writeHeader, writeTitle } from './cells';
import { unitLabel, type UnitColumn } from './units';
import { wrappedRowHeight, type WrappedCell } from '../layout-text';
import { allLeadingValues, LEADING_COL } from './leading';
import { excludedOf, longestReportedText, reportedOf, unusableOf } from './figure';
import { addChartSection } from './sheet-charts';
import { nodeOf, unitFigure } from './tree-units';
import type { BarChartSpec } from '../ooxml/chart-xml';

export const SUMMARY_HEADER_ROW = 3;
const FIRST_DATA_ROW = SUMMARY_HEADER_ROW + 1;

// 1-based columns of the leading block (SUMMARY_LEADING_HEADERS).
const COL = LEADING_COL;
// 代码 类型 指标 单位 全市 已报 目标 达标情况 完成率 计算方式 区县排名 差异
const LEADING_WIDTHS = [14, 18, 36, 8, 12, 7, 14, 10, 10, 44, 28, 14];
const UNIT_WIDTH = 10;

/** The 已报 column (F), widened for the longest "919/1000". */
const REPORTED_INDEX = 5;

/**
 * Column widths (character units) of a 汇总 sheet `columns` wide: the
 * leading columns, then one per unit; `reportedChars` is the longest 已报
 * text ("9162/10000" at town scale). The add-in prints with the same.
 */
export function summaryColumnWidths(columns: number, reportedChars = 0): number[] {
  return Array.from({ length: columns }, (_, j) =>
    j === REPORTED_INDEX ? Math.max(LEADING_WIDTHS[j], reportedChars + 2) : (LEADING_WIDTHS[j] ?? UNIT_WIDTH),
  );
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

function isRequired(plan: Plan, c: Consolidation, unit: string, code: string): boolean {
  const state = c.grid[unit]?.[code];
  if (state) return state !== 'not-required';
  return plan.indicators.find((i) => i.code === code)?.reporters.includes(unit) ?? false;
}

/** The 汇总 sheet and the charts to draw on it (added to the package by write.ts). */
export interface SummarySheet {
  ws: ExcelJS.Worksheet;
  charts: BarChartSpec[];
}

export function addSummarySheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  c: Consolidation,
  units: UnitColumn[],
  subtitle: string,
): SummarySheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.summary, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: SUMMARY_HEADER_ROW }],
  });
  const headers = [...SUMMARY_LEADING_HEADERS, ...units.map((u) => u.label)];
  const firstUnitCol = SUMMARY_LEADING_HEADERS.length + 1;
  const lastUnitCol = firstUnitCol + units.length - 1;
  const widths = summaryColumnWidths(LEADING_WIDTHS.length + units.length, longestReportedText(plan, c.indicators));
  const width = (col: number) => widths[col - 1];

  writeTitle(ws, 1, `${plan.title} 指标汇总`);
  writeTitle(ws, 2, subtitle, 11);
  writeHeader(ws, SUMMARY_HEADER_ROW, headers);
  // Full unit names as notes on the short headers.
  units.forEach((u, i) => {
    if (u.name !== u.label) ws.getCell(SUMMARY_HEADER_ROW, firstUnitCol + i).note = u.name;
  });

  const leading = allLeadingValues(plan, c);
  c.indicators.forEach((ind, i) => {
    const r = FIRST_DATA_ROW + i;
    const row = ws.getRow(r);
    const values = leading[i];
    values.forEach((v, j) => (row.getCell(j + 1).value = v));
    row.getCell(COL.city).font = { bold: true };
    row.getCell(COL.completion).numFmt = '0.0%';
    row.getCell(COL.attained).alignment = { horizontal: 'center', vertical: 'middle' };
    // A partial sum: "已报 5/10" in the colour of 无数据, so it is not read as the city total.
    const reported = reportedOf(plan, ind);
    const rep = row.getCell(COL.reported);
    rep.alignment = { horizontal: 'center', vertical: 'middle' };
    if (reported && reported.count < reported.expected) rep.font = { color: { argb: COLORS.noDataText }, bold: true };
    // The units' explanations (强制上报说明) beside the figure.
    const remarks = Object.entries(ind.remarks ?? {});
    if (remarks.length) row.getCell(COL.city).note = cleanText(`单位说明：\n${remarks.map(([u, t]) => `${unitLabel(plan, u)}：${t}`).join('\n')}`);
    const dvl = ind.city.districtsVsLead;
    if (dvl) row.getCell(COL.diff).note = `区县合计 ${numberValue(dvl.districtsSum)}，牵头部门 ${numberValue(dvl.lead)}，差异 ${numberValue(dvl.difference)}`;
    // Wrapped cells: their text decides the row's height (LibreOffice and
    // WPS print with the stored height, see layout-text.ts).
    const wrapped: WrappedCell[] = [COL.category, COL.name, COL.target, COL.basis, COL.ranking].map((col) => ({
      text: typeof values[col - 1] === 'string' ? (values[col - 1] as string) : null,
      width: width(col),
    }));
    const excluded = new Map(excludedOf(ind).map((e) => [e.unit, e]));
    const unusable = unusableOf(ind);
    units.forEach((u, j) => {
      const cell = row.getCell(firstUnitCol + j);
      // Qualitative goals carry the unit's words (kept as inert text).
      const words = ind.texts?.[u.code];
      cell.value = words != null ? textValue(words) : numberValue(unitFigure(ind, u.code));
      // A district made from its towns: how many of them reported.
      const node = nodeOf(ind, u.code);
      if (node && node.from === 'below') cell.note = `由镇（街道）汇总：已报 ${node.reported.count}/${node.reported.expected}${node.complete ? '' : '（不完整）'}`;
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
      // A value left out of the city figure (a likely unit slip), or one that
      // could not be used: marked, and the note says why.
      const out = excluded.get(u.code);
      const why = out ? `未计入全市数（${out.reason === 'error' ? '数值有错误' : '待核实'}）：${out.message}` : unusable[u.code] ? `无法使用：${unusable[u.code]}` : null;
      if (why) {
        // As text: shown where it stands, but outside the column's data bar and any sum a reader makes in Excel.
        if (out && cell.value === null && out.value !== null) cell.value = `${numberValue(out.value)}（未计入）`;
        cell.fill = solidFill(COLORS.noData);
        cell.font = { color: { argb: COLORS.noDataText }, bold: true, italic: true };
        cell.note = cleanText(why);
      }
    });
    for (let col = 1; col <= headers.length; col++) {
      const cell = row.getCell(col);
      cell.border = GRID_BORDER;
      // Tall rows: everything centred vertically, as the wrapped cells are.
      if (!cell.alignment?.wrapText) cell.alignment = { ...cell.alignment, vertical: 'middle' };
    }
    for (const col of [COL.category, COL.name, COL.basis, COL.ranking]) row.getCell(col).alignment = { wrapText: true, vertical: 'middle' };
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
      word(ATTAINMENT_WORDS.unverified, COLORS.unverified, COLORS.unverifiedText, 6),
    ],
  });

  ws.autoFilter = { from: { row: SUMMARY_HEADER_ROW, column: 1 }, to: { row: lastRow, column: headers.length } };
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  printSetup(ws, `1:${SUMMARY_HEADER_ROW}`, {
    paperSize: 8,
    fitToWidth: summaryPagesWide(widths, SUMMARY_KEY_COLUMNS),
    titleColumns: `A:${colLetter(SUMMARY_KEY_COLUMNS)}`,
  });
  // The charts and their data, below the table (two rows of space).
  const charts = c.indicators.length ? addChartSection(ws, plan, c, units, lastRow + 3, widths) : [];
  return { ws, charts };
}
