/**
 * Issue 13, template side, as a city office meets it: two periods of the
 * same plan through the real CLI. 2022 templates are generated with a
 * deadline and filled with openpyxl; 2023 templates are generated with
 * --deadline and --previous (the 2022 returns folder, and the 2022 summary
 * workbook), so each carries a locked, grey 上期值 column, 表号, 制表机关,
 * the signature block and a 指标解释 sheet. LibreOffice recalculates the
 * status column of filled 2023 returns: it asks for a remark (·请说明) for a
 * missed binding target, a value far from 上期值 and a cumulative value that
 * went down, and stops asking once a remark is typed.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENTRY_COLUMNS as C, ENTRY_FIRST_DATA_ROW, EXPLANATION_SHEET, META_KEYS, PREVIOUS_COLUMN, REPORTER_NAMES, SHEETS, remarkName, valueName } from '../../src/core/template/layout';
import { readReturnFile } from '../../src/xlsx/read/node';
import { convertWithLibreOffice, readSheetCsv } from '../support/libreoffice';
import { REPO_ROOT, runPython, runPythonJson } from '../support/python';
import { TEST_PLAN_SOURCE } from '../generate/test-plan';
import { checkXlsx, errorLines } from '../ooxml/check';

jest.setTimeout(300_000);

const BIN = path.join(REPO_ROOT, 'bin', 'plansheet.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-round13-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The test plan with the parts of a statistical form, a cumulative indicator and a binding limit.
const FORM_NUMBER = '苏数经统 1 表';
const FORM_AUTHORITY = '苏州市工业和信息化局';
const GE_EXPLANATION = '指辖区内软件和信息技术服务业企业的软件业务收入累计值，按统计年报口径，单位亿元。';
const planSource = structuredClone(TEST_PLAN_SOURCE) as typeof TEST_PLAN_SOURCE & Record<string, unknown>;
Object.assign(planSource, { id: 'test-plan-round', formNumber: FORM_NUMBER, formAuthority: FORM_AUTHORITY });
for (const ind of planSource.indicators as Record<string, unknown>[]) {
  if (ind.code === 'T-GE') Object.assign(ind, { cumulative: true, explanation: GE_EXPLANATION });
  if (ind.code === 'T-LE') Object.assign(ind, { attribute: 'binding', explanation: '数据中心年均电能利用效率（PUE），约束性指标。' });
}
const planFile = path.join(tmp, 'plan.json');
fs.writeFileSync(planFile, JSON.stringify(planSource, null, 2));

const UNIT = '320582';
const file = (dir: string, period: string) => path.join(tmp, dir, `${period}_${UNIT}_张家港市.xlsx`);

interface Inspect {
  sheets: { name: string; state: string }[];
  names: Record<string, { sheet: string; cell: string }[]>;
  cells: Record<string, Record<string, string | number>>;
  unlocked: Record<string, string[]>;
  meta: Record<string, string>;
}
const inspect = (f: string) => runPythonJson<Inspect>('test/generate/py/inspect_template.py', [f]);
const fill = (src: string, dst: string, values: Record<string, number | string | null>) =>
  runPythonJson('test/generate/py/fill_values.py', [src, dst], { input: JSON.stringify(values) });
const looks = (f: string, sheet: string, cells: string[]) =>
  runPythonJson<Record<string, { value: unknown; fill: string | null; locked: boolean }>>('test/round/py/cell_looks.py', [f, sheet, ...cells]);

/** The 2022 values of 张家港 (hand-picked; the 2023 expectations below are computed from them by hand). */
const V2022: Record<string, number> = { 'T-GE': 100, 'T-LE': 1.2, 'T-RANGE': 4, 'T-PCT': 80, 'T-NONE': 3 };

/** Row of each indicator on 张家港's entry sheet: the plan order of the indicators 320582 reports. */
const ROWS: Record<string, number> = {};
(planSource.indicators as { code: string; reporters: string[] }[])
  .filter((i) => i.reporters.includes('@districts') || i.reporters.includes(UNIT))
  .forEach((i, k) => (ROWS[i.code] = ENTRY_FIRST_DATA_ROW + k));

