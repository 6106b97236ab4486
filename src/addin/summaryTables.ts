/**
 * The consolidation as plain tables (rows of cell values) for the add-in to
 * write with Office.js. Sheet names and headers are the CLI summary
 * workbook's (src/xlsx/summary/labels.ts), so both outputs read the same.
 * Also the charts sheet: the attainment charts, each beside the small helper
 * table it is drawn from.
 */

import type { Consolidation, ReturnOutcome } from '../core/consolidate/types';
import { parsePeriod } from '../core/period';
import { entryTarget } from '../core/template/entry-target';
import { evaluateTarget } from '../core/plan/target';
import type { Plan } from '../core/plan/types';
import {
  ATTAINMENT_WORDS,
  FINDING_HEADERS,
  STATUS_WORDS,
  SUBMISSION_HEADERS,
  SUBMITTED_WORDS,
  SUMMARY_KEY_COLUMNS,
  SUMMARY_LEADING_HEADERS,
  SUMMARY_SHEETS,
} from '../xlsx/summary/labels';
import { summaryColumnWidths } from '../xlsx/summary/sheet-summary';
import { submittingUnits, unitColumns, unitLabel } from '../xlsx/summary/units';
import { TOWNS_SHEET, townRows, unitFigure, unitsBelow } from '../xlsx/summary/tree-units';
import { cleanText } from '../xlsx/summary/cells';
import { allLeadingValues } from '../xlsx/summary/leading';
import { findingRows } from '../xlsx/summary/finding-rows';
import { longestReportedText } from '../xlsx/summary/figure';
import { numToCol } from '../core/a1';
import { groupBy } from '../core/group-by';

export type CellValue = string | number | boolean;

export interface Table {
  /** Rows written from A1 down; every row has the same length. */
  rows: CellValue[][];
  /** 1-based rows to style as headers. */
  headerRows: number[];
  /** 1-based title row (bold, larger), if any. */
  titleRow?: number;
  /** Column widths in Excel's character units, as the CLI workbook sets them (else autofit). */
  widths?: number[];
  /** Leading columns repeated on every printed page (汇总: the key columns). */
  keyColumns?: number;
  /** Freeze the rows down to the last header row (default true). */
  freeze?: boolean;
  /** Number formats of whole data columns (1-based column → format), e.g. 完成率 as "0.0%". */
  numberFormats?: Record<number, string>;
  /** 1-based subtotal rows (镇街明细: a district above its towns), bold on the header fill as in the CLI sheet. */
  subtotalRows?: number[];
}

/** A native chart on the charts sheet, drawn from a helper table on the same sheet. */
export interface ChartSpec {
  title: string;
  sheet: string;
  /** The helper table the chart is drawn from (header row included), e.g. "A2:D12". */
  source: string;
  /** Top-left and bottom-right cells the chart covers: beside its table, over no data. */
  from: string;
  to: string;
}

export interface SummaryTables {
  sheets: { name: string; table: Table }[];
  charts: ChartSpec[];
}

/** The sheet the charts are drawn on, next to 汇总; the CLI workbook's summary sheets stay as they are. */
export const CHART_SHEET = '汇总图表';

/** Columns of a chart's helper table (A…D) and of the chart beside it (F…M): never over data, and in view beside a docked pane. */
const HELPER_COLS = 4;
const CHART_FIRST_COL = HELPER_COLS + 2;
const CHART_COLS = 8;
/** Rows a chart needs: title, legend and axis, then room per category for its bars. */
export function chartRows(categories: number, series: number): number {
  return Math.max(12, 6 + Math.ceil(categories * (0.6 + 0.35 * series)));
}

