/**
 * A district's template made from an edited plan workbook shows the district's
 * own target (目标分解) with the city's beside it, and its status is judged
 * against the own target: by LibreOffice recalculating the sheet, not by our
 * cached results. A value typed in the district's entry unit (亿元 for a
 * 万亿元 indicator) is read back in the indicator's unit, so the city sum is right.
 */

import * as fs from 'fs';
import * as path from 'path';
import type { Consolidation } from '../../src/core/consolidate/types';
import { SHEETS, valueName } from '../../src/core/template/layout';
import { runPythonJson } from '../support/python';
import { convertWithLibreOffice, readSheetCsv } from '../support/libreoffice';
import { ALLOC_PLAN_SOURCE } from './plans';
import { cli, editPlan, tempDir } from './support';

const tmp = tempDir('plansheet-planwb-own-');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const planFile = path.join(tmp, 'plan-edited.xlsx');
const out = path.join(tmp, 'out');

beforeAll(() => {
  const json = path.join(tmp, 'plan.json');
  fs.writeFileSync(json, JSON.stringify(ALLOC_PLAN_SOURCE));
  const exported = path.join(tmp, 'plan.xlsx');
  expect(cli(['plan', 'export', json, '--out', exported], tmp).code).toBe(0);
  // The office adds 张家港's own target for T-RANGE in the workbook.
  editPlan(exported, planFile, [
    { op: 'set', sheet: '目标分解', where: { 指标代码: 'T-RANGE', 单位代码: '320582' }, column: '2023 分解目标', value: '2 以上' },
    // An own limit looser than the city's: judged as the office wrote it, and warned about in the summary.
    { op: 'set', sheet: '目标分解', where: { 指标代码: 'T-LE', 单位代码: '320506' }, column: '2023 分解目标', value: '1.4 以下' },
  ]);
  for (const unit of ['320582', '320581', '320506']) {
    const r = cli(['generate', '--plan', planFile, '--period', '2023', '--unit', unit, '--out', out], tmp);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
});

function fileOf(unit: string): string {
  return path.join(out, fs.readdirSync(out).find((f) => f.includes(`_${unit}_`))!);
}

/** code → [unit, target, status] as LibreOffice computes the entry sheet. */
function rowsOf(csvDir: string, file: string): Map<string, string[]> {
  const rows = readSheetCsv(csvDir, file, SHEETS.entry);
  return new Map(rows.filter((r) => /^T-/.test(r[0])).map((r) => [r[0], [r[3], r[4], r[6]]]));
}

function fill(src: string, dst: string, values: Record<string, number | null>): void {
  runPythonJson('test/generate/py/fill_values.py', [src, dst], { input: JSON.stringify(values) });
}

test('the district sees its own target beside the city target, and LibreOffice judges the status against it', async () => {
  const zjg = fileOf('320582');
  const wz = fileOf('320506');
  const met = path.join(tmp, 'zjg-met.xlsx');
  const missed = path.join(tmp, 'zjg-missed.xlsx');
  const other = path.join(tmp, 'wz.xlsx');
  // 500 ≥ 450 (own) though far below the city's 3000; 1.28 passes the city's ≤ 1.3 but not the own ≤ 1.25.
  fill(zjg, met, { [valueName('T-GE')]: 500, [valueName('T-LE')]: 1.2, [valueName('T-RANGE')]: 2, [valueName('T-OUT')]: 1600 });
  fill(zjg, missed, { [valueName('T-GE')]: 440, [valueName('T-LE')]: 1.28, [valueName('T-RANGE')]: 1, [valueName('T-OUT')]: 1400 });
  fill(wz, other, { [valueName('T-GE')]: 100, [valueName('T-LE')]: 1.28, [valueName('T-RANGE')]: 1, [valueName('T-OUT')]: 900 });
  const csv = path.join(tmp, 'csv');
  await convertWithLibreOffice([met, missed, other], 'csv', csv, { csvAllSheets: true });

  const a = rowsOf(csv, met);
  expect(a.get('T-GE')).toEqual(['亿元', '本单位 ≥ 450（全市 ≥ 3000）', '达标']);
  expect(a.get('T-LE')).toEqual(['', '本单位 ≤ 1.25（全市 ≤ 1.3）', '达标']);
  // Added in the workbook by the office.
  expect(a.get('T-RANGE')).toEqual(['个', '本单位 ≥ 2（全市 1～2）', '达标']);
  // Typed in 亿元: own 0.15 万亿元 = 1500 亿元, the city's 1.2 万亿元 = 12000 亿元.
  expect(a.get('T-OUT')).toEqual(['亿元', '本单位 ≥ 1500（全市 ≥ 12000）', '达标']);

  const b = rowsOf(csv, missed);
  // Missed own targets, no remark typed: the status asks for an explanation (强制上报说明).
  expect([...b.values()].filter((r) => r[1].startsWith('本单位')).map((r) => r[2])).toEqual(['未达标·请说明', '未达标·请说明', '未达标·请说明', '未达标·请说明']);

  // A district without allocations behaves as before: the city's target for reference, 已填.
  const c = rowsOf(csv, other);
  expect(c.get('T-GE')).toEqual(['亿元', '全市 ≥ 3000', '已填']);
  expect(c.get('T-LE')).toEqual(['', '本单位 ≤ 1.4（全市 ≤ 1.3）', '达标']);
  expect(c.get('T-OUT')).toEqual(['亿元', '全市 ≥ 12000', '已填']);
});

test('values typed in 亿元 are summed in 万亿元; the filled return passes validation against the edited plan', () => {
  const returns = path.join(tmp, 'returns');
  fs.mkdirSync(returns);
  fill(fileOf('320582'), path.join(returns, 'zjg.xlsx'), { [valueName('T-GE')]: 500, [valueName('T-OUT')]: 1600 });
  fill(fileOf('320506'), path.join(returns, 'wz.xlsx'), { [valueName('T-GE')]: 100, [valueName('T-OUT')]: 900 });
  fill(fileOf('320581'), path.join(returns, 'cs.xlsx'), { [valueName('T-GE')]: 300 });

  const v = cli(['validate', path.join(returns, 'zjg.xlsx'), path.join(returns, 'wz.xlsx'), '--plan', planFile, '--json'], tmp);
  const findings = JSON.parse(v.stdout) as { findings: { rule: string; code?: string }[] }[];
  expect(findings).toHaveLength(2);
  const rules = findings.flatMap((f) => f.findings).filter((f) => f.code === 'T-OUT' || f.code === 'T-GE').map((f) => f.rule);
  // Neither a "target altered" warning for the own-target or 亿元 text nor a unit slip for 1600 against 1.2.
  expect(rules.filter((r) => /target-altered|unit|slip/.test(r))).toEqual([]);
  expect(findings.flatMap((f) => f.findings).some((f) => f.rule === 'value.missing')).toBe(true);

  // The validator measures the value against the own target too: 440 misses 张家港's ≥ 450; 吴中 has none.
  const short = path.join(tmp, 'zjg-short.xlsx');
  fill(fileOf('320582'), short, { [valueName('T-GE')]: 440 });
  const missed = (file: string) => {
    const r = cli(['validate', file, '--plan', planFile, '--json'], tmp);
    return (JSON.parse(r.stdout) as { findings: { rule: string; code?: string; message: string }[] }[])[0].findings.filter((f) => f.rule === 'target.missed' && f.code === 'T-GE');
  };
  expect(missed(short)).toEqual([expect.objectContaining({ message: expect.stringContaining('≥ 450') })]);
  expect(missed(path.join(returns, 'wz.xlsx'))).toEqual([]);

  const summary = path.join(tmp, 'summary.xlsx');
  const c = cli(['consolidate', returns, '--plan', planFile, '--period', '2023', '--out', summary, '--json'], tmp);
  expect(fs.existsSync(summary)).toBe(true);
  const json = JSON.parse(c.stdout) as Consolidation;
  const out = json.indicators.find((i) => i.code === 'T-OUT')!;
  expect(out.city?.value).toBeCloseTo(0.25, 9);

  // The summary ranks the districts by attainment of their own targets and checks the split.
  const own = new Map(json.ownTargets!.map((s) => [s.code, s]));
  expect(own.get('T-GE')!.rows).toEqual([
    { unit: '320582', target: '≥ 450', value: 500, attained: 'met', completion: 500 / 450 },
    { unit: '320581', target: '≥ 400', value: 300, attained: 'missed', completion: 0.75 },
  ]);
  expect(own.get('T-GE')!.warnings).toEqual(['2 个单位的分解目标合计 850亿元，低于全市目标 ≥ 3000，差 2150亿元']);
  expect(own.get('T-LE')!.warnings).toEqual(['吴中区的分解目标 ≤ 1.4 比全市限值 ≤ 1.3 宽松']);
  expect(own.get('T-OUT')!.rows).toEqual([{ unit: '320582', target: '≥ 0.15', value: 0.16, attained: 'met', completion: expect.closeTo(0.16 / 0.15, 9) }]);

  // …and the summary workbook has the sheet, as openpyxl reads it.
  const wb = runPythonJson<{ cells: Record<string, Record<string, unknown>> }>('test/generate/py/inspect_template.py', [summary]);
  const sheet = wb.cells['目标分解完成情况'];
  const rows = Object.keys(sheet).filter((k) => /^A\d+$/.test(k) && sheet[k] === 'T-GE').map((k) => k.slice(1));
  expect(rows.map((r) => ['C', 'D', 'E', 'F', 'G'].map((col) => sheet[`${col}${r}`]))).toEqual([
    [1, '张家港市', '≥ 450', 500, '达标'],
    [2, '常熟市', '≥ 400', 300, '未达标'],
  ]);
  expect(sheet[`I${rows[0]}`]).toContain('低于全市目标');

  // The printed overview says it too.
  const text = cli(['consolidate', returns, '--plan', planFile, '--period', '2023', '--out', path.join(tmp, 'summary2.xlsx')], tmp).stdout;
  // T-GE (2 units), T-LE (2), T-RANGE and T-OUT (张家港): 张家港 and 常熟 met/missed T-GE, 张家港 met T-OUT; the rest have no value.
  expect(text).toContain('目标分解（4 项指标，6 个分解目标）：达标 2，未达标 1，无数据 3');
  expect(text).toContain('吴中区的分解目标 ≤ 1.4 比全市限值 ≤ 1.3 宽松');
});