let filled2022 = '';

beforeAll(() => {
  const g = cli(['generate', '--plan', planFile, '--period', '2022', '--unit', UNIT, '--deadline', '2023-01-15', '--out', path.join(tmp, 't2022')]);
  expect(g).toMatchObject({ code: 0 });
  // 张家港 fills its 2022 return.
  fs.mkdirSync(path.join(tmp, 'r2022'));
  filled2022 = file('r2022', '2022');
  fill(file('t2022', '2022'), filled2022, {
    ...Object.fromEntries(Object.entries(V2022).map(([code, v]) => [valueName(code), v])),
    [REPORTER_NAMES.contact]: '王芳',
    [REPORTER_NAMES.phone]: '0512-58680000',
  });
});

test('--deadline: written into the header, the instructions and the metadata; the reader gives meta.deadline', async () => {
  const r = inspect(file('t2022', '2022'));
  expect(r.meta[META_KEYS.deadline]).toBe('2023-01-15');
  expect(String(r.cells[SHEETS.entry].A2)).toContain('报送截止：2023-01-15');
  expect(Object.values(r.cells[SHEETS.instructions]).join('\n')).toContain('2023年1月15日前报送');
  const read = await readReturnFile(filled2022);
  expect(read.ok && read.ret.meta?.deadline).toBe('2023-01-15');
  // A template made without --deadline has no deadline at all.
  expect(cli(['generate', '--plan', planFile, '--period', '2022', '--unit', UNIT, '--out', path.join(tmp, 'nodeadline')]).code).toBe(0);
  const plain = await readReturnFile(file('nodeadline', '2022'));
  expect(plain.ok && plain.ret.meta).toBeTruthy();
  expect(plain.ok && plain.ret.meta!.deadline).toBeUndefined();
});