export function buildSummaryTables(plan: Plan, c: Consolidation): SummaryTables {
  const allUnits = unitColumns(plan, c);
  // Towns below a district: 汇总 has the district's column (its own value or its towns' total), the towns go to 镇街明细.
  const below = unitsBelow(plan, c, new Set(allUnits.map((u) => u.code)));
  const units = allUnits.filter((u) => !below.has(u.code));
  const sheetName = SUMMARY_SHEETS.summary;

  // 汇总: the key columns first (代码 … 达标情况, then 计算方式 and the
  // districts-vs-lead difference), then one column per unit, as in the CLI workbook.
  const width = SUMMARY_LEADING_HEADERS.length + units.length;
  const pad = (row: CellValue[]) => [...row, ...Array(Math.max(0, width - row.length)).fill('')];
  const summary: CellValue[][] = [
    pad([`${plan.title} 指标汇总`]),
    pad([`期间：${c.period}　报表 ${c.returns.filter((r) => r.status === 'accepted').length} 份`]),
    [...SUMMARY_LEADING_HEADERS, ...units.map((u) => u.label)],
  ];
  // The leading cells are the CLI workbook's own (src/xlsx/summary/leading.ts).
  allLeadingValues(plan, c).forEach((lead, i) => {
    const ind = c.indicators[i];
    summary.push([
      ...lead.map((v) => v ?? ''),
      // Qualitative goals carry the unit's words, as in the CLI workbook.
      ...units.map((u) => (ind.texts?.[u.code] != null ? cleanText(ind.texts[u.code]) : num(unitFigure(ind, u.code)))),
    ]);
  });

  // The CLI's column widths for its columns, so its print setup holds (found
  // by header: the add-in follows whatever leading columns the labels list).
  const headers = summary[2].map(String);
  const cliWidths = summaryColumnWidths(SUMMARY_LEADING_HEADERS.length + 1, longestReportedText(plan, c.indicators));
  const unitWidth = cliWidths[cliWidths.length - 1];
  const widths = headers.map((h) => {
    const i = (SUMMARY_LEADING_HEADERS as readonly string[]).indexOf(h);
    return i >= 0 ? cliWidths[i] : unitWidth;
  });
  // 完成率 (core's completion, a fraction) reads as a percentage where the labels have the column.
  const completionCol = headers.findIndex((h) => h.includes('完成率')) + 1;
  const numberFormats: Record<number, string> = completionCol > 0 ? { [completionCol]: '0.0%' } : {};

  // 报送情况
  const submissions: CellValue[][] = [pad2([`报送情况（${plan.title}，${c.period}）`], SUBMISSION_HEADERS.length), [...SUBMISSION_HEADERS]];
  const listed = new Set<string>();
  // Each unit's files, found once (thousands of towns).
  const byUnit = groupBy(c.returns, (r) => r.unit);
  const missing = new Set(c.missing);
  for (const u of submittingUnits(plan, c, allUnits)) {
    listed.add(u.code);
    const mine = byUnit.get(u.code) ?? [];
    const accepted = mine.find((r) => r.status === 'accepted');
    const other = mine.find((r) => r.status !== 'accepted');
    const o = accepted ?? other;
    const word = accepted ? SUBMITTED_WORDS.yes : other ? (other.status === 'conflict' ? SUBMITTED_WORDS.conflict : SUBMITTED_WORDS.rejected) : SUBMITTED_WORDS.no;
    const reason = o ? o.reason || STATUS_WORDS[o.status] : missing.has(u.code) ? '缺报' : '';
    submissions.push([u.name, word, ...outcome(o), reason]);
  }
  for (const r of c.returns) {
    if (r.unit && listed.has(r.unit)) continue;
    submissions.push([r.unit ? unitLabel(plan, r.unit) : '（未识别）', STATUS_WORDS[r.status], ...outcome(r), r.reason || STATUS_WORDS[r.status]]);
  }

  // 问题清单
  const findings: CellValue[][] = [[...FINDING_HEADERS]];
  // Grouped per unit, file and problem, as in the CLI workbook (src/xlsx/summary/finding-rows.ts).
  for (const row of findingRows(plan, c)) findings.push(row.map((v) => v ?? ''));

  // The charts sheet: each helper table in A:D, its chart beside it in F:O,
  // tall enough for its categories; the next pair starts below the taller one.
  const byCategory: CellValue[][] = [['类型', ATTAINMENT_WORDS.met, ATTAINMENT_WORDS.missed, ATTAINMENT_WORDS.unverified]];
  for (const cat of plan.categories) {
    const inds = c.indicators.filter((i) => i.category === cat.id);
    if (!inds.length) continue;
    const n = (a: string) => inds.filter((i) => i.city.attained === a).length;
    byCategory.push([chartCategory(plan, cat.id), n('met'), n('missed'), n('unverified')]);
  }
  // A district's own attainment, judged only where its entry sheet judges it
  // (entryTarget): a district's share of a city total is not a miss.
  const p = parsePeriod(c.period);
  const byDistrict: CellValue[][] = [['区县', ATTAINMENT_WORDS.met, ATTAINMENT_WORDS.missed, '']];
  for (const u of units.filter((x) => x.kind === 'district')) {
    let met = 0;
    let missed = 0;
    for (const ind of c.indicators) {
      const v = ind.units[u.code];
      const def = plan.indicators.find((i) => i.code === ind.code);
      if (typeof v !== 'number' || !def || !p) continue;
      const et = entryTarget(def, p, u.code);
      if (et.judgement !== 'full') continue;
      const e = evaluateTarget(et.target, v);
      if (!e) continue;
      if (e.met) met++;
      else missed++;
    }
    byDistrict.push([u.label, met, missed, '']);
  }
  const chartRowsOut: CellValue[][] = [];
  const chartHeaders: number[] = [];
  const charts: ChartSpec[] = [];
  const place = (title: string, table: CellValue[][], series: number) => {
    if (table.length < 2) return;
    const top = chartRowsOut.length + 1;
    chartHeaders.push(top + 1);
    chartRowsOut.push(padTo([title], HELPER_COLS));
    table.forEach((r) => chartRowsOut.push(padTo(r.slice(0, HELPER_COLS), HELPER_COLS)));
    const height = chartRows(table.length - 1, series);
    while (chartRowsOut.length < top - 1 + height + 1) chartRowsOut.push(padTo([], HELPER_COLS));
    charts.push({
      title,
      sheet: CHART_SHEET,
      source: `A${top + 1}:${colName(series + 1)}${top + table.length}`,
      from: `${colName(CHART_FIRST_COL)}${top}`,
      to: `${colName(CHART_FIRST_COL + CHART_COLS - 1)}${top + height - 1}`,
    });
    chartRowsOut.push(padTo([], HELPER_COLS));
  };
  place('按类型达标情况', byCategory, 3);
  place('各区县达标情况（按各区县填报表的目标）', byDistrict, 2);

  return {
    sheets: [
      { name: sheetName, table: { rows: summary, headerRows: [3], titleRow: 1, widths, keyColumns: SUMMARY_KEY_COLUMNS, numberFormats } },
      ...(charts.length ? [{ name: CHART_SHEET, table: { rows: chartRowsOut, headerRows: chartHeaders, widths: [24, 8, 8, 8], freeze: false } }] : []),
      ...(below.size ? [{ name: TOWNS_SHEET, table: townTable(plan, c) }] : []),
      { name: SUMMARY_SHEETS.submissions, table: { rows: submissions, headerRows: [2], titleRow: 1 } },
      { name: SUMMARY_SHEETS.findings, table: { rows: findings, headerRows: [1] } },
    ],
    charts,
  };
}

