/**
 * The summary a city office forwards, as a user makes it: templates from the
 * real generator, returns filled by openpyxl with chosen numbers, the real
 * `plansheet consolidate`, and the workbook read back by independent readers
 * (openpyxl, the package's own XML, LibreOffice). Every expected figure is
 * computed here from the numbers typed, not taken from the engine.
 */

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan } from '../../src/core/plan/builtin';
import type { Indicator, Plan } from '../../src/core/plan/types';
import { cli, fillReturn, generateBlanks, goodValue } from '../cli-validate/returns';
import { PYTHON } from '../support/python';
import { checkXlsx, errorLines } from '../ooxml/check';
import { colName, inspectXlsx, libreOfficeConvert, rowValues, type Inspected, type InspectedSheet } from './tools';

const PLAN_ID = 'suzhou-new-infrastructure-2020-2022';
const YEAR = '2022';
const plan: Plan = builtinPlan(PLAN_ID)!;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-cli-summary-'));
const out = path.join(root, 'summary.xlsx');
const kind = new Map(plan.units.map((u) => [u.code, u.kind]));
const districts = plan.units.filter((u) => u.kind === 'district');
const label = (code: string) => plan.units.find((u) => u.code === code)!.shortName ?? code;

/** District i types (i + 1) × 10 into every number it reports (a percentage: 50 + i). */
const typed = (ind: Indicator, i: number) => (ind.kind === 'percent' ? 50 + i : (i + 1) * 10);
const numeric = (ind: Indicator) => ind.kind !== 'text';
// The district that leaves its first ten numbers blank (one 问题清单 line, ten cells).
const blanker = districts[2].code;
const blanked = plan.indicators.filter((i) => i.reporters.includes(blanker) && numeric(i)).slice(0, 10);
// A sum every district reports, led by a department only, not among the blanks: its 完成率 is hand-computed.
const summed = plan.indicators.find(
  (i) =>
    i.rollup === 'sum' &&
    i.kind === 'count' &&
    i.targets[YEAR]?.op === 'ge' &&
    i.lead.every((u) => kind.get(u) === 'department') &&
    districts.every((d) => i.reporters.includes(d.code)) &&
    !blanked.includes(i),
)!;
// A sum the blanker left blank: a partial sum, 9 of 10.
const partial = blanked.find((i) => i.rollup === 'sum' && districts.every((d) => i.reporters.includes(d.code)))!;

let json: {
  indicators: { code: string; units: Record<string, number | null>; city: { value: number | null; attained: string } }[];
  findings: { rule: string; unit: string | null; cell: string | null }[];
};
let wb: Inspected;
let sum: InspectedSheet;
let header: (string | number | boolean | null)[];
let started: number;

/** The 汇总 row of an indicator, by its code in column A. */
function rowOf(code: string): (string | number | boolean | null)[] {
  for (let r = 4; r <= sum.maxRow; r++) if (sum.cells[`A${r}`]?.v === code) return rowValues(sum, r);
  throw new Error(`no row for ${code}`);
}

/** Values of an A1 range on 汇总 ('汇总'!$C$40:$C$45). */
function rangeValues(ref: string): (string | number | boolean | null)[] {
  const m = /!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref)!;
  const [col, r1, r2] = [m[1], Number(m[2]), Number(m[4] ?? m[2])];
  return Array.from({ length: r2 - r1 + 1 }, (_, k) => sum.cells[`${col}${r1 + k}`]?.v ?? null);
}

