/**
 * Identity checks end to end: the unit in the metadata, the 填报单位 cell and
 * the file name are compared. Templates from the real generator, filled by
 * openpyxl, checked and consolidated by the real CLI.
 */

import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan } from '../../src/core/plan/builtin';
import type { Plan } from '../../src/core/plan/types';
import { unitsNamedIn } from '../../src/core/rules/identity';
import { cli, fillReturn, generateBlanks } from './returns';

const PLAN_ID = 'suzhou-new-infrastructure-2020-2022';
const YEAR = '2022';
const plan: Plan = builtinPlan(PLAN_ID)!;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-identity-'));
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const ZJG = '320582';
const CS = '320581';

interface JsonFinding {
  severity: string;
  rule: string;
  message: string;
}
interface JsonConsolidation {
  returns: { file: string; unit: string | null; status: string; reason: string }[];
  missing: string[];
  indicators: { code: string; units: Record<string, number | null> }[];
}

let blanks: Map<string, string>;
beforeAll(() => {
  expect(plan.indicators.some((i) => i.reporters.includes(ZJG))).toBe(true);
  expect(plan.indicators.some((i) => i.reporters.includes(CS))).toBe(true);
  blanks = generateBlanks(PLAN_ID, YEAR, path.join(root, 'blank'));
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function findings(file: string): JsonFinding[] {
  const r = cli(['validate', file, '--json']);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }[])[0].findings;
}

test('names: codes as whole tokens, the longest name wins, parents are named too', () => {
  expect(unitsNamedIn('常熟.xlsx', plan.units).map((u) => u.code)).toEqual([CS]);
  expect(unitsNamedIn('2022_320582_张家港市', plan.units).map((u) => u.code)).toEqual([ZJG]);
  expect(unitsNamedIn('3205821', plan.units)).toEqual([]);
  expect(unitsNamedIn('报表(1)', plan.units)).toEqual([]);
});

test('常熟 fills 张家港’s template and names the file 常熟: an error naming all three; consolidation credits it to no one', () => {
  const dir = path.join(root, 'case1');
  const file = path.join(dir, '常熟.xlsx');
  fillReturn(plan, blanks.get(ZJG)!, file, ZJG, YEAR, { reporter: { unit: '常熟市', contact: '李四' } });
  const before = sha(file);

  const v = cli(['validate', file, '--json']);
  expect(v.code).toBe(1);
  const id = (JSON.parse(v.stdout) as { findings: JsonFinding[] }[])[0].findings.filter((f) => f.rule === 'identity.unit-mismatch');
  expect(id).toHaveLength(1);
  expect(id[0].severity).toBe('error');
  for (const part of ['张家港市（320582）', '“常熟市”', '常熟市（320581）', '常熟.xlsx']) expect(id[0].message).toContain(part);

  const out = path.join(root, 'case1.xlsx');
  const c = cli(['consolidate', dir, '--out', out, '--json']);
  expect(c.code).toBe(1);
  const json = JSON.parse(c.stdout) as JsonConsolidation;
  expect(json.returns).toHaveLength(1);
  expect(json.returns[0]).toMatchObject({ unit: ZJG, status: 'rejected' });
  expect(json.returns[0].reason).toBe(id[0].message);
  // Neither unit is credited: both are still missing, and no value of 张家港 is in a figure.
  expect(json.missing).toEqual(expect.arrayContaining([ZJG, CS]));
  for (const ind of json.indicators) if (ZJG in ind.units) expect(ind.units[ZJG]).toBeNull();
  expect(fs.existsSync(out)).toBe(true);
  expect(sha(file)).toBe(before);

  // English too.
  const en = cli(['validate', file, '--json', '--lang', 'en']);
  const enMsg = (JSON.parse(en.stdout) as { findings: JsonFinding[] }[])[0].findings.find((f) => f.rule === 'identity.unit-mismatch')!.message;
  expect(enMsg).toContain('Zhangjiagang (320582)');
  expect(enMsg).toContain('Changshu (320581)');
}, 120_000);

test('only the file name names another unit (the 填报单位 cell untouched): still an error', () => {
  const file = path.join(root, 'case2', `${YEAR}_${CS}_常熟市.xlsx`);
  fillReturn(plan, blanks.get(ZJG)!, file, ZJG, YEAR);
  const id = findings(file).filter((f) => f.rule === 'identity.unit-mismatch');
  expect(id).toHaveLength(1);
  expect(id[0].message).toContain('“填报单位”单元格为“张家港市”（与元数据一致）');
}, 60_000);

test('agreeing witnesses, a file name with the city in it, or a name without any unit: no identity finding', () => {
  const files = [
    path.join(root, 'case3', '苏州市新基建报表_张家港.xlsx'),
    path.join(root, 'case3', '报表(1).xlsx'),
    path.join(root, 'case3', path.basename(blanks.get(ZJG)!)),
  ];
  for (const f of files) fillReturn(plan, blanks.get(ZJG)!, f, ZJG, YEAR, { reporter: { unit: '张家港市工信局' } });
  const r = cli(['validate', ...files, '--json']);
  expect(r.code).toBe(0);
  for (const entry of JSON.parse(r.stdout) as { findings: JsonFinding[] }[]) expect(entry.findings.filter((f) => f.rule.startsWith('identity.'))).toEqual([]);
}, 60_000);
