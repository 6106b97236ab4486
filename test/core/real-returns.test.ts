/**
 * The engine on real workbooks: templates made by the generator, filled by
 * openpyxl (an independent writer), read back by the xlsx reader. This proves
 * the contract between generator, reader and rules (defined names, shown
 * codes and targets, metadata, percent formats), not just hand-made objects.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { consolidate, validateReturn } from '../../src/core/engine';
import { parsePeriod } from '../../src/core/period';
import type { ParsedReturn } from '../../src/core/return/types';
import { writeTemplate } from '../../src/xlsx/write/template';
import { readReturnFile } from '../../src/xlsx/read/node';
import { valueName, remarkName } from '../../src/core/template/layout';
import { convertWithLibreOffice } from '../support/libreoffice';
import { PLAN, DISTRICTS, goodValues } from './fixtures';

const PYTHON = '/usr/bin/python3';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-engine-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function filled(unit: string, values: Record<string, unknown>, extra: { formats?: Record<string, string>; remarks?: Record<string, string>; file?: string } = {}): Promise<ParsedReturn> {
  const blank = path.join(dir, `blank-${unit}.xlsx`);
  if (!fs.existsSync(blank)) fs.writeFileSync(blank, await writeTemplate(PLAN, parsePeriod('2023')!, unit, { generatedAt: new Date('2023-12-01T08:00:00Z') }));
  const dst = path.join(dir, extra.file ?? `${unit}.xlsx`);
  const cells: Record<string, unknown> = {};
  const reports = (code: string) => PLAN.indicators.some((i) => i.code === code && i.reporters.includes(unit));
  for (const [code, v] of Object.entries(values)) if (v !== null && reports(code)) cells[valueName(code)] = v;
  for (const [code, v] of Object.entries(extra.remarks ?? {})) cells[remarkName(code)] = v;
  const formats = Object.fromEntries(Object.entries(extra.formats ?? {}).map(([code, f]) => [valueName(code), f]));
  const res = spawnSync(PYTHON, [path.join(__dirname, 'fill_cells.py')], { input: JSON.stringify({ src: blank, dst, cells, formats }), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  const read = await readReturnFile(dst);
  if (!read.ok) throw new Error(read.message);
  return read.ret;
}

test('clean returns from the generator, filled by openpyxl, have no findings', async () => {
  for (const unit of [...DISTRICTS.slice(0, 2), 'SZ-FGW', 'SZ-DSJ']) {
    const ret = await filled(unit, goodValues(unit));
    expect({ unit, findings: validateReturn(PLAN, ret, { period: '2023' }) }).toEqual({ unit, findings: [] });
  }
});

test('problems are found at the right cells of a real workbook', async () => {
  const ret = await filled('320582', { ...goodValues('320582'), 'T-SUM': '约100', 'T-AMT': '1,234', 'T-CUM': 8000, 'T-TXT': null });
  const fs_ = validateReturn(PLAN, ret);
  const byRule = Object.fromEntries(fs_.map((f) => [`${f.rule}:${f.code}`, f]));
  expect(Object.keys(byRule).sort()).toEqual(['value.missing:T-TXT', 'value.not-number:T-AMT', 'value.not-number:T-SUM', 'value.unit-slip:T-CUM'].sort());
  // The generator puts indicators in plan order from row 5: T-SUM F5, T-AMT F6, … T-CUM F9.
  expect(byRule['value.not-number:T-SUM']).toMatchObject({ severity: 'error', sheet: '指标填报', cell: 'F5', remarkAt: { sheet: '指标填报', cell: 'H5' } });
  expect(byRule['value.not-number:T-AMT']).toMatchObject({ severity: 'warning', cell: 'F6', readAs: 1234 });
  expect(byRule['value.unit-slip:T-CUM']).toMatchObject({ cell: 'F9', readAs: 0.8 });
});

test('a rate typed as 92% in a percent-formatted cell is consolidated as 92', async () => {
  const dsj = await filled('SZ-DSJ', { ...goodValues('SZ-DSJ'), 'T-PCT': 0.92 }, { formats: { 'T-PCT': '0%' } });
  const fs_ = validateReturn(PLAN, dsj);
  expect(fs_.map((f) => f.rule)).toEqual(['value.percent-format']);
  const c = consolidate(PLAN, '2023', [dsj]);
  expect(c.indicators.find((i) => i.code === 'T-PCT')!.city).toMatchObject({ value: 92, attained: 'met' });
});

test('a real consolidation: sums, provenance, missing units, explanations', async () => {
  const rets = [
    await filled('320582', goodValues('320582')),
    await filled('320581', { ...goodValues('320581'), 'T-PUE': 1.4 }, { remarks: { 'T-PUE': '老旧机房改造中' } }),
    await filled('320585', goodValues('320585')),
    await filled('SZ-FGW', { 'T-AMT': 5987.5 }, { remarks: { 'T-AMT': '受外需影响' } }),
  ];
  const c = consolidate(PLAN, '2023', rets);
  expect(c.returns.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  expect(c.missing).toEqual(['320583', 'SZ-GXJ', 'SZ-DSJ']);
  const amt = c.indicators.find((i) => i.code === 'T-AMT')!.city;
  expect(amt.value).toBe(4500);
  expect(amt.districtsVsLead).toEqual({ districtsSum: 4500, lead: 5987.5, difference: -1487.5 });
  expect(amt.sources.map((s) => `${path.basename(s.file)}!${s.cell}`)).toEqual(['320582.xlsx!F6', '320581.xlsx!F6', '320585.xlsx!F6']);
  const pue = c.indicators.find((i) => i.code === 'T-PUE')!.city;
  expect(pue).toMatchObject({ value: 1.4, attained: 'missed', nonCompliant: ['320581'] });
  const notes = c.findings.map((f) => `${f.severity}:${f.unit}:${f.rule}:${f.code}`);
  // A binding miss explained in the remark (强制上报说明) is a warning the office checks, not an error.
  expect(notes).toEqual(['warning:320581:target.missed:T-PUE', 'info:SZ-FGW:target.missed:T-AMT']);
  expect(c.findings[0].message).toContain('老旧机房改造中');
});

test('a return re-saved by LibreOffice reads the same, with only a note', async () => {
  const before = await filled('320581', { ...goodValues('320581'), 'T-AMT': '1,234' }, { file: 'lo-in.xlsx' });
  const out = path.join(dir, 'lo');
  fs.mkdirSync(out, { recursive: true });
  const conv = await convertWithLibreOffice(path.join(dir, 'lo-in.xlsx'), 'xlsx', out);
  const read = await readReturnFile(conv.outputs[0]);
  if (!read.ok) throw new Error(read.message);
  const fsBefore = validateReturn(PLAN, before);
  const fsAfter = validateReturn(PLAN, read.ret);
  // LibreOffice saves the very hidden metadata sheet as hidden: a note only.
  expect(fsAfter.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.code, f.cell, f.readAs])).toEqual(fsBefore.map((f) => [f.rule, f.code, f.cell, f.readAs]));
  const c = consolidate(PLAN, '2023', [read.ret]);
  expect(c.indicators.find((i) => i.code === 'T-AMT')!.units['320581']).toBe(1234);
}, 180_000);
