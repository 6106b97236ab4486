/**
 * 上期对比与说明: per indicator, this period's city figure beside the
 * previous period's (上期, 增量, 同比/环比), whether the city is on the
 * straight path from the plan's first-year to its final-year target, and the
 * explanations units wrote beside their values (强制上报说明). Written only
 * when there is something to show (earlier returns, a multi-year path, or
 * remarks).
 */

import { unitLabel } from './units';
import type ExcelJS from 'exceljs';
import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { cfFill, COLORS, GRID_BORDER, numberValue, printSetup, solidFill, textValue, writeHeader, writeTitle } from './cells';
import { wrappedRowHeight } from '../layout-text';
import type { BarChartSpec } from '../ooxml/chart-xml';

export const PREVIOUS_SHEET = '上期对比与说明';
const HEADER_ROW = 2;
const WIDTHS = [14, 32, 8, 12, 12, 12, 10, 11, 11, 11, 12, 50];
/** `open`: a path and a figure, but values still missing or to be verified could change the verdict. */
const ON_PATH = { yes: '在路径上', no: '落后于路径', open: '数据不全，未判断' } as const;

function basisWord(ind: IndicatorSummary): string | null {
  const b = ind.previous?.basis;
  return b === 'yoy' ? '同比' : b === 'pop' ? '环比' : null;
}

/** At most this many indicators in the path chart (off-track ones first). */
export const TRAJECTORY_CHART_MAX = 12;
/** The chart's data table: B (the indicator), D (计划路径), E (实际); the chart over F…L beside it. */
const CHART_COL = { name: 2, planned: 4, actual: 5 } as const;
const CHART_FROM_COL = 6;
const CHART_TO_COL = 12;
/** Pixels of a default (15 pt) row; title, legend and axis of a chart in pixels. */
const ROW_PX = 20;
const CHART_FRAME_PX = 130;

/**
 * The indicators drawn on the path chart: those with a path, off track
 * first (then no city figure, then on track), in plan order within each,
 * at most TRAJECTORY_CHART_MAX.
 */
export function trajectoryChartRows(c: Consolidation): IndicatorSummary[] {
  const rank = (i: IndicatorSummary) => (i.trajectory!.onTrack === false ? 0 : i.trajectory!.onTrack === null ? 1 : 2);
  return c.indicators
    .filter((i) => i.trajectory)
    .map((ind, k) => ({ ind, k }))
    .sort((a, b) => rank(a.ind) - rank(b.ind) || a.k - b.k)
    .slice(0, TRAJECTORY_CHART_MAX)
    .map((x) => x.ind);
}

const ref = (col: number, row1: number, row2 = row1) => {
  const c = String.fromCharCode(64 + col);
  return `'${PREVIOUS_SHEET}'!$${c}$${row1}${row2 === row1 ? '' : `:$${c}$${row2}`}`;
};

/** Remarks shown in one cell at most; a thousand towns' remarks are in their returns and in --json. */
const MAX_REMARKS = 8;

/** One remark per line, the first MAX_REMARKS of them and how many more. */
function remarkLines(lines: string[]): string {
  const more = lines.length - MAX_REMARKS;
  return more > 0 ? [...lines.slice(0, MAX_REMARKS), `……另有 ${more} 个单位的说明（见其报表备注栏）`].join('\n') : lines.join('\n');
}

/**
 * Below the table (two empty rows): 本年应达 (the planned path) beside the
 * city figure for the indicators with a path, as a small table in B, D, E
 * and a clustered bar chart over the empty cells F…L beside it.
 */
function addTrajectoryChart(ws: ExcelJS.Worksheet, c: Consolidation, firstRow: number): BarChartSpec[] {
  const inds = trajectoryChartRows(c);
  if (!inds.length) return [];
  const total = c.indicators.filter((i) => i.trajectory).length;
  const top = firstRow;
  let r = top;
  const title = `规划路径图表数据：本年应达与本期全市${total > inds.length ? `（落后于路径的优先，前 ${inds.length} 项，共 ${total} 项）` : ''}`;
  writeTitle(ws, r++, title, 11);
  const head = r++;
  const headRow = ws.getRow(head);
  for (const [col, text] of [[CHART_COL.name, '指标（单位）'], [CHART_COL.planned, '计划路径'], [CHART_COL.actual, '实际']] as const) {
    const cell = headRow.getCell(col);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = solidFill(COLORS.header);
    cell.border = GRID_BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  }
  const first = r;
  const label = (i: IndicatorSummary) => `${textValue(i.name) ?? i.code}${i.unit ? `（${textValue(i.unit)}）` : ''}`;
  for (const ind of inds) {
    const row = ws.getRow(r++);
    row.getCell(CHART_COL.name).value = label(ind);
    row.getCell(CHART_COL.planned).value = numberValue(ind.trajectory!.expected);
    row.getCell(CHART_COL.actual).value = numberValue(ind.city.value);
    for (const col of Object.values(CHART_COL)) {
      row.getCell(col).border = GRID_BORDER;
      row.getCell(col).alignment = { vertical: 'middle', wrapText: col === CHART_COL.name };
    }
    row.height = wrappedRowHeight([{ text: label(ind), width: WIDTHS[CHART_COL.name - 1] }]);
  }
  const last = r - 1;
  const height = Math.max(Math.ceil((inds.length * 30 + CHART_FRAME_PX) / ROW_PX), last - top + 1);
  return [
    {
      title: `规划路径：本年应达与本期全市（${c.period}）`,
      categoriesRef: ref(CHART_COL.name, first, last),
      categories: inds.map(label),
      series: [
        { name: '计划路径', nameRef: ref(CHART_COL.planned, head), ref: ref(CHART_COL.planned, first, last), values: inds.map((i) => numberValue(i.trajectory!.expected)), color: 'A5A5A5' },
        { name: '实际', nameRef: ref(CHART_COL.actual, head), ref: ref(CHART_COL.actual, first, last), values: inds.map((i) => numberValue(i.city.value)), color: '5B9BD5' },
      ],
      stacked: false,
      valueFormat: 'General',
      from: { col: CHART_FROM_COL - 1, row: top - 1 },
      to: { col: CHART_TO_COL, row: top - 1 + height },
    },
  ];
}

export function addPreviousSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): { ws: ExcelJS.Worksheet; charts: BarChartSpec[] } | null {
  const rows = c.indicators.filter((i) => i.previous || i.trajectory || i.remarks);
  if (!rows.length) return null;
  const prevPeriod = c.indicators.find((i) => i.previous)?.previous?.period;
  const ws = wb.addWorksheet(PREVIOUS_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  writeTitle(ws, 1, `上期对比与说明（本期 ${c.period}${prevPeriod ? `，上期 ${prevPeriod}` : ''}）`, 12);
  writeHeader(ws, HEADER_ROW, ['代码', '指标', '单位', '本期全市', '上期全市', '增量', '同比/环比', '首年目标', '末年目标', '本年应达', '规划路径', '单位说明']);
  const unitName = (code: string) => unitLabel(plan, code);
  rows.forEach((ind, k) => {
    const r = HEADER_ROW + 1 + k;
    const row = ws.getRow(r);
    const t = ind.trajectory;
    const remarks = remarkLines(Object.entries(ind.remarks ?? {}).map(([u, text]) => `${unitName(u)}：${text}`));
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
      !t ? null : t.onTrack !== null ? (t.onTrack ? ON_PATH.yes : ON_PATH.no) : ind.city.value !== null ? ON_PATH.open : null,
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
  const charts = addTrajectoryChart(ws, c, last + 3);
  return { ws, charts };
}
