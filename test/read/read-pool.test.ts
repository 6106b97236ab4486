/**
 * Reading on worker threads (src/node/read-pool.ts) gives exactly what the
 * main thread gives: the same returns from real openpyxl-written files, the
 * same clear message for each bad file, in input order; a bad file never
 * stops the others. Then the real `plansheet consolidate` on a directory
 * with workers forced on and off prints the same consolidation.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan } from '../../src/core/plan/builtin';
import type { Plan } from '../../src/core/plan/types';
import { readInputs, type ReadOutcome } from '../../src/cli/inputs';
import { readInWorkers, readWorkerCount } from '../../src/node/read-pool';
import { makeFixtures } from '../fixtures/make-returns';
import { readReturnFile } from '../../src/xlsx/read/node';
import { corruptedData, notZip, truncated } from '../fixtures/hostile';
import { cli, fillReturn, generateBlanks } from '../cli-validate/returns';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-read-pool-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function withWorkers<T>(n: string | undefined, run: () => Promise<T>): Promise<T> {
  const before = process.env.PLANSHEET_WORKERS;
  if (n === undefined) delete process.env.PLANSHEET_WORKERS;
  else process.env.PLANSHEET_WORKERS = n;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.PLANSHEET_WORKERS;
    else process.env.PLANSHEET_WORKERS = before;
  }
}

/** An outcome as plain data (the entries Map as pairs), to compare and show. */
const plain = (o: ReadOutcome) => (o.ok ? { ...o, ret: { ...o.ret, entries: [...o.ret.entries] } } : o);

describe('read pool', () => {
  let files: string[];
  let bad: Record<string, string>;

  beforeAll(async () => {
    const fx = await makeFixtures(path.join(root, 'fixtures'));
    const good = Object.values(fx.files);
    const real = fs.readFileSync(good[0]);
    bad = {
      notZip: path.join(root, 'fixtures', '不是表格.xlsx'),
      truncated: path.join(root, 'fixtures', '截断.xlsx'),
      corrupted: path.join(root, 'fixtures', '损坏.xlsx'),
      missing: path.join(root, 'fixtures', '已删除.xlsx'),
    };
    fs.writeFileSync(bad.notZip, notZip());
    fs.writeFileSync(bad.truncated, truncated(real));
    fs.writeFileSync(bad.corrupted, corruptedData(real));
    // Bad files among the good ones, so every worker meets some.
    files = [...good];
    files.splice(1, 0, bad.notZip);
    files.splice(5, 0, bad.truncated, bad.missing);
    files.push(bad.corrupted);
  }, 300_000);

  test('two workers read what the main thread reads, in input order, bad files with their own message', async () => {
    const single = await withWorkers('0', () => readInputs(files, 'zh'));
    const ticked: string[] = [];
    const pooled = await readInWorkers(files, 'zh', 2, (f) => ticked.push(f));
    expect(pooled.map(plain)).toEqual(single.map(plain));
    expect(pooled.map((o) => o.file)).toEqual(files);
    expect([...ticked].sort()).toEqual([...files].sort());
    // Every good file read; every bad one refused with a Chinese sentence naming it.
    for (const o of pooled) {
      const isBad = Object.values(bad).includes(o.file);
      expect({ file: o.file, ok: o.ok }).toEqual({ file: o.file, ok: !isBad });
      if (!o.ok) {
        expect(o.message).toContain(o.file);
        expect(o.message).toMatch(/[\u4e00-\u9fff]/);
        expect(o.rule).toMatch(/^file\./);
      }
    }
    const rules = Object.fromEntries(pooled.filter((o): o is Extract<ReadOutcome, { ok: false }> => !o.ok).map((o) => [path.basename(o.file), o.rule]));
    expect(rules).toEqual({ '不是表格.xlsx': 'file.not-zip', '截断.xlsx': 'file.corrupt-zip', '已删除.xlsx': 'file.read-error', '损坏.xlsx': 'file.corrupt-zip' });
  }, 120_000);

  test('kept returns equal what the reader returns, with repeating strings and cell references shared', async () => {
    const kept = await withWorkers('0', () => readInputs(files, 'zh'));
    const again = await withWorkers('0', () => readInputs(files, 'zh'));
    for (const [i, file] of files.entries()) {
      const direct = await readReturnFile(file, { lang: 'zh' });
      const k = kept[i];
      if (!direct.ok || !k.ok) {
        expect(k.ok).toBe(direct.ok);
        continue;
      }
      expect(plain(k)).toEqual(plain({ file, ok: true, ret: direct.ret }));
      // One object per cell reference and one string per code, whichever return holds them.
      const a = [...k.ret.entries.values()][0];
      const b = [...(again[i] as Extract<ReadOutcome, { ok: true }>).ret.entries.values()][0];
      expect(a.valueAt).toBe(b.valueAt);
      expect(a).not.toBe(b);
    }
  }, 120_000);

  test('readInputs uses workers only when asked or when there are enough files', async () => {
    expect(await withWorkers('0', async () => readWorkerCount(5000))).toBe(0);
    expect(await withWorkers('3', async () => readWorkerCount(2))).toBe(2);
    expect(await withWorkers(undefined, async () => readWorkerCount(10))).toBe(0);
    // Forced on through readInputs itself: the same outcomes.
    const viaInputs = await withWorkers('2', () => readInputs(files, 'en'));
    const single = await withWorkers('0', () => readInputs(files, 'en'));
    expect(viaInputs.map(plain)).toEqual(single.map(plain));
  }, 120_000);
});

describe('plansheet consolidate with and without read workers', () => {
  const PLAN_ID = 'suzhou-new-infrastructure-2020-2022';
  const YEAR = '2022';
  const plan: Plan = builtinPlan(PLAN_ID)!;
  const dir = path.join(root, 'returns');

  beforeAll(() => {
    const blanks = generateBlanks(PLAN_ID, YEAR, path.join(root, 'blank'));
    fs.mkdirSync(dir, { recursive: true });
    let k = 0;
    for (const [unit, blank] of blanks) {
      // Every third return with a value typed as text, so there are findings to compare.
      const code = plan.indicators.find((i) => i.reporters.includes(unit) && i.kind !== 'text')?.code;
      fillReturn(plan, blank, path.join(dir, path.basename(blank)), unit, YEAR, k++ % 3 === 0 && code ? { values: { [code]: '约100' } } : {});
    }
    fs.writeFileSync(path.join(dir, '坏文件.xlsx'), notZip());
  }, 300_000);

  test('the same --json, summary written, the bad file rejected with its message', () => {
    const run = (workers: string, out: string) => {
      const r = cli(['consolidate', dir, '--out', path.join(root, out), '--json'], { env: { PLANSHEET_WORKERS: workers } });
      expect(r.code).toBe(1);
      expect(fs.statSync(path.join(root, out)).size).toBeGreaterThan(0);
      return JSON.parse(r.stdout) as { returns: { file: string; status: string; reason: string }[]; findings: unknown[] };
    };
    const pooled = run('2', 'pooled.xlsx');
    const single = run('0', 'single.xlsx');
    expect(pooled).toEqual(single);
    const badOne = pooled.returns.find((r) => r.file.endsWith('坏文件.xlsx'))!;
    expect(badOne.status).toBe('rejected');
    expect(badOne.reason).toContain('坏文件.xlsx');
    expect(pooled.returns.filter((r) => r.status === 'accepted').length).toBeGreaterThan(5);
    expect(pooled.findings.length).toBeGreaterThan(0);
  }, 300_000);
});
