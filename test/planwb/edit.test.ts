/**
 * An administrator edits the exported plan workbook (openpyxl standing in for
 * Excel): a changed lead and a new own target are read back into the plan;
 * broken cells are all reported at once, each by sheet and cell, and nothing
 * is generated from that plan.
 */

import * as fs from 'fs';
import * as path from 'path';
import { UNIT_REGISTRY } from '../../src/core/plan/builtin';
import { PlanError } from '../../src/core/plan/load';
import { importPlanWorkbook } from '../../src/xlsx/plan/import';
import { ALLOC_PLAN_SOURCE, allocPlan } from './plans';
import { cli, editPlan, tempDir } from './support';

const tmp = tempDir('plansheet-planwb-edit-');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const exported = path.join(tmp, 'plan.xlsx');
beforeAll(() => {
  const json = path.join(tmp, 'plan.json');
  fs.writeFileSync(json, JSON.stringify(ALLOC_PLAN_SOURCE));
  const r = cli(['plan', 'export', json, '--out', exported], tmp);
  expect(r.code).toBe(0);
});

function load(file: string, lang: 'zh' | 'en' | 'both' = 'both') {
  return importPlanWorkbook(new Uint8Array(fs.readFileSync(file)), file, UNIT_REGISTRY, lang);
}

function issuesOf(file: string, lang: 'zh' | 'en' | 'both' = 'both') {
  try {
    load(file, lang);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    return (e as PlanError).issues;
  }
  throw new Error('the workbook was accepted');
}

test('a changed lead, a confirmed assumption and a new own target are read back', () => {
  const edited = path.join(tmp, 'edited.xlsx');
  editPlan(exported, edited, [
    // By name, as a person types it; and marked as checked.
    { op: 'set', sheet: '指标', where: { 指标代码: 'T-GE' }, column: '牵头单位', value: '苏州市大数据管理局' },
    { op: 'set', sheet: '指标', where: { 指标代码: 'T-GE' }, column: '牵头单位核实', value: '已核实' },
    // 常熟's own target for T-RANGE (a line the export offers), and a new line for 昆山, by short name.
    { op: 'set', sheet: '目标分解', where: { 指标代码: 'T-RANGE', 单位代码: '320581' }, column: '2023 分解目标', value: '1 以上' },
    { op: 'append', sheet: '目标分解', values: { 指标代码: 'T-GE', 单位代码: '昆山', '2023 分解目标': '500 以上' } },
  ]);
  const plan = load(edited);
  const before = allocPlan();
  const tge = plan.indicators.find((i) => i.code === 'T-GE')!;
  expect(tge.lead).toEqual(['SZ-DSJ']);
  expect(tge.leadAssumed).toBe(false);
  // @lead follows the new lead: the reporters are the districts and 大数据局.
  expect(tge.reporters).toEqual([...before.indicators[0].reporters.filter((c) => c !== 'SZ-GXJ'), 'SZ-DSJ']);
  expect(plan.allocations).toEqual(
    expect.arrayContaining([
      { unit: '320581', indicator: 'T-RANGE', period: '2023', target: { op: 'ge', value: 1, raw: '1 以上' } },
      { unit: '320583', indicator: 'T-GE', period: '2023', target: { op: 'ge', value: 500, raw: '500 以上' } },
    ]),
  );
  expect(plan.allocations).toHaveLength(before.allocations!.length + 2);
  // Everything else is unchanged.
  expect({ ...plan, indicators: plan.indicators.slice(1), allocations: [] }).toEqual({ ...before, indicators: before.indicators.slice(1), allocations: [] });
});

