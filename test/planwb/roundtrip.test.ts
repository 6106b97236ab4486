/**
 * `plansheet plan export` writes a plan workbook that Excel accepts (schema
 * check), that offers a dropdown for every closed choice and shows assumed
 * choices, and that reads back into exactly the same model: for the four
 * built-in plans and for a test plan with allocations and entry units.
 */

import * as fs from 'fs';
import * as path from 'path';
import { builtinPlan, builtinPlanIds, UNIT_REGISTRY } from '../../src/core/plan/builtin';
import { importPlanWorkbook } from '../../src/xlsx/plan/import';
import { runPythonJson } from '../support/python';
import { ALLOC_PLAN_SOURCE, allocPlan } from './plans';
import { cli, tempDir } from './support';
import { checkXlsx, errorLines } from '../ooxml/check';

const tmp = tempDir('plansheet-planwb-');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));


function exportWith(arg: string, name: string): string {
  const out = path.join(tmp, name);
  const r = cli(['plan', 'export', arg, '--out', out], tmp);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(out);
  return out;
}

describe.each(builtinPlanIds())('built-in plan %s', (id) => {
  const file = () => path.join(tmp, `${id}.xlsx`);

  test('export, then import gives back the same model', () => {
    exportWith(id, `${id}.xlsx`);
    const back = importPlanWorkbook(new Uint8Array(fs.readFileSync(file())), file(), UNIT_REGISTRY);
    expect(back).toEqual(builtinPlan(id));
    // No allocations are shipped as fact: none of the seeds splits targets by district.
    expect(back.allocations).toBeUndefined();
  });

  test('the workbook passes the ECMA-376 schema check (the project\'s own checker)', () => {
    expect(errorLines(checkXlsx([file()]))).toEqual([]);
  });
});

test('plan show reads the workbook like the JSON plan (same resolved model)', () => {
  const id = 'taicang-digital-economy-2021-2023';
  const file = exportWith(id, 'show.xlsx');
  const r = cli(['plan', 'show', file, '--json'], tmp);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(builtinPlan(id))));
});

test('a plan with allocations and entry units survives export and import', () => {
  const json = path.join(tmp, 'alloc.json');
  fs.writeFileSync(json, JSON.stringify(ALLOC_PLAN_SOURCE));
  const file = exportWith(json, 'alloc.xlsx');
  const back = importPlanWorkbook(new Uint8Array(fs.readFileSync(file)), file, UNIT_REGISTRY);
  expect(back).toEqual(allocPlan());
  expect(back.allocations).toHaveLength(5);
  expect(back.indicators.find((i) => i.code === 'T-OUT')!.entryUnits).toEqual([{ unit: '亿元', factor: 0.0001, kinds: ['district'] }]);
  // An object target ("建成1个" read as = 1) is spelled out in 解读 and read back.
  expect(back.indicators.find((i) => i.code === 'T-EQ')!.targets['2023']).toEqual({ raw: '建成1个', op: 'eq', value: 1 });
});

interface Inspect {
  sheets: { name: string }[];
  validations: Record<string, { type: string; formula1: string; cells: string[]; showErrorMessage: boolean }[]>;
  cells: Record<string, Record<string, unknown>>;
}

test('sheets are Chinese with English beside; every closed choice has a dropdown; assumed choices are shown', () => {
  const id = 'suzhou-digital-economy-2021-2023';
  const file = path.join(tmp, `${id}.xlsx`);
  if (!fs.existsSync(file)) exportWith(id, `${id}.xlsx`);
  const wb = runPythonJson<Inspect>('test/generate/py/inspect_template.py', [file]);
  expect(wb.sheets.map((s) => s.name)).toEqual(['规划信息 Plan', '类型 Categories', '指标 Indicators', '目标 Targets', '单位 Units', '目标分解 Allocations']);

  const ind = wb.cells['指标 Indicators'];
  const header = (col: string) => String(ind[`${col}2`]).split('\n')[0];
  const listAt = (sheet: string, col: string) => {
    const headers = Object.entries(wb.cells[sheet]).filter(([k]) => /^[A-Z]+2$/.test(k));
    const letter = headers.find(([, v]) => String(v).split('\n')[0] === col)![0].replace('2', '');
    return wb.validations[sheet].find((v) => v.type === 'list' && v.cells.includes(`${letter}3`));
  };
  expect(header('A')).toBe('指标代码');
  expect(String(ind.A2)).toContain('code');
  const closed: [string, string, RegExp][] = [
    ['指标 Indicators', '类型', /类型 Categories'!\$A\$3/],
    ['指标 Indicators', '值类型', /个数,数额,百分比,比值,数值,定性/],
    ['指标 Indicators', '汇总方式', /求和,比率不求和,逐单位限值,全市统一报送/],
    ['指标 Indicators', '方向', /不低于,不高于,等于/],
    ['指标 Indicators', '属性', /约束性,预期性,未注明/],
    ['指标 Indicators', '累计', /是,否/],
    ['指标 Indicators', '牵头单位核实', /推定（待核实）,已核实/],
    ['指标 Indicators', '填报单位核实', /推定（待核实）,已核实/],
    ['单位 Units', '单位类别', /市,区县,部门,镇街,其他/],
    ['单位 Units', '上级单位代码', /单位 Units'!\$A\$3/],
    ['类型 Categories', '上级类型', /类型 Categories'!\$A\$3/],
    ['目标分解 Allocations', '指标代码', /指标 Indicators'!\$A\$3/],
    ['目标分解 Allocations', '单位代码', /单位 Units'!\$A\$3/],
  ];
  for (const [sheet, col, formula] of closed) {
    const v = listAt(sheet, col);
    expect({ sheet, col, formula: v?.formula1 }).toEqual({ sheet, col, formula: expect.stringMatching(formula) });
    expect(v!.showErrorMessage).toBe(true);
  }
  // Every lead of this plan is assumed: the person sees 推定（待核实） on every row.
  const plan = builtinPlan(id)!;
  const leadChecked = Object.entries(ind).filter(([k, v]) => /^L\d+$/.test(k) && Number(k.slice(1)) > 2 && v);
  expect(header('L')).toBe('牵头单位核实');
  expect(leadChecked).toHaveLength(plan.indicators.length);
  expect(leadChecked.every(([, v]) => v === '推定（待核实）')).toBe(true);
  // 目标 keeps the seed's text as typed.
  const targets = wb.cells['目标 Targets'];
  const m01 = plan.indicators[0];
  const row = Object.entries(targets).find(([k, v]) => /^A\d+$/.test(k) && v === m01.code)![0].slice(1);
  const rawCol = Object.entries(targets).find(([k, v]) => /^[A-Z]+2$/.test(k) && String(v).startsWith('2023 原文'))![0].replace('2', '');
  expect(targets[`${rawCol}${row}`]).toBe(m01.targets['2023'].raw);
});