test('--deadline that is not a date: bilingual usage error, exit 2, nothing written', () => {
  for (const bad of ['2024-02-30', '15/01/2024', 'tomorrow']) {
    const r = cli(['generate', '--plan', planFile, '--unit', UNIT, '--deadline', bad, '--out', path.join(tmp, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--deadline 的值“${bad}”不是有效日期`);
    expect(r.stderr.indexOf('不是有效日期')).toBeLessThan(r.stderr.indexOf('is not a valid date'));
  }
  expect(fs.existsSync(path.join(tmp, 'bad'))).toBe(false);
  // 2024/1/5 is read as 2024-01-05.
  expect(cli(['generate', '--plan', planFile, '--period', '2022', '--unit', UNIT, '--deadline', '2024/1/5', '--out', path.join(tmp, 'slash')]).code).toBe(0);
  expect(inspect(file('slash', '2022')).meta[META_KEYS.deadline]).toBe('2024-01-05');
});

describe('2023 with --previous', () => {
  let t2023 = '';
  beforeAll(() => {
    const g = cli(['generate', '--plan', planFile, '--period', '2023', '--unit', UNIT, '--deadline', '2024-01-15', '--previous', path.join(tmp, 'r2022'), '--out', path.join(tmp, 't2023')]);
    expect(g).toMatchObject({ code: 0 });
    t2023 = file('t2023', '2023');
  });

  test('statistical-form parts: 表号, 制表机关, deadline, signature cells, 指标解释 sheet', () => {
    const r = inspect(t2023);
    const info = r.cells[SHEETS.instructions];
    const labelled = (label: string) => {
      const k = Object.keys(info).find((a) => a.startsWith('A') && info[a] === label);
      expect(k).toBeDefined();
      return info[`B${k!.slice(1)}`];
    };
    expect(labelled('表号')).toBe(FORM_NUMBER);
    expect(labelled('制表机关')).toBe(FORM_AUTHORITY);
    expect(String(labelled('报送截止日期'))).toBe('2024年1月15日前报送（逾期的在汇总表“报送情况”中标注）');
    // The signature block: named, unlocked cells beside their labels.
    for (const [name, label] of [
      [REPORTER_NAMES.head, '单位负责人'],
      [REPORTER_NAMES.reviewer, '审核人'],
      [REPORTER_NAMES.contact, '填表人'],
      [REPORTER_NAMES.date, '填报日期'],
    ]) {
      const [at] = r.names[name];
      expect(at.sheet).toBe(SHEETS.instructions);
      expect(info[`A${at.cell.slice(1)}`]).toBe(label);
      expect(r.unlocked[SHEETS.instructions]).toContain(at.cell);
    }
    // The entry sheet: 表号 and 制表机关 in row 3, the deadline in row 2, the signature line under the rows.
    const entry = r.cells[SHEETS.entry];
    expect(String(entry.A3)).toContain(`表号：${FORM_NUMBER}　制表机关：${FORM_AUTHORITY}`);
    expect(String(entry.A2)).toContain('报送截止：2024-01-15');
    const last = Math.max(...Object.values(ROWS));
    expect(String(entry[`${C.category}${last + 2}`])).toMatch(/^="单位负责人："&IF\(ISBLANK\(PS_REPORT_HEAD\)/);
    // 指标解释: one row per indicator of the unit; the plan's explanation, else its note.
    expect(r.sheets.map((s) => s.name)).toEqual([SHEETS.instructions, SHEETS.entry, EXPLANATION_SHEET, SHEETS.meta]);
    const ex = r.cells[EXPLANATION_SHEET];
    expect([ex.A2, ex.B2, ex.C2, ex.D2]).toEqual(['指标代码', '指标名称', '单位', '指标解释']);
    const geRow = ROWS['T-GE'] - ENTRY_FIRST_DATA_ROW + 3;
    expect([ex[`A${geRow}`], ex[`D${geRow}`]]).toEqual(['T-GE', GE_EXPLANATION]);
    expect(Object.keys(ex).filter((a) => a.startsWith('A')).length).toBe(Object.keys(ROWS).length + 2);
    expect(r.meta).toMatchObject({ [META_KEYS.formNumber]: FORM_NUMBER, [META_KEYS.formAuthority]: FORM_AUTHORITY, [META_KEYS.previousPeriod]: '2022', [META_KEYS.deadline]: '2024-01-15' });
  });

  test('上期值: last period\'s values, locked and grey, beside the rows; blank where 2022 had none', () => {
    const r = inspect(t2023);
    const entry = r.cells[SHEETS.entry];
    expect(entry[`${PREVIOUS_COLUMN}4`]).toBe('上期值（2022）');
    const cells = Object.values(ROWS).map((row) => `${PREVIOUS_COLUMN}${row}`);
    const l = looks(t2023, SHEETS.entry, cells);
    for (const [code, row] of Object.entries(ROWS)) {
      const c = l[`${PREVIOUS_COLUMN}${row}`];
      expect({ code, value: c.value, locked: c.locked }).toEqual({ code, value: V2022[code] ?? null, locked: true });
      expect(c.fill).toBe('FFE7E6E6');
      expect(r.unlocked[SHEETS.entry]).not.toContain(`${PREVIOUS_COLUMN}${row}`);
    }
  });

  test('signature cells are read back into ParsedReturn.reporter', async () => {
    const dst = path.join(tmp, 'signed.xlsx');
    fill(t2023, dst, { [REPORTER_NAMES.head]: '张建国', [REPORTER_NAMES.reviewer]: '李敏', [REPORTER_NAMES.contact]: '王芳', [REPORTER_NAMES.phone]: '0512-58680000' });
    const read = await readReturnFile(dst);
    expect(read.ok && read.ret.reporter).toEqual({ unit: '张家港市', head: '张建国', reviewer: '李敏', contact: '王芳', phone: '0512-58680000' });
  });

  test('LibreOffice recalculates the status: it asks for a remark where a remark is due, and stops once one is typed', async () => {
    // Hand-computed against 2022 (T-GE 100 累计, T-LE 1.2, T-RANGE 4, T-PCT 80, T-NONE 3):
    // T-GE 90: the running total went down (only 10 %, not far)      → 已填·请说明
    // T-LE 1.5: misses the binding "1.3 以下" (0.3 is not far from 1.2) → 未达标·请说明
    // T-RANGE 10: 6 more than 4 is over half of 4 (far)               → 已填·请说明
    // T-PCT 85: 5 from 80, near; the city's rate, not judged here      → 已填
    // T-NONE 3: unchanged, no target                                   → 无目标
    // T-LE in a second return at 1.25: met, near                       → 达标
    const values = { 'T-GE': 90, 'T-LE': 1.5, 'T-RANGE': 10, 'T-PCT': 85, 'T-NONE': 3 };
    const want = { 'T-GE': '已填·请说明', 'T-LE': '未达标·请说明', 'T-RANGE': '已填·请说明', 'T-PCT': '已填', 'T-NONE': '无目标' };
    const bare = path.join(tmp, 'lo-bare.xlsx');
    const explained = path.join(tmp, 'lo-explained.xlsx');
    const metOne = path.join(tmp, 'lo-met.xlsx');
    const asNames = (v: Record<string, number>) => Object.fromEntries(Object.entries(v).map(([c, n]) => [valueName(c), n]));
    fill(t2023, bare, asNames(values));
    fill(t2023, explained, {
      ...asNames(values),
      [remarkName('T-GE')]: '2022 年数据经统计局核定后下调',
      [remarkName('T-LE')]: '新机房投运初期负载低',
      [remarkName('T-RANGE')]: '新增 6 个省级试点',
    });
    fill(t2023, metOne, asNames({ ...values, 'T-LE': 1.25 }));
    const out = path.join(tmp, 'lo-csv');
    await convertWithLibreOffice([bare, explained, metOne], 'csv', out, { csvAllSheets: true });
    const status = (f: string) => {
      const rows = readSheetCsv(out, f, SHEETS.entry);
      return Object.fromEntries(Object.entries(ROWS).filter(([c]) => c in values).map(([c, row]) => [c, rows[row - 1][C.status.charCodeAt(0) - 65]]));
    };
    expect(status(bare)).toEqual(want);
    expect(status(explained)).toEqual({ 'T-GE': '已填', 'T-LE': '未达标', 'T-RANGE': '已填', 'T-PCT': '已填', 'T-NONE': '无目标' });
    expect(status(metOne)['T-LE']).toBe('达标');
    // The signature line is recalculated from the reporter cells too.
    const sig = readSheetCsv(out, bare, SHEETS.entry)[Math.max(...Object.values(ROWS)) + 1][1];
    expect(sig).toBe('单位负责人：　　　　　　审核人：　　　　　　填表人：　　　　　　联系电话：　　　　　　报出日期：　　　　');
  });

  test('every workbook passes the OOXML schema check', () => {
    const files = [t2023, file('t2022', '2022'), file('from-summary', '2023')].filter((f) => fs.existsSync(f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(errorLines(checkXlsx(files))).toEqual([]);
  });
});

test('--previous with last period\'s summary workbook fills the same 上期值', () => {
  const sum = path.join(tmp, 'summary-2022.xlsx');
  const c = cli(['consolidate', path.join(tmp, 'r2022'), '--plan', planFile, '--period', '2022', '--out', sum]);
  expect(fs.existsSync(sum)).toBe(true);
  expect([0, 1]).toContain(c.code);
  const g = cli(['generate', '--plan', planFile, '--period', '2023', '--unit', UNIT, '--previous', sum, '--out', path.join(tmp, 'from-summary')]);
  expect(g).toMatchObject({ code: 0 });
  const f = file('from-summary', '2023');
  const l = looks(f, SHEETS.entry, Object.values(ROWS).map((row) => `${PREVIOUS_COLUMN}${row}`));
  for (const [code, row] of Object.entries(ROWS)) expect([code, l[`${PREVIOUS_COLUMN}${row}`].value]).toEqual([code, V2022[code] ?? null]);
  expect(inspect(f).cells[SHEETS.entry][`${PREVIOUS_COLUMN}4`]).toBe('上期值（2022）');
});

test('--previous that gives no earlier value of the plan: bilingual usage error, exit 2', () => {
  fs.mkdirSync(path.join(tmp, 'only-2023'));
  fs.copyFileSync(file('t2022', '2022'), path.join(tmp, 'only-2023', 'x.xlsx'));
  // A 2022 template as "previous" of 2022 itself: not an earlier period.
  const r = cli(['generate', '--plan', planFile, '--period', '2022', '--unit', UNIT, '--previous', path.join(tmp, 'only-2023'), '--out', path.join(tmp, 'nothing')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--previous：.*没有本计划（test-plan-round）2022年以前的报表或汇总值[\s\S]*--previous: .* holds no return or summary/);
  expect(fs.existsSync(path.join(tmp, 'nothing'))).toBe(false);
  // Last period's blank templates hold no value: the same error, not an empty column.
  const blank = cli(['generate', '--plan', planFile, '--period', '2023', '--unit', UNIT, '--previous', path.join(tmp, 't2022'), '--out', path.join(tmp, 'nothing')]);
  expect(blank.code).toBe(2);
  expect(blank.stderr).toContain('没有本计划（test-plan-round）2023年以前的报表或汇总值');
  const missing = cli(['generate', '--plan', planFile, '--unit', UNIT, '--previous', path.join(tmp, 'no-such-dir'), '--out', path.join(tmp, 'nothing')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('no-such-dir');
});

test('表号, 制表机关 and 指标解释 survive plan export → edit in the plan workbook (openpyxl) → import → generate', () => {
  const wb = path.join(tmp, 'plan.xlsx');
  expect(cli(['plan', 'export', planFile, '--out', wb]).code).toBe(0);
  const shown = cli(['plan', 'show', wb, '--json']);
  expect(shown.code).toBe(0);
  const plan = JSON.parse(shown.stdout);
  expect([plan.formNumber, plan.formAuthority]).toEqual([FORM_NUMBER, FORM_AUTHORITY]);
  expect(plan.indicators.find((i: { code: string }) => i.code === 'T-GE').explanation).toBe(GE_EXPLANATION);
  // The whole plan round-trips, the new fields included.
  expect(plan).toEqual(JSON.parse(cli(['plan', 'show', planFile, '--json']).stdout));
  // An administrator edits 表号 and one 指标解释 in Excel; the next template carries the edit.
  const edited = path.join(tmp, 'plan-edited.xlsx');
  runPythonJson('test/planwb/py/edit_plan.py', [wb, edited], {
    input: JSON.stringify([
      { op: 'set', sheet: '规划信息', where: { 字段: 'formNumber' }, column: '值', value: '苏数经统 2 表' },
      { op: 'set', sheet: '指标', where: { 指标代码: 'T-RANGE' }, column: '指标解释', value: '当年新增的省级及以上试点数量。' },
    ]),
  });
  expect(cli(['generate', '--plan', edited, '--period', '2023', '--unit', UNIT, '--out', path.join(tmp, 'from-edited')]).code).toBe(0);
  const r = inspect(file('from-edited', '2023'));
  expect(r.meta[META_KEYS.formNumber]).toBe('苏数经统 2 表');
  const ex = r.cells[EXPLANATION_SHEET];
  const rangeRow = ROWS['T-RANGE'] - ENTRY_FIRST_DATA_ROW + 3;
  expect([ex[`A${rangeRow}`], ex[`D${rangeRow}`]]).toEqual(['T-RANGE', '当年新增的省级及以上试点数量。']);
});

test('a template where only the 单位负责人 was typed is a filled return: generate refuses to overwrite it', () => {
  const dir = path.join(tmp, 'head-only');
  expect(cli(['generate', '--plan', planFile, '--period', '2022', '--unit', UNIT, '--out', dir]).code).toBe(0);
  const f = file('head-only', '2022');
  fill(f, f, { [REPORTER_NAMES.head]: '张建国' });
  const before = fs.readFileSync(f);
  const again = cli(['generate', '--plan', planFile, '--period', '2022', '--unit', UNIT, '--out', dir]);
  expect(again.code).toBe(2);
  expect(fs.readFileSync(f).equals(before)).toBe(true);
});