beforeAll(() => {
  expect(summed).toBeDefined();
  expect(partial).toBeDefined();
  const blanks = generateBlanks(PLAN_ID, YEAR, path.join(root, 'blank'));
  const returns = path.join(root, 'returns');
  for (const [unit, blank] of blanks) {
    const i = districts.findIndex((d) => d.code === unit);
    const values: Record<string, number | string | null> = {};
    for (const ind of plan.indicators) {
      if (!ind.reporters.includes(unit)) continue;
      values[ind.code] = i >= 0 && numeric(ind) ? typed(ind, i) : goodValue(ind, YEAR);
    }
    if (unit === blanker) for (const ind of blanked) values[ind.code] = null;
    fillReturn(plan, blank, path.join(returns, path.basename(blank)), unit, YEAR, { values });
  }
  started = Date.now();
  const r = cli(['consolidate', returns, '--out', out, '--json']);
  expect(r.code).toBe(1); // the blanks are errors
  json = JSON.parse(r.stdout);
  wb = inspectXlsx(out);
  sum = wb.sheet['汇总'];
  header = rowValues(sum, 3);
}, 600_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('the workbook passes the ECMA-376 check with its charts', () => {
  const r = checkXlsx([out]);
  expect(errorLines(r)).toEqual([]);
  expect(r.files[out]).toEqual([]);
});

test('完成率 is the city figure over its target, and 已报 says how many districts made it', () => {
  const col = (h: string) => header.indexOf(h);
  const row = rowOf(summed.code);
  const total = districts.reduce((s, _, i) => s + typed(summed, i), 0);
  expect(total).toBe(550);
  expect(row[col('全市')]).toBe(total);
  const target = summed.targets[YEAR];
  if (target?.op !== 'ge') throw new Error('not an at-least target');
  expect(row[col('完成率')]).toBeCloseTo(total / target.value, 9);
  expect(row[col('已报')]).toBe(`${districts.length}/${districts.length}`);
  // Shown as a percentage.
  const r = 4 + json.indicators.findIndex((i) => i.code === summed.code);
  expect(sum.cells[`${colName(col('完成率') + 1)}${r}`].t).toBe('n');

  // A partial sum: "9/10" beside it, and no 完成率 that would read as a shortfall.
  const p = rowOf(partial.code);
  expect(p[col('已报')]).toBe(`${districts.length - 1}/${districts.length}`);
  expect(p[col('完成率')] ?? null).toBeNull();
  expect(p[col('全市')]).toBe(districts.reduce((s, d, i) => s + (d.code === blanker ? 0 : typed(partial, i)), 0));
});

test('区县排名 ranks the districts on a summed indicator, best first', () => {
  const row = rowOf(summed.code);
  const ranked = [...districts].reverse().map((d, k) => `${k + 1} ${label(d.code)}`);
  expect(row[header.indexOf('区县排名')]).toBe(ranked.join(' · '));
});

test('the time stamp is China time and says so', () => {
  const subtitle = String(sum.cells['A2'].v);
  const m = /生成于 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})（北京时间 UTC\+8）/.exec(subtitle);
  expect(m).not.toBeNull();
  // Read as UTC+8, the stamp is the moment the CLI ran.
  const stamped = Date.parse(`${m![1].replace(' ', 'T')}:00+08:00`);
  expect(Math.abs(stamped - started)).toBeLessThan(5 * 60_000);
});

test('问题清单: one district\'s ten blanks are one line, the cells listed, the rule in words', () => {
  const f = wb.sheet['问题清单'];
  expect(rowValues(f, 1)).toEqual(['单位', '严重程度', '问题', '处数', '工作表', '单元格', '指标', '说明', '文件', '规则']);
  const rows = Array.from({ length: f.maxRow - 1 }, (_, k) => rowValues(f, k + 2));
  const name = plan.units.find((u) => u.code === blanker)!.name;
  const mine = rows.filter((r) => r[0] === name && r[9] === 'value.missing');
  expect(mine).toHaveLength(1);
  const [line] = mine;
  expect(line.slice(1, 4)).toEqual(['错误', '必填指标未填写', 10]);
  // The cells of the ten findings, in runs: every one of them is named.
  const cells = json.findings.filter((x) => x.unit === blanker && x.rule === 'value.missing').map((x) => x.cell!);
  expect(cells).toHaveLength(10);
  const listed = String(line[5]).split('、').flatMap((part) => {
    const [a, b] = part.split(':');
    const col = a.replace(/\d+/, '');
    const from = Number(a.replace(/\D+/, ''));
    const to = b ? Number(b.replace(/\D+/, '')) : from;
    return Array.from({ length: to - from + 1 }, (_, k) => `${col}${from + k}`);
  });
  expect(listed.sort()).toEqual([...cells].sort());
  expect(String(line[6])).toContain(blanked[0].code);
  // The whole list is one line per unit, file and rule.
  const keys = rows.map((r) => `${r[0]}|${r[8]}|${r[9]}|${r[1]}`);
  expect(new Set(keys).size).toBe(keys.length);
});