test('every broken cell is reported at once, by sheet and cell, in Chinese then English', () => {
  const broken = path.join(tmp, 'broken.xlsx');
  const cells = editPlan(exported, broken, [
    { op: 'set', sheet: '指标', where: { 指标代码: 'T-GE' }, column: '牵头单位', value: '不存在的局' },
    { op: 'set', sheet: '指标', where: { 指标代码: 'T-LE' }, column: '汇总方式', value: '平均' },
    { op: 'set', sheet: '目标', where: { 指标代码: 'T-EQ' }, column: '2023 解读', value: '大约一个' },
    { op: 'set', sheet: '目标分解', where: { 指标代码: 'T-GE', 单位代码: '320582' }, column: '2023 分解目标', value: '尽力而为' },
    { op: 'append', sheet: '目标分解', values: { 指标代码: 'T-NONE', 单位代码: '320581', '2023 分解目标': '3' } },
    { op: 'set', sheet: '规划信息', where: { 字段: 'years' }, column: '值', value: '2022、二〇二三' },
    { op: 'set', sheet: '单位', where: { 单位代码: '320582' }, column: '单位名称', value: '张家港' },
  ]);
  const issues = issuesOf(broken);
  const at = issues.map((i) => i.path);
  // The first five edits are named by the very cell openpyxl wrote (the appended line by its unit cell).
  expect(at).toEqual(expect.arrayContaining([cells[0], cells[1], cells[2], cells[3], cells[5]]));
  expect(at).toContain(cells[4].replace(/!A(\d+)$/, '!D$1'));
  expect(at).toContain(cells[6]);
  expect(issues).toHaveLength(7);
  const text = (cell: string) => issues.find((i) => i.path === cell)!.message;
  expect(text(cells[0])).toMatch(/^单位“不存在的局”不在“单位”表中[^]*\n\s+Unit "不存在的局" is neither/);
  expect(text(cells[1])).toMatch(/“平均”不是“汇总方式 rollup”的可选项[^]*choices: 求和/);
  expect(text(cells[2])).toMatch(/解读“大约一个”无法识别/);
  expect(text(cells[3])).toMatch(/分解目标“尽力而为”不是数值目标/);
  expect(text(cells[4].replace(/!A(\d+)$/, '!D$1'))).toMatch(/单位 320581 不填报指标 T-NONE/);
  expect(text(cells[5])).toMatch(/规划年度“2022、二〇二三”应为/);
  expect(text(cells[6])).toMatch(/^单位代码 320582 是共用单位“张家港市”，名称不能改为“张家港”/);
  // In English only when asked.
  expect(issuesOf(broken, 'en').find((i) => i.path === cells[1])!.message).toMatch(/^"平均" is not a choice for/);
});

test('nothing is generated from a plan workbook with errors; the CLI names the cells (exit 2)', () => {
  const broken = path.join(tmp, 'broken-cli.xlsx');
  const [cell] = editPlan(exported, broken, [{ op: 'set', sheet: '类型', where: { 类型代码: 'A1' }, column: '上级类型', value: 'ZZ' }]);
  const out = path.join(tmp, 'out-broken');
  const r = cli(['generate', '--plan', broken, '--out', out], tmp);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`计划文件无效 / invalid plan: ${broken}`);
  expect(r.stderr).toContain(`${cell}: 类型“ZZ”不在“类型”表中`);
  expect(r.stderr).toContain('Category "ZZ" is not in the Categories sheet');
  expect(fs.existsSync(out)).toBe(false);
});

test('a file that is not a workbook, and a workbook without the plan sheets, are refused with a reason', () => {
  const notZip = path.join(tmp, 'fake.xlsx');
  fs.writeFileSync(notZip, 'not a workbook');
  expect(issuesOf(notZip)[0]).toEqual({ path: notZip, message: expect.stringMatching(/^无法作为规划工作簿读取/) });
  const noSheets = path.join(tmp, 'no-sheets.xlsx');
  editPlan(exported, noSheets, [
    { op: 'drop', sheet: '指标' },
    { op: 'drop', sheet: '目标' },
  ]);
  expect(issuesOf(noSheets, 'zh')).toEqual([
    { path: '指标 Indicators', message: '缺少工作表“指标”' },
    { path: '目标 Targets', message: '缺少工作表“目标”' },
  ]);
  const r = cli(['plan', 'show', notZip], tmp);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/无法作为规划工作簿读取[^]*Cannot be read as a plan workbook/);
});
