/**
 * Issue 13, consolidation side, end to end: two periods (2022, then 2023) of
 * a small plan, templates from `plansheet generate`, returns filled by
 * openpyxl (save time and 填报日期 as a unit leaves them), consolidated by
 * the real CLI with --previous, --deadline and --feedback. Every figure and
 * status below is computed by hand in the comments.
 */

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Consolidation, IndicatorSummary } from '../../src/core/consolidate/types';
import { cli } from '../cli-validate/returns';
import { PYTHON, runPython, runPythonJson } from '../support/python';
import { checkXlsx, errorLines } from '../ooxml/check';

interface ChartDump {
  part: string;
  relType: string;
  title: string;
  barDir: string;
  grouping: string;
  from: [number, number];
  to: [number, number];
  series: { name: string; nameRef: string; ref: string; values: (number | null)[]; categoriesRef: string; categories: string[] }[];
}

const FILL = path.join(__dirname, 'py', 'fill_round.py');
const ROWS = path.join(__dirname, 'py', 'sheet_rows.py');
const INSPECT = path.join(__dirname, 'py', 'inspect_feedback.py');
const CHART_PARTS = path.join(__dirname, '..', 'summary', 'chart_parts.py');

const PLAN = {
  id: 'round-test-plan',
  title: '报送轮次测试计划（2021—2025年）',
  issuer: '测试单位',
  years: [2021, 2022, 2023, 2024, 2025],
  owner: '320500',
  source: 'test',
  categories: [{ id: 'A', name: '数字产业化' }],
  indicators: [
    {
      code: 'T-BIND', name: '约束性测试指标', unit: '个', category: 'A', kind: 'count', rollup: 'sum', attribute: 'binding',
      targets: { '2021': '100', '2022': '150', '2023': '170', '2025': '200' },
      lead: ['SZ-GXJ'], reporters: ['320582', '320581', '320585', '320583'], source: { doc: 'test', where: 'row 1' },
    },
    {
      code: 'T-CUM', name: '累计测试指标', unit: '家', category: 'A', kind: 'count', rollup: 'sum', cumulative: true,
      targets: { '2021': '30', '2025': '80' },
      lead: ['SZ-GXJ'], reporters: ['320582', '320581', '320585', '320583'], source: { doc: 'test', where: 'row 2' },
    },
    {
      code: 'T-AMT', name: '金额测试指标', unit: '亿元', category: 'A', kind: 'amount', rollup: 'sum',
      targets: { '2021': '1000', '2025': '2000' },
      lead: ['SZ-GXJ'], reporters: ['320582', '320581', '320585', '320583'], source: { doc: 'test', where: 'row 3' },
    },
  ],
  // 目标分解: each district's own share of the binding indicator.
  allocations: ['320582', '320581', '320585', '320583'].flatMap((unit) => [
    { unit, indicator: 'T-BIND', period: '2022', target: '40' },
    { unit, indicator: 'T-BIND', period: '2023', target: '50' },
  ]),
};

const V = (code: string) => `PSV_${code.replace(/-/g, '_')}`;
const R = (code: string) => `PSR_${code.replace(/-/g, '_')}`;

interface Fill {
  values: Record<string, number>;
  remarks?: Record<string, string>;
  contact: string;
  phone: string;
  date: string;
  /** Save time, UTC. */
  modified: string;
}

let root: string;
let planFile: string;

function generate(period: string, extra: string[] = []): Map<string, string> {
  const dir = path.join(root, `blank-${period}`);
  const r = cli(['generate', '--plan', planFile, '--period', period, '--out', dir, ...extra]);
  if (r.code !== 0) throw new Error(`generate failed: ${r.stderr}`);
  const map = new Map<string, string>();
  for (const f of fs.readdirSync(dir)) {
    const m = /^[^_]+_([^_]+)_.*\.xlsx$/.exec(f);
    if (m) map.set(m[1], path.join(dir, f));
  }
  return map;
}

