/**
 * 上期值 in the unit the clerk types: where a district types 亿元 for an
 * indicator counted in 万亿元 (entryUnits), last period's value is read from
 * its return in 万亿元 (value × factor) and shown back in 亿元, so the
 * status formula compares like with like.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UNIT_REGISTRY } from '../../src/core/plan/builtin';
import { resolvePlan } from '../../src/core/plan/load';
import { ENTRY_FIRST_DATA_ROW, PREVIOUS_COLUMN, SHEETS, valueName } from '../../src/core/template/layout';
import { previousFromReturns } from '../../src/core/template/previous';
import { readReturnFile } from '../../src/xlsx/read/node';
import { writeTemplate } from '../../src/xlsx/write/template';
import { runPythonJson } from '../support/python';
import { TEST_PLAN_SOURCE } from '../generate/test-plan';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-prev-units-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a value typed in 亿元 in 2022 is 上期值 in 亿元 in 2023, and 万亿元 in between', async () => {
  const src = structuredClone(TEST_PLAN_SOURCE) as Record<string, unknown> & typeof TEST_PLAN_SOURCE;
  src.id = 'test-plan-units';
  const ge = src.indicators.find((i) => i.code === 'T-GE')! as Record<string, unknown>;
  Object.assign(ge, { unit: '万亿元', targets: { '2023': '0.3 以上', '2022': '0.25' }, entryUnits: [{ unit: '亿元', factor: 0.0001, kinds: ['district'] }] });
  const plan = resolvePlan(src, UNIT_REGISTRY, 'test');
  const t2022 = path.join(tmp, 't2022.xlsx');
  fs.writeFileSync(t2022, await writeTemplate(plan, { kind: 'year', year: 2022 }, '320582'));
  const r2022 = path.join(tmp, 'r2022.xlsx');
  runPythonJson('test/generate/py/fill_values.py', [t2022, r2022], { input: JSON.stringify({ [valueName('T-GE')]: 450 }) });
  const read = await readReturnFile(r2022);
  if (!read.ok) throw new Error(read.message);
  const prev = previousFromReturns(plan, { kind: 'year', year: 2023 }, [read.ret])!;
  // 450 亿元 = 0.045 万亿元, the indicator's unit.
  expect(prev.period).toBe('2022');
  expect(prev.byUnit.get('320582')!.get('T-GE')).toBeCloseTo(0.045, 12);
  const t2023 = path.join(tmp, 't2023.xlsx');
  fs.writeFileSync(t2023, await writeTemplate(plan, { kind: 'year', year: 2023 }, '320582', { previous: prev }));
  const cell = `${PREVIOUS_COLUMN}${ENTRY_FIRST_DATA_ROW}`;
  const looks = runPythonJson<Record<string, { value: number }>>('test/round/py/cell_looks.py', [t2023, SHEETS.entry, cell, `D${ENTRY_FIRST_DATA_ROW}`]);
  expect(looks[`D${ENTRY_FIRST_DATA_ROW}`].value).toBe('亿元');
  expect(looks[cell].value).toBe(450);
});
