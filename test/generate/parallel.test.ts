/**
 * The parallel generator (worker threads, src/node/generate-pool.ts) writes
 * the same files as the sequential one: byte for byte, in the same order,
 * and a write failure halfway reports the same way.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan, DEFAULT_PLAN_ID } from '../../src/core/plan/builtin';
import { GenerateFailure, generateSet, type GeneratedFile } from '../../src/node/generate';
import { workerCount } from '../../src/node/generate-pool';
import { reportingUnits } from '../../src/xlsx/write/units';

jest.setTimeout(180_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-par-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const plan = builtinPlan(DEFAULT_PLAN_ID)!;
const period = { kind: 'year' as const, year: 2023 };
const units = reportingUnits(plan);
const generatedAt = new Date('2026-01-02T03:04:05Z');

async function withWorkers<T>(n: number, f: () => Promise<T>): Promise<T> {
  const before = process.env.PLANSHEET_WORKERS;
  process.env.PLANSHEET_WORKERS = String(n);
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.PLANSHEET_WORKERS;
    else process.env.PLANSHEET_WORKERS = before;
  }
}

test('worker count: none for a small set, at most one per core, overridable', () => {
  const before = process.env.PLANSHEET_WORKERS;
  delete process.env.PLANSHEET_WORKERS;
  try {
    expect(workerCount(17)).toBe(0);
    expect(workerCount(10_000)).toBeLessThanOrEqual(os.availableParallelism());
  } finally {
    if (before !== undefined) process.env.PLANSHEET_WORKERS = before;
  }
  expect(withWorkersSync(3, () => workerCount(2))).toBe(2);
  expect(withWorkersSync(0, () => workerCount(5000))).toBe(0);
});

function withWorkersSync<T>(n: number, f: () => T): T {
  const before = process.env.PLANSHEET_WORKERS;
  process.env.PLANSHEET_WORKERS = String(n);
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env.PLANSHEET_WORKERS;
    else process.env.PLANSHEET_WORKERS = before;
  }
}

test('two worker threads write the same bytes, in the same order, as the main thread', async () => {
  const seqDir = path.join(tmp, 'seq');
  const parDir = path.join(tmp, 'par');
  const seqOrder: string[] = [];
  const parOrder: string[] = [];
  const seq = await withWorkers(0, () => generateSet(plan, period, units, seqDir, { generatedAt, generator: 'test' }, (f) => seqOrder.push(f.unit.code)));
  const par = await withWorkers(2, () => generateSet(plan, period, units, parDir, { generatedAt, generator: 'test' }, (f) => parOrder.push(f.unit.code)));
  expect(units.length).toBeGreaterThan(10);
  expect(parOrder).toEqual(units.map((u) => u.code));
  expect(parOrder).toEqual(seqOrder);
  expect(par.map((f) => path.basename(f.file))).toEqual(seq.map((f) => path.basename(f.file)));
  for (const f of seq) {
    const a = fs.readFileSync(f.file);
    const b = fs.readFileSync(path.join(parDir, path.basename(f.file)));
    expect(b.length).toBe(a.length);
    expect(b.equals(a)).toBe(true);
  }
  // Only complete workbooks, no temp files left behind.
  expect(fs.readdirSync(parDir).sort()).toEqual(seq.map((f) => path.basename(f.file)).sort());
});

test('a write failure halfway through a parallel run names the file and lists what was written', async () => {
  const dir = path.join(tmp, 'fail');
  fs.mkdirSync(dir);
  // The fifth workbook's name is taken by a directory: its rename fails.
  const blocked = path.join(dir, (await withWorkers(0, () => generateSet(plan, period, units.slice(4, 5), path.join(tmp, 'probe'), { generatedAt })))[0].file.split(path.sep).pop()!);
  fs.mkdirSync(blocked);
  fs.writeFileSync(path.join(blocked, 'keep.txt'), 'x');
  const seen: GeneratedFile[] = [];
  const err = await withWorkers(2, () => generateSet(plan, period, units, dir, { generatedAt }, (f) => seen.push(f))).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(GenerateFailure);
  const failure = err as GenerateFailure;
  expect(failure.failure.path).toBe(blocked);
  expect(failure.written.map((w) => w.unit.code)).toEqual(units.slice(0, 4).map((u) => u.code));
  expect(seen.length).toBe(4);
  // Nothing after the failed one, no temp files.
  const left = fs.readdirSync(dir).filter((f) => f !== path.basename(blocked));
  expect(left.sort()).toEqual(failure.written.map((w) => path.basename(w.file)).sort());
});