function fill(src: string, dst: string, f: Partial<Fill>): string {
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  const text: Record<string, string> = {};
  for (const [code, s] of Object.entries(f.remarks ?? {})) text[R(code)] = s;
  if (f.contact) text.PS_REPORT_CONTACT = f.contact;
  if (f.phone) text.PS_REPORT_PHONE = f.phone;
  if (f.date) text.PS_REPORT_DATE = f.date;
  const values = Object.fromEntries(Object.entries(f.values ?? {}).map(([code, v]) => [V(code), v]));
  runPythonJson(FILL, [], { input: JSON.stringify({ src, dst, values, text, modified: f.modified }) });
  return dst;
}

function consolidate(args: string[]): { code: number; out: string; stderr: string; result: Consolidation & { feedback?: { unit: string; file: string; errors: number; warnings: number }[] } } {
  const out = path.join(root, `summary-${Math.random().toString(36).slice(2)}.xlsx`);
  const r = cli(['consolidate', ...args, '--plan', planFile, '--out', out, '--json']);
  if (r.code !== 0 && r.code !== 1) throw new Error(`consolidate exited ${r.code}: ${r.stderr}`);
  expect(fs.existsSync(out)).toBe(true);
  return { code: r.code, out, stderr: r.stderr, result: JSON.parse(r.stdout) };
}

const ind = (c: Consolidation, code: string): IndicatorSummary => c.indicators.find((i) => i.code === code)!;
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const basename = (f: string) => path.basename(f);

const Y2022: Record<string, Fill> = {
  '320582': { values: { 'T-BIND': 45, 'T-CUM': 20, 'T-AMT': 500 }, contact: '张三', phone: '0512-58680001', date: '2023-01-10', modified: '2023-01-10T02:00:00' },
  '320581': { values: { 'T-BIND': 42, 'T-CUM': 15, 'T-AMT': 400 }, contact: '李四', phone: '0512-52880002', date: '2023-01-12', modified: '2023-01-12T02:00:00' },
  '320585': { values: { 'T-BIND': 41, 'T-CUM': 12, 'T-AMT': 350 }, contact: '王五', phone: '0512-53520003', date: '2023-01-13', modified: '2023-01-13T02:00:00' },
  '320583': { values: { 'T-BIND': 40, 'T-CUM': 8, 'T-AMT': 300 }, contact: '赵六', phone: '0512-57510004', date: '2023-01-14', modified: '2023-01-14T02:00:00' },
};

// 2023: 常熟 saves three days late; 太仓 misses its binding share (44 < 50)
// without a remark and its cumulative count goes down (12 → 10); 太仓 saves
// at 23:30 China time on the deadline day (15:30 UTC): on time. 昆山 does not report.
const Y2023: Record<string, Fill> = {
  '320582': { values: { 'T-BIND': 55, 'T-CUM': 25, 'T-AMT': 600 }, contact: '张三', phone: '0512-58680001', date: '2024-01-12', modified: '2024-01-12T02:00:00' },
  '320581': { values: { 'T-BIND': 56, 'T-CUM': 18, 'T-AMT': 450 }, contact: '李四', phone: '0512-52880002', date: '2024-01-18', modified: '2024-01-18T03:00:00' },
  '320585': { values: { 'T-BIND': 44, 'T-CUM': 10, 'T-AMT': 420 }, contact: '王五', phone: '0512-53520003', date: '2024-01-15', modified: '2024-01-15T15:30:00' },
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-round13-'));
  planFile = path.join(root, 'round-test-plan.json');
  fs.writeFileSync(planFile, JSON.stringify(PLAN, null, 2));
  const b22 = generate('2022');
  for (const [unit, f] of Object.entries(Y2022)) fill(b22.get(unit)!, path.join(root, '2022', basename(b22.get(unit)!)), f);
  // 2023's templates carry the deadline in their metadata (and last year's values).
  const b23 = generate('2023', ['--deadline', '2024-01-15', '--previous', path.join(root, '2022')]);
  for (const [unit, f] of Object.entries(Y2023)) fill(b23.get(unit)!, path.join(root, '2023', basename(b23.get(unit)!)), f);
}, 240_000);

afterAll(() => {
  if (root && !process.env.KEEP_ROUND) fs.rmSync(root, { recursive: true, force: true });
});

