/**
 * The charts of 汇总, below the indicator table: each chart's data as a small
 * table in the key columns (C: the labels, D…: the values), and the chart
 * drawn beside it, over the empty cells right of the key columns (计算方式
 * onwards), so it covers no data and prints on the first page. Each chart is
 * as tall as its categories need.
 *
 * Returns the chart specifications; write.ts adds them to the package
 * (src/xlsx/ooxml/charts-step.ts), since ExcelJS writes no charts.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import type { BarChartSpec } from '../ooxml/chart-xml';
import { attainmentByCategory, ATTAINMENT_SERIES_WORDS, districtCompletion } from './chart-data';
import { colLetter, GRID_BORDER, numberValue, solidFill, COLORS, writeTitle } from './cells';
import { wrappedRowHeight } from '../layout-text';
import { SUMMARY_SHEETS } from './labels';
import type { UnitColumn } from './units';
import { LEADING_COL } from './leading';

const LABEL_COL = LEADING_COL.name; // C, the widest key column
/** The chart spans these 1-based columns: 计算方式 … 区县合计与牵头部门差异. */
const CHART_FIRST_COL = LEADING_COL.basis;
const CHART_LAST_COL = LEADING_COL.diff;
/** Pixels of a default (15 pt) row. */
const ROW_PX = 20;
/** Title, legend and axis of a chart, in pixels. */
const CHART_FRAME_PX = 130;

const ATTAINMENT_COLORS = ['63BE7B', 'F8696B', 'F4B183', 'FFD966'];
const SERIES_COLORS = ['5B9BD5', 'ED7D31', '70AD47', '7F7F7F'];

/** '汇总'!$C$40:$C$52 */
function ref(col: number, row1: number, row2 = row1): string {
  const c = colLetter(col);
  return `'${SUMMARY_SHEETS.summary}'!$${c}$${row1}${row2 === row1 ? '' : `:$${c}$${row2}`}`;
}

function rowsFor(px: number): number {
  return Math.ceil(px / ROW_PX);
}

function header(ws: ExcelJS.Worksheet, row: number, cells: [col: number, text: string, width: number][]): void {
  const r = ws.getRow(row);
  for (const [col, text] of cells) {
    const cell = r.getCell(col);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = solidFill(COLORS.header);
    cell.border = GRID_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  r.height = wrappedRowHeight(cells.map(([, text, width]) => ({ text, width })));
}

/**
 * Writes the chart tables from `firstRow` down and returns the charts.
 * @param widths the sheet's column widths (character units), 1-based by index − 1.
 */
export function addChartSection(
  ws: ExcelJS.Worksheet,
  plan: Plan,
  c: Consolidation,
  units: UnitColumn[],
  firstRow: number,
  widths: number[],
): BarChartSpec[] {
  const charts: BarChartSpec[] = [];
  const w = (col: number) => widths[col - 1];
  let r = firstRow;

  // 1. Attainment by category: stacked counts.
  const cats = attainmentByCategory(plan, c);
  if (cats.length) {
    const top = r;
    // Each chart starts a printed page, so it is never cut in two.
    ws.getRow(top - 1).addPageBreak();
    writeTitle(ws, r++, '图表数据一：各类型指标达标情况（个）', 11);
    const head = r++;
    header(ws, head, [
      [LABEL_COL, '类型', w(LABEL_COL)],
      ...ATTAINMENT_SERIES_WORDS.map((word, k): [number, string, number] => [LABEL_COL + 1 + k, word, w(LABEL_COL + 1 + k)]),
      [LABEL_COL + 1 + ATTAINMENT_SERIES_WORDS.length, '不评价（定性、无目标）', w(LABEL_COL + 1 + ATTAINMENT_SERIES_WORDS.length)],
    ]);
    const first = r;
    for (const cat of cats) {
      const row = ws.getRow(r++);
      row.getCell(LABEL_COL).value = cat.category;
      [...cat.counts, cat.notJudged].forEach((n, k) => (row.getCell(LABEL_COL + 1 + k).value = n));
      for (let k = 0; k <= cat.counts.length + 1; k++) row.getCell(LABEL_COL + k).border = GRID_BORDER;
    }
    const last = r - 1;
    const height = rowsFor(cats.length * 26 + CHART_FRAME_PX);
    charts.push({
      title: '各类型指标达标情况',
      categoriesRef: ref(LABEL_COL, first, last),
      categories: cats.map((x) => x.category),
      series: ATTAINMENT_SERIES_WORDS.map((word, k) => ({
        name: word,
        nameRef: ref(LABEL_COL + 1 + k, head),
        ref: ref(LABEL_COL + 1 + k, first, last),
        values: cats.map((x) => x.counts[k]),
        color: ATTAINMENT_COLORS[k],
      })),
      stacked: true,
      valueFormat: '0',
      from: { col: CHART_FIRST_COL - 1, row: top - 1 },
      to: { col: CHART_LAST_COL, row: top - 1 + height },
    });
    r = Math.max(r, top + height) + 2;
  }

  // 2. Each district's 完成率 on the key indicators: bars side by side.
  const districts = units.filter((u) => u.kind === 'district');
  const dc = districtCompletion(plan, c, districts);
  if (dc.indicators.length && districts.length) {
    const top = r;
    ws.getRow(top - 1).addPageBreak();
    const mixed = dc.indicators.some((i) => i.against !== 'own');
    writeTitle(ws, r++, '图表数据二：各区县重点指标完成率', 11);
    if (mixed) writeTitle(ws, r++, '有分解目标的按本区县目标计算；无分解目标的为占全市目标的比例（各区县之和即全市完成率）', 9);
    const head = r++;
    const label = (i: (typeof dc.indicators)[number]) => `${i.label}${i.against === 'city' ? '（占全市目标）' : ''}`;
    header(ws, head, [[LABEL_COL, '区县', w(LABEL_COL)], ...dc.indicators.map((i, k): [number, string, number] => [LABEL_COL + 1 + k, label(i), w(LABEL_COL + 1 + k)])]);
    const first = r;
    for (const d of dc.rows) {
      const row = ws.getRow(r++);
      row.getCell(LABEL_COL).value = d.district.label;
      row.getCell(LABEL_COL).border = GRID_BORDER;
      d.values.forEach((v, k) => {
        const cell = row.getCell(LABEL_COL + 1 + k);
        cell.value = numberValue(v);
        cell.numFmt = '0%';
        cell.border = GRID_BORDER;
      });
    }
    const last = r - 1;
    const height = rowsFor(dc.rows.length * (dc.indicators.length * 9 + 8) + CHART_FRAME_PX);
    charts.push({
      title: '各区县重点指标完成率',
      categoriesRef: ref(LABEL_COL, first, last),
      categories: dc.rows.map((d) => d.district.label),
      series: dc.indicators.map((i, k) => ({
        name: label(i),
        nameRef: ref(LABEL_COL + 1 + k, head),
        ref: ref(LABEL_COL + 1 + k, first, last),
        values: dc.rows.map((d) => numberValue(d.values[k])),
        color: SERIES_COLORS[k % SERIES_COLORS.length],
      })),
      stacked: false,
      valueFormat: '0%',
      from: { col: CHART_FIRST_COL - 1, row: top - 1 },
      to: { col: CHART_LAST_COL, row: top - 1 + height },
    });
  }
  return charts;
}
