/**
 * Reading and consolidating returns.
 *  1. 1,000 returns of a 100-indicator plan: the generator writes one
 *     template per district (10), each is filled 100 times by editing the
 *     entry-sheet XML directly (test/fixtures/fast-fill.ts: numbers, some
 *     text such as "约100", blanks, remarks) and written to disk.
 *  2. All 1,000 read with readReturnFile, then consolidated with the engine:
 *     time, returns per second, peak RSS. Goal: peak < 1 GB.
 *  3. The same 1,000 files read by openpyxl through the same defined names
 *     (bench/openpyxl_read.py) in the same run; the ratio. Goal: ≥ 3×.
 *  4. Rejection time of hostile files (zip bombs, too many entries, an
 *     encrypted workbook, a truncated file at the size limit). Goal: < 1 s.
 *
 * BENCH_COUNT changes the number of returns; BENCH_OPENPYXL=0 skips step 3.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePeriod } from '../src/core/period';
import type { ParsedReturn } from '../src/core/return/types';
import { writeTemplate } from '../src/xlsx/write/template';
import { readReturn, DEFAULT_LIMITS } from '../src/xlsx/read';
import { readReturnFile } from '../src/xlsx/read/node';
import { fixturePlan } from '../test/fixtures/plan';
import { fastFill, type FillValue } from '../test/fixtures/fast-fill';
import * as H from '../test/fixtures/hostile';
import { rng } from '../test/fixtures/rng';

const COUNT = Number(process.env.BENCH_COUNT ?? 1000);
const INDICATORS = 100;
const PYTHON = '/usr/bin/python3';

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const peakRssKb = () => process.resourceUsage().maxRSS;

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bench-read-'));
  try {
    const plan = fixturePlan(INDICATORS, 'bench-read-plan');
    const period = parsePeriod('2023')!;
    const units = plan.units.filter((u) => u.kind === 'district').map((u) => u.code);

    // 1. Templates by the generator, returns filled by XML.
    let t0 = performance.now();
    const templates = new Map<string, Uint8Array>();
    for (const u of units) templates.set(u, await writeTemplate(plan, period, u, { generator: 'plansheet bench' }));
    const tplMs = performance.now() - t0;
    const rand = rng(7);
    const files: string[] = [];
    t0 = performance.now();
    let filledValues = 0;
    for (let i = 0; i < COUNT; i++) {
      const values: FillValue[] = [];
      const remarks: FillValue[] = [];
      for (let k = 0; k < INDICATORS; k++) {
        const p = rand();
        values.push(p < 0.05 ? null : p < 0.08 ? `约${Math.round(rand() * 100)}` : p < 0.1 ? '1,234' : Math.round(rand() * 1e6) / 100);
        remarks.push(p > 0.9 ? '数据来源：统计年报' : null);
        if (values[k] !== null) filledValues++;
      }
      const file = path.join(dir, `return-${String(i + 1).padStart(4, '0')}.xlsx`);
      fs.writeFileSync(file, fastFill(templates.get(units[i % units.length])!, values, remarks, { level: 6 }));
      files.push(file);
    }
    const fillMs = performance.now() - t0;
    const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
    console.log(`made ${units.length} templates (generator) in ${tplMs.toFixed(0)} ms; filled ${COUNT} returns × ${INDICATORS} indicators by XML in ${(fillMs / 1000).toFixed(1)} s (${(bytes / COUNT / 1024).toFixed(0)} KB each, ${filledValues} values)`);

    // 2. Read them all, then consolidate.
    const rssBefore = peakRssKb();
    const returns: ParsedReturn[] = [];
    t0 = performance.now();
    for (const f of files) {
      const r = await readReturnFile(f);
      if (!r.ok) throw new Error(r.message);
      returns.push(r.ret);
    }
    const readMs = performance.now() - t0;
    const entries = returns.reduce((s, r) => s + r.entries.size, 0);
    if (entries !== COUNT * INDICATORS) throw new Error(`read ${entries} entries, expected ${COUNT * INDICATORS}`);
    console.log(`read ${COUNT} returns (readReturnFile, from disk) in ${(readMs / 1000).toFixed(2)} s: ${((COUNT * 1000) / readMs).toFixed(0)} returns/s, ${(readMs / COUNT).toFixed(2)} ms each`);

    // In memory only (what the add-in does with a picked file).
    const sample = files.slice(0, Math.min(200, files.length)).map((f) => new Uint8Array(fs.readFileSync(f)));
    const [, memMs] = time(() => sample.forEach((b, i) => readReturn(b, files[i])));
    console.log(`readReturn on bytes already in memory: ${(memMs / sample.length).toFixed(2)} ms per return`);

    let engine: typeof import('../src/core/engine') | null = null;
    try {
      engine = require('../src/core/engine');
    } catch {
      engine = null;
    }
    if (engine) {
      const [c, consMs] = time(() => engine!.consolidate(plan, '2023', returns, { conflict: 'latest' }));
      console.log(
        `consolidate ${COUNT} returns (${units.length} units, conflict: latest) in ${(consMs / 1000).toFixed(2)} s: ${c.indicators.length} indicators, ${c.findings.length} findings; read + consolidate ${((readMs + consMs) / 1000).toFixed(2)} s`,
      );
    } else console.log('consolidate: src/core/engine.ts not present, skipped');
    const peak = peakRssKb();
    console.log(`peak RSS ${mb(peak)} (before reading ${mb(rssBefore)}); goal < 1024 MB: ${peak < 1024 * 1024 ? 'met' : 'NOT met'}`);

    // 3. openpyxl on the same files.
    if (process.env.BENCH_OPENPYXL !== '0') {
      const list = path.join(dir, 'files.txt');
      fs.writeFileSync(list, files.join('\n'));
      const py = spawnSync(PYTHON, [path.join(__dirname, 'openpyxl_read.py'), '--list', list], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (py.status !== 0) throw new Error(`openpyxl_read.py failed: ${py.stderr}`);
      const res = JSON.parse(py.stdout) as { files: number; seconds: number; peak_rss_mb: number; values: number };
      if (res.values !== COUNT * INDICATORS * 2 + COUNT * 4) console.log(`(openpyxl saw ${res.values} names)`);
      const ratio = (res.seconds * 1000) / readMs;
      console.log(
        `openpyxl read the same ${res.files} files in ${res.seconds.toFixed(1)} s (${(res.files / res.seconds).toFixed(1)} returns/s, peak RSS ${res.peak_rss_mb.toFixed(0)} MB); readReturnFile is ${ratio.toFixed(1)}× faster; goal ≥ 3×: ${ratio >= 3 ? 'met' : 'NOT met'}`,
      );
    }

    // 4. Hostile files.
    const real = new Uint8Array(fs.readFileSync(files[0]));
    const padded = new Uint8Array(DEFAULT_LIMITS.maxFileBytes - 1024);
    padded.set(real);
    const hostile: [string, Uint8Array][] = [
      ['zip bomb, lying directory (8 KB declared, 100 MB real)', H.bombLying()],
      ['zip bomb, 45 MB at ~1000:1', H.bombRatio()],
      ['zip bomb, overlapping entries', H.bombOverlapping()],
      ['5,000 entries', H.tooManyEntries()],
      ['encrypted workbook (OLE2)', H.encryptedOoxml()],
      [`${Math.round(DEFAULT_LIMITS.maxFileBytes / 1024 / 1024)} MB file with no end record`, padded],
    ];
    for (const [what, b] of hostile) {
      const [r, ms] = time(() => readReturn(b, 'hostile.xlsx'));
      console.log(`rejected ${what}: ${r.ok ? 'ACCEPTED?!' : r.code} in ${ms.toFixed(1)} ms; goal < 1000 ms: ${!r.ok && ms < 1000 ? 'met' : 'NOT met'}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
