/**
 * The add-in's summary as tables: 汇总 with the CLI's columns and widths,
 * and the charts sheet — each chart beside its helper table (never over
 * data), tall enough for its categories, starting at the top of the sheet.
 * The real figures are checked end to end in e2e.test.ts.
 */

import { parseA1 } from '../../src/core/a1';
import { CHART_SHEET, buildSummaryTables, chartRows } from '../../src/addin/summaryTables';
import { SUMMARY_KEY_COLUMNS, SUMMARY_LEADING_HEADERS, SUMMARY_SHEETS } from '../../src/xlsx/summary/labels';
import { summaryColumnWidths } from '../../src/xlsx/summary/sheet-summary';
import { testConsolidation, testPlan } from '../summary/fixture';

function box(a: string) {
  const [p, q] = a.split(':').map((x) => parseA1(x)!);
  return { r1: p.row, c1: p.col, r2: (q ?? p).row, c2: (q ?? p).col };
}
const overlaps = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

test('汇总 follows the CLI labels: their widths by header, the key columns repeated, 完成率 as a percentage where listed', () => {
  const plan = testPlan();
  const c = testConsolidation(plan);
  const t = buildSummaryTables(plan, c);
  const s = t.sheets.find((x) => x.name === SUMMARY_SHEETS.summary)!.table;
  const headers = s.rows[2].map(String);
  expect(headers.slice(0, SUMMARY_LEADING_HEADERS.length)).toEqual([...SUMMARY_LEADING_HEADERS]);
  const cli = summaryColumnWidths(headers.length);
  expect(s.widths).toEqual(cli);
  expect(s.keyColumns).toBe(SUMMARY_KEY_COLUMNS);
  const rate = headers.indexOf('完成率');
  expect(s.numberFormats).toEqual(rate >= 0 ? { [rate + 1]: '0.0%' } : {});
});

test('each chart sits beside its own helper table on the charts sheet, over no data, sized for its categories', () => {
  const plan = testPlan();
  // Many categories, as in the Suzhou plan (38 in its charts): the chart grows with them.
  for (let i = 0; i < 36; i++) plan.categories.push({ id: `X${i}`, name: `类型${i}` } as never);
  const c = testConsolidation(plan);
  c.indicators.forEach((ind, i) => (ind.category = i < 2 ? 'A' : `X${i}`));
  for (let i = 0; i < 30; i++) c.indicators.push({ ...c.indicators[0], code: `T-X${i}`, category: `X${i}` });
  const t = buildSummaryTables(plan, c);
  const sheet = t.sheets.find((x) => x.name === CHART_SHEET)!;
  // Right after 汇总, before 报送情况 and 问题清单.
  expect(t.sheets.map((x) => x.name)).toEqual([SUMMARY_SHEETS.summary, CHART_SHEET, SUMMARY_SHEETS.submissions, SUMMARY_SHEETS.findings]);
  expect(t.charts.map((x) => x.title)).toEqual(['按类型达标情况', '各区县达标情况（按各区县填报表的目标）']);
  const rows = sheet.table.rows;
  const data: ReturnType<typeof box>[] = [];
  rows.forEach((r, i) => r.forEach((v, j) => v !== '' && data.push(box(`${String.fromCharCode(65 + j)}${i + 1}`))));
  const placed = t.charts.map((ch) => ({ ...ch, at: box(`${ch.from}:${ch.to}`), src: box(ch.source) }));
  for (const ch of placed) {
    expect(ch.sheet).toBe(CHART_SHEET);
    for (const d of data) expect(overlaps(ch.at, d)).toBe(false);
    // Beside its table: same top row as the table's title, to its right.
    expect(ch.at.r1).toBe(ch.src.r1 - 1);
    expect(ch.at.c1).toBeGreaterThan(ch.src.c2);
    const categories = ch.src.r2 - ch.src.r1;
    expect(ch.at.r2 - ch.at.r1 + 1).toBe(chartRows(categories, ch.src.c2 - ch.src.c1));
  }
  // The first chart starts at the top, where the sheet opens; the charts do not overlap each other.
  expect(placed[0].at.r1).toBe(1);
  expect(overlaps(placed[0].at, placed[1].at)).toBe(false);
  // 31 categories get a chart far taller than the old 15 rows.
  expect(placed[0].src.r2 - placed[0].src.r1).toBe(new Set(c.indicators.map((i) => i.category)).size);
  expect(placed[0].src.r2 - placed[0].src.r1).toBeGreaterThan(30);
  expect(placed[0].at.r2 - placed[0].at.r1 + 1).toBeGreaterThan(40);
});