describe('charts', () => {
  type Series = { name: string; nameRef: string; ref: string; values: (number | null)[]; categoriesRef: string; categories: string[] };
  type Chart = { part: string; relType: string; title: string; barDir: string; grouping: string; from: [number, number]; to: [number, number]; series: Series[] };
  let charts: Chart[];
  let parts: { parts: string[]; contentTypes: string };

  beforeAll(() => {
    const dump = JSON.parse(execFileSync(PYTHON, [path.join(__dirname, 'chart_parts.py'), out], { encoding: 'utf8' }));
    charts = dump.sheets['汇总'];
    parts = dump;
  });

  test('are native chart parts of 汇总, with content types', () => {
    expect(charts.map((c) => [c.title, c.relType, c.barDir])).toEqual([
      ['各类型指标达标情况', 'chart', 'bar'],
      ['各区县重点指标完成率', 'chart', 'bar'],
    ]);
    for (const c of charts) expect(parts.contentTypes).toContain(`PartName="/${c.part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
  });

  test('attainment by category: the table it reads counts the JSON verdicts', () => {
    const [c] = charts;
    expect(c.grouping).toBe('stacked');
    expect(c.series.map((s) => s.name)).toEqual(['达标', '未达标', '待核实', '无数据']);
    const cats = rangeValues(c.series[0].categoriesRef);
    expect(cats).toEqual(c.series[0].categories);
    // Top-level categories, each once.
    const top = (id: string) => {
      const cat = plan.categories.find((x) => x.id === id)!;
      return cat.parent ? plan.categories.find((x) => x.id === cat.parent)!.name : cat.name;
    };
    expect(new Set(cats).size).toBe(cats.length);
    const verdict = { 达标: 'met', 未达标: 'missed', 待核实: 'unverified', 无数据: 'no-data' } as const;
    for (const s of c.series) {
      // The series name is the header cell it references; the values the cells.
      expect(rangeValues(s.nameRef)).toEqual([s.name]);
      expect(rangeValues(s.ref)).toEqual(s.values);
      const want = cats.map(
        (name) => json.indicators.filter((i) => top(plan.indicators.find((x) => x.code === i.code)!.category) === name && i.city.attained === verdict[s.name as keyof typeof verdict]).length,
      );
      expect(s.values).toEqual(want);
    }
    expect(c.series[0].values.reduce((a, b) => a! + b!, 0)).toBe(json.indicators.filter((i) => i.city.attained === 'met').length);
  });

  test("each district's 完成率 on the key indicators, computed from the numbers typed", () => {
    const c = charts[1];
    expect(c.grouping).toBe('clustered');
    expect(rangeValues(c.series[0].categoriesRef)).toEqual(districts.map((d) => d.shortName));
    expect(c.series.length).toBeGreaterThan(0);
    expect(c.series.length).toBeLessThanOrEqual(4);
    for (const s of c.series) {
      // No district has its own target in this plan: the share of the city target.
      expect(s.name).toMatch(/（占全市目标）$/);
      const ind = plan.indicators.find((i) => s.name.startsWith(i.name) && i.rollup === 'sum')!;
      const t = ind.targets[YEAR]!;
      const goal = t.op === 'ge' || t.op === 'eq' ? t.value : t.op === 'range' ? t.min : NaN;
      const want = districts.map((d, i) => (d.code === blanker && blanked.includes(ind) ? null : typed(ind, i) / goal));
      s.values.forEach((v, k) => (want[k] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(want[k]!, 9)));
      expect(rangeValues(s.ref).map((v) => (v === null ? null : Number(v)))).toEqual(s.values.map((v) => (v === null ? null : Number(v.toPrecision(12)))));
    }
  });

  test('sit beside the key columns, below the table, over no data, tall enough for their categories', () => {
    const lastRow = 3 + json.indicators.length;
    const keyWidth = 9; // A:I
    for (const c of charts) {
      // 0-based anchors: from column J (index 9), below the indicator rows.
      expect(c.from[0]).toBe(keyWidth);
      expect(c.from[1]).toBeGreaterThanOrEqual(lastRow);
      // Nothing is written in the cells the chart covers.
      for (let r = c.from[1] + 1; r <= c.to[1] + 1; r++)
        for (let col = c.from[0] + 1; col <= c.to[0]; col++) expect(sum.cells[`${colName(col)}${r}`]).toBeUndefined();
      // About 20 px a row: room for every category's bars plus title and legend.
      const bars = c.series[0].categories.length * (c.grouping === 'stacked' ? 1 : c.series.length);
      expect((c.to[1] - c.from[1]) * 20).toBeGreaterThanOrEqual(bars * 8 + 120);
    }
    // The second chart starts below the first.
    expect(charts[1].from[1]).toBeGreaterThan(charts[0].to[1]);
  });

  test('LibreOffice reads the charts (they survive its round trip)', async () => {
    const back = await libreOfficeConvert(out, 'xlsx');
    const dump = JSON.parse(execFileSync(PYTHON, [path.join(__dirname, 'chart_parts.py'), back], { encoding: 'utf8' }));
    const again = dump.sheets['汇总'] as Chart[];
    expect(again.map((c) => c.barDir)).toEqual(['bar', 'bar']);
    expect(again.map((c) => c.series.length)).toEqual(charts.map((c) => c.series.length));
    expect(again[0].series[0].ref.replace(/'/g, '')).toBe(charts[0].series[0].ref.replace(/'/g, ''));
  }, 180_000);
});

test('报送情况 and 问题清单 rows are as tall as their wrapped text', () => {
  for (const name of ['报送情况', '问题清单']) {
    const s = wb.sheet[name];
    const first = name === '报送情况' ? 3 : 2;
    for (let r = first; r <= s.maxRow; r++) if (s.cells[`A${r}`] || s.cells[`B${r}`]) expect(s.rowHeights[String(r)]).toBeGreaterThanOrEqual(18);
  }
});