describe('a reporting round over two periods', () => {
  let first: Consolidation;
  let second: ReturnType<typeof consolidate>;
  let hashes: Map<string, string>;

  beforeAll(() => {
    first = consolidate([path.join(root, '2022'), '--deadline', '2023-01-15']).result;
    const inputs = fs.readdirSync(path.join(root, '2023')).map((f) => path.join(root, '2023', f));
    hashes = new Map(inputs.map((f) => [f, sha(f)]));
    // No --deadline: the templates' own (generate --deadline) is used.
    second = consolidate([path.join(root, '2023'), '--previous', path.join(root, '2022'), '--feedback', path.join(root, 'feedback')]);
  }, 240_000);

  test('2022: the city figures and every unit on time', () => {
    // 45+42+41+40 = 168; 20+15+12+8 = 55; 500+400+350+300 = 1550.
    expect(ind(first, 'T-BIND').city.value).toBe(168);
    expect(ind(first, 'T-CUM').city.value).toBe(55);
    expect(ind(first, 'T-AMT').city.value).toBe(1550);
    expect(ind(first, 'T-BIND').city.attained).toBe('met'); // 168 ≥ 150
    expect(first.deadline).toBe('2023-01-15');
    expect(first.submissions!.map((s) => [s.unit, s.timeliness, s.daysLate])).toEqual(
      expect.arrayContaining([['320582', 'on-time', 0], ['320581', 'on-time', 0], ['320585', 'on-time', 0], ['320583', 'on-time', 0]]),
    );
    // Path 2021 → 2025: BIND 100 → 200, expected 125 in 2022; CUM 30 → 80, expected 42.5.
    expect(ind(first, 'T-BIND').trajectory).toEqual({ firstYear: 2021, firstTarget: 100, finalYear: 2025, finalTarget: 200, expected: 125, onTrack: true });
    expect(ind(first, 'T-CUM').trajectory?.expected).toBe(42.5);
  });

  test('2023: 报送情况 — missing and late first, with contacts; on time by China time', () => {
    const r = second.result;
    expect(r.deadline).toBe('2024-01-15');
    expect(r.missing).toEqual(['320583']);
    const rows = r.submissions!.map((s) => ({ unit: s.unit, t: s.timeliness, late: s.daysLate, status: s.status, contact: s.contact, phone: s.phone }));
    expect(rows[0]).toEqual({ unit: '320583', t: 'missing', late: undefined, status: '未报', contact: '赵六', phone: '0512-57510004' });
    expect(r.submissions![0].contactFrom).toBe('2022');
    expect(rows[1]).toEqual({ unit: '320581', t: 'late', late: 3, status: '逾期 3 天', contact: '李四', phone: '0512-52880002' });
    expect(rows.slice(2).map((x) => [x.unit, x.t, x.late, x.status]).sort()).toEqual([
      ['320582', 'on-time', 0, '按时'],
      ['320585', 'on-time', 0, '按时'],
    ]);
    const late = r.returns.find((x) => x.unit === '320581')!;
    expect([late.timeliness, late.daysLate, late.savedAt]).toEqual(['late', 3, '2024-01-18T03:00:00Z']);
  });

  test('2023: figures, 上期, 增量, 同比 and the path, by hand', () => {
    const r = second.result;
    const bind = ind(r, 'T-BIND');
    // 55 + 56 + 44 = 155 (太仓's missed share is a right number: it counts); 3 of 4 reported.
    expect(bind.city.value).toBe(155);
    expect(bind.city.reported).toEqual({ count: 3, expected: 4 });
    expect(bind.previous).toEqual({ period: '2022', value: 168, change: -13, rate: expect.closeTo(-13 / 168, 9), basis: 'yoy' });
    // A sum without 昆山 cannot be judged against the year's 170; the path can be read:
    // 2021 (100) → 2025 (200) expects 150 in 2023, and 155 is on it.
    expect(bind.city.attained).toBe('no-data');
    expect(bind.trajectory).toEqual({ firstYear: 2021, firstTarget: 100, finalYear: 2025, finalTarget: 200, expected: 150, onTrack: true });
    const cum = ind(r, 'T-CUM');
    // 25 + 18 + 10 = 53; 2022: 55 → 增量 −2; path 30 → 80 expects 55 in 2023. 53 is below it,
    // but 昆山 has not reported and could lift the sum: not judged (as attainment is not).
    expect(cum.city.value).toBe(53);
    expect(cum.previous).toMatchObject({ value: 55, change: -2, basis: 'yoy' });
    expect(cum.trajectory).toMatchObject({ expected: 55, onTrack: null });
    const amt = ind(r, 'T-AMT');
    // 600 + 450 + 420 = 1470; 1550 → −80, 同比 −80/1550.
    expect(amt.city.value).toBe(1470);
    expect(amt.previous!.change).toBe(-80);
    expect(amt.previous!.rate).toBeCloseTo(-80 / 1550, 9);
  });

  test('2023: forced explanations — a binding miss without remark is an error, a cumulative decrease a warning', () => {
    const f = second.result.findings.filter((x) => x.unit === '320585' && x.severity !== 'info').map((x) => `${x.severity}:${x.rule}:${x.code}`);
    expect(f.sort()).toEqual(['error:target.missed:T-BIND', 'warning:value.cumulative-decrease:T-CUM']);
    const miss = second.result.findings.find((x) => x.rule === 'target.missed' && x.unit === '320585')!;
    expect(miss.message).toBe('低于目标 6 个（目标 ≥ 50，填报 44）；本指标为约束性指标；须在备注中说明原因（强制上报说明）');
    expect(second.code).toBe(1);
  });

  test('the summary workbook: 报送及时性 with the late and missing first, 上期对比与说明 by hand', () => {
    const wb = runPythonJson<{ sheets: Record<string, string[][]>; notes: Record<string, string> }>(ROWS, [second.out]);
    const sub = wb.sheets['报送情况'];
    expect(sub[0][0]).toContain('报送截止 2024-01-15');
    expect(sub[1][9]).toBe('报送及时性');
    // 单位, 是否报送, …, 联系人, 电话, …, 报送及时性
    expect(sub.slice(2, 6).map((r) => [r[0], r[4], r[5], r[9]])).toEqual([
      ['昆山市', '赵六（2022 年报表）', '0512-57510004', '未报'],
      ['常熟市', '李四', '0512-52880002', '逾期 3 天'],
      ['张家港市', '张三', '0512-58680001', '按时'],
      ['太仓市', '王五', '0512-53520003', '按时'],
    ]);
    const prev = wb.sheets['上期对比与说明'];
    expect(prev[0][0]).toBe('上期对比与说明（本期 2023，上期 2022）');
    const byCode = Object.fromEntries(prev.slice(2).map((r) => [r[0], r]));
    // 本期, 上期, 增量, 同比, 首年目标, 末年目标, 本年应达, 规划路径
    expect(byCode['T-BIND'].slice(3, 11).map(Number).slice(0, 3)).toEqual([155, 168, -13]);
    expect(Number(byCode['T-BIND'][6])).toBeCloseTo(-13 / 168, 9);
    expect(byCode['T-BIND'].slice(7, 11)).toEqual(['100', '200', '150', '在路径上']);
    expect(byCode['T-CUM'].slice(3, 6).map(Number)).toEqual([53, 55, -2]);
    // 53 is below 55, but 昆山 is missing: not judged, as 汇总 does not judge the partial sum.
    expect(byCode['T-CUM'].slice(7, 11)).toEqual(['30', '80', '55', '数据不全，未判断']);
    expect(wb.notes[`上期对比与说明!G3`]).toBe('同比（上期 2022）');
  });

  test('the summary workbook: the path chart on 上期对比与说明 — 计划路径 vs 实际 from the helper table, cached as in --json', () => {
    const dump = runPythonJson<{ parts: string[]; sheets: Record<string, ChartDump[]> }>(CHART_PARTS, [second.out]);
    const charts = dump.sheets['上期对比与说明'];
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.relType).toBe('chart');
    expect([chart.barDir, chart.grouping]).toEqual(['bar', 'clustered']);
    expect(chart.title).toBe('规划路径：本年应达与本期全市（2023）');
    // The table ends on row 5 (three indicators from row 3); two empty rows, a title (8),
    // the header (9), the data 10–12: B the indicator, D 计划路径, E 实际.
    const S = "'上期对比与说明'";
    expect(chart.series.map((s) => [s.name, s.nameRef, s.ref, s.categoriesRef])).toEqual([
      ['计划路径', `${S}!$D$9`, `${S}!$D$10:$D$12`, `${S}!$B$10:$B$12`],
      ['实际', `${S}!$E$9`, `${S}!$E$10:$E$12`, `${S}!$B$10:$B$12`],
    ]);
    // Not judged first (CUM 53 < 55 and AMT 1470 < 1500, but 昆山 is missing and could lift both), then on track: BIND (155 ≥ 150).
    expect(chart.series[0].categories).toEqual(['累计测试指标（家）', '金额测试指标（亿元）', '约束性测试指标（个）']);
    expect(chart.series[0].values).toEqual([55, 1500, 150]);
    expect(chart.series[1].values).toEqual([53, 1470, 155]);
    // The same numbers as consolidate --json.
    const order = ['T-CUM', 'T-AMT', 'T-BIND'].map((code) => ind(second.result, code));
    expect(chart.series[0].values).toEqual(order.map((i) => i.trajectory!.expected));
    expect(chart.series[1].values).toEqual(order.map((i) => i.city.value));
    // The helper table holds them, and the chart (F…L from row 8) covers only empty cells.
    const rows = runPythonJson<{ sheets: Record<string, string[][]> }>(ROWS, [second.out]).sheets['上期对比与说明'];
    expect(rows.slice(8, 12).map((r) => [r[1], r[3], r[4]])).toEqual([
      ['指标（单位）', '计划路径', '实际'],
      ['累计测试指标（家）', '55', '53'],
      ['金额测试指标（亿元）', '1500', '1470'],
      ['约束性测试指标（个）', '150', '155'],
    ]);
    expect(chart.from).toEqual([5, 7]);
    expect(chart.to[0]).toBe(12);
    for (const r of rows.slice(chart.from[1], chart.to[1] + 1)) expect(r.slice(chart.from[0], chart.to[0]).filter((v) => v !== '')).toEqual([]);
    // 汇总 keeps its own charts, in other parts.
    expect(dump.sheets['汇总'].map((c) => c.part)).not.toContain(chart.part);
    // Valid OOXML (the project's checker: schemas, Excel's limits, VML shape ids).
    expect(errorLines(checkXlsx([second.out]))).toEqual([]);
  });

  test('--feedback: one correction workbook, for 太仓 only; inputs untouched', () => {
    const fb = second.result.feedback!;
    expect(fb.map((x) => [x.unit, x.errors, x.warnings])).toEqual([['320585', 1, 1]]);
    expect(path.basename(fb[0].file)).toMatch(/_320585_.*_退回修改\.xlsx$/);
    expect(fs.readdirSync(path.join(root, 'feedback')).filter((n) => n.startsWith('.'))).toEqual([]);
    for (const [f, h] of hashes) expect(sha(f)).toBe(h);
  });

  test('the correction workbook: red boxes on the problem cells, 问题清单, protection and validation kept, valid OOXML', () => {
    const fb = second.result.feedback![0].file;
    const src = second.result.feedback![0] as unknown as { source: string };
    const got = runPythonJson<Inspect>(INSPECT, [fb]);
    const orig = runPythonJson<Inspect>(INSPECT, [src.source]);
    expect(got.sheets).toEqual([...orig.sheets, '问题清单']);
    expect(got.active).toBe('问题清单');
    expect(got.names).toEqual(orig.names);
    expect(got.protected).toEqual({ ...orig.protected, 问题清单: true });
    expect(got.validations).toEqual({ ...orig.validations, 问题清单: [] });
    // Exactly the two problem cells are boxed in red.
    const miss = second.result.findings.find((x) => x.rule === 'target.missed' && x.unit === '320585')!;
    const dec = second.result.findings.find((x) => x.rule === 'value.cumulative-decrease' && x.unit === '320585')!;
    expect(got.boxed.sort()).toEqual([`${miss.sheet}!${miss.cell}`, `${dec.sheet}!${dec.cell}`].sort());
    expect(orig.boxed).toEqual([]);
    // Boxed value cells stay unlocked entry cells.
    expect(got.lockedBoxed).toEqual([]);
    // The list: one row per problem, error first, linking to its cell.
    expect(got.list[0][0]).toBe('问题清单（退回修改）');
    expect(got.list[1][0]).toContain('太仓市（320585）');
    expect(got.list[2]).toEqual(['序号', '指标代码', '指标名称', '单元格', '类别', '问题及修改要求']);
    expect(got.list[3].slice(0, 5)).toEqual(['1', 'T-BIND', '约束性测试指标', `${miss.sheet}!${miss.cell}`, '错误（必须修改）']);
    expect(got.list[3][5]).toBe(miss.message);
    expect(got.list[4].slice(0, 5)).toEqual(['2', 'T-CUM', '累计测试指标', `${dec.sheet}!${dec.cell}`, '警告（修改或说明）']);
    expect(got.links).toEqual({ D4: `'${miss.sheet}'!${miss.cell}`, D5: `'${dec.sheet}'!${dec.cell}` });
    expect(errorLines(checkXlsx([fb]))).toEqual([]);
  });

  test('a second run never replaces an earlier correction workbook', () => {
    const first = second.result.feedback![0].file;
    const before = sha(first);
    const again = consolidate([path.join(root, '2023'), '--previous', path.join(root, '2022'), '--feedback', path.join(root, 'feedback')]);
    expect(path.basename(again.result.feedback![0].file)).toBe(path.basename(first).replace('.xlsx', ' (2).xlsx'));
    expect(sha(first)).toBe(before);
    // The office is told that the folder holds earlier workbooks, so it does not forward a stale one.
    expect(again.stderr).toContain(`${path.join(root, 'feedback')} 中原有 1 个工作簿，均未改动`);
    expect(second.stderr).not.toContain('原有');
  }, 120_000);

  test('the correction workbook, corrected with openpyxl, is accepted by the next consolidation', () => {
    const fb = second.result.feedback![0].file;
    const again = path.join(root, '2023-again');
    fs.mkdirSync(again);
    for (const f of fs.readdirSync(path.join(root, '2023'))) if (!f.includes('320585')) fs.copyFileSync(path.join(root, '2023', f), path.join(again, f));
    // 太仓 explains the miss and corrects the count (13 ≥ last year's 12), saved on 20 January.
    fill(fb, path.join(again, path.basename(fb)), {
      values: { 'T-CUM': 13 },
      remarks: { 'T-BIND': '两个项目延期至2024年投产' },
      modified: '2024-01-20T01:00:00',
    });
    const third = consolidate([again, '--previous', path.join(root, '2022'), '--deadline', '2024-01-15', '--feedback', path.join(root, 'feedback-2')]);
    const r = third.result;
    const tc = r.returns.find((x) => x.unit === '320585')!;
    expect([tc.status, tc.errors, tc.timeliness, tc.daysLate]).toEqual(['accepted', 0, 'late', 5]);
    // Explained binding miss: a warning for the office, no longer an error; nothing goes back.
    expect(r.findings.filter((x) => x.unit === '320585' && x.severity !== 'info').map((x) => `${x.severity}:${x.rule}`)).toEqual(['warning:target.missed']);
    expect(r.feedback).toEqual([]);
    expect(third.code).toBe(0);
    // The explanation beside the figure; 25 + 18 + 13 = 56 is now on the path (≥ 55).
    expect(ind(r, 'T-BIND').remarks).toEqual({ '320585': '两个项目延期至2024年投产' });
    const wb = runPythonJson<{ sheets: Record<string, string[][]>; notes: Record<string, string> }>(ROWS, [third.out]);
    const row = wb.sheets['汇总'].findIndex((x) => x[0] === 'T-BIND') + 1;
    expect(wb.notes[`汇总!E${row}`]).toBe('单位说明：\n太仓市：两个项目延期至2024年投产');
    const prev = wb.sheets['上期对比与说明'].find((x) => x[0] === 'T-BIND')!;
    expect(prev[11]).toBe('太仓市：两个项目延期至2024年投产');
    expect(ind(r, 'T-CUM').city.value).toBe(56);
    expect(ind(r, 'T-CUM').trajectory?.onTrack).toBe(true);
  }, 120_000);
});

interface Inspect {
  sheets: string[];
  active: string;
  names: Record<string, string>;
  protected: Record<string, boolean>;
  validations: Record<string, string[]>;
  boxed: string[];
  lockedBoxed: string[];
  list: string[][];
  links: Record<string, string>;
}