/** A category's label on the chart: "parent › own name" for a sub-category. */
function chartCategory(plan: Plan, id: string): string {
  const cat = plan.categories.find((x) => x.id === id);
  const parent = cat?.parent ? plan.categories.find((x) => x.id === cat.parent) : undefined;
  return cat ? (parent ? `${parent.name} › ${cat.name}` : cat.name) : id;
}

function padTo(row: CellValue[], width: number): CellValue[] {
  return [...row, ...Array(Math.max(0, width - row.length)).fill('')];
}

function pad2(row: CellValue[], width: number): CellValue[] {
  return [...row, ...Array(Math.max(0, width - row.length)).fill('')];
}

function num(v: number | null | undefined): CellValue {
  return typeof v === 'number' && Number.isFinite(v) ? v : '';
}

function outcome(o: ReturnOutcome | undefined): CellValue[] {
  if (!o) return ['', '', '', '', '', ''];
  return [o.file, o.date ?? o.generatedAt ?? '', o.contact ?? '', o.phone ?? '', o.errors, o.warnings];
}

/** 1-based column number → letters. */
export const colName = numToCol;

/** 镇街明细: the towns under their district's subtotal row (the rows the CLI sheet has). */
function townTable(plan: Plan, c: Consolidation): Table {
  const t = townRows(plan, c);
  return {
    rows: [t.header, ...t.rows.map((r) => r.cells.map((v) => v ?? ''))],
    headerRows: [1],
    subtotalRows: t.rows.flatMap((r, i) => (r.node ? [i + 2] : [])),
    widths: [12, 16, 22, ...t.indicators.map(() => 16)],
  };
}
