/**
 * Speed and memory at scale (issue 11), whole CLI commands side by side with
 * openpyxl in the same run:
 *  1. consolidate 1,000 town returns × 90 indicators (`plansheet consolidate`,
 *     start-up and summary writing included) against openpyxl merely reading
 *     the same files' value cells. Goals: ≥ 5× faster, peak RSS < 500 MB.
 *     Then where the time and memory go: reader, engine, summary writer.
 *  2. With BENCH_SCALE_10K=1, the same with 10,000 returns: time should grow
 *     linearly, peak RSS < 1 GB.
 *  3. generate 1,000 town templates (`plansheet generate`, worker threads on
 *     every core, and once on the main thread only) against openpyxl writing
 *     the same workbooks. Goal: ≥ 5×. And the floor: deflating one workbook's
 *     XML, times 1,000, per core.
 *
 * Returns are filled by XML (test/fixtures/scale-returns.ts) from the generator's
 * templates: 5 % blank, 3 % text such as "约40", the rest numbers.
 * BENCH_SCALE_COUNT changes 1,000; BENCH_OPENPYXL=0 skips openpyxl.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { unzipSync } from 'fflate';
import { loadPlanArg } from '../src/node/plan-source';
import { writeTemplate } from '../src/xlsx/write/template';
import { NODE_ZIP_CODEC } from '../src/node/codec';
import { openpyxlSpec } from './generate.bench';
import { SCALE_INDICATORS, writeScalePlan } from '../test/fixtures/scale-plan';
import { makeReturns } from '../test/fixtures/scale-returns';

const COUNT = Number(process.env.BENCH_SCALE_COUNT ?? 1000);
const PYTHON = '/usr/bin/python3';
const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plansheet.js');
const period = { kind: 'year' as const, year: 2023 };

interface Timed {
  seconds: number;
  peakMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command under /usr/bin/time: wall time and the peak RSS of the process. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Timed {
  const marker = '@@TIME@@';
  const r = spawnSync('/usr/bin/time', ['-f', `${marker} %e %M`, cmd, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith(marker)) ?? '';
  const [, secs, kb] = line.split(' ');
  return { seconds: Number(secs), peakMb: Number(kb) / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr.replace(line, '') };
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

async function consolidateCase(tmp: string, count: number, memGoalMb: number): Promise<{ seconds: number } | null> {
  const planFile = path.join(tmp, `plan-${count}.json`);
  writeScalePlan(planFile, count);
  const plan = loadPlanArg(planFile);
  const dir = path.join(tmp, `returns-${count}`);
  let t0 = performance.now();
  const files = await makeReturns(plan, dir, count);
  const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
  console.log(`\n${count} town returns × ${SCALE_INDICATORS} indicators made in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(bytes / count / 1024).toFixed(0)} KB each)`);

  const out = path.join(tmp, `summary-${count}.xlsx`);
  const cli = timed(process.execPath, [BIN, 'consolidate', dir, '--plan', planFile, '--out', out, '--conflict', 'latest']);
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`consolidate failed (${cli.status}): ${cli.stderr.slice(0, 1000)}`);
  const outMb = fs.statSync(out).size / 1024 / 1024;
  console.log(
    `  plansheet consolidate (whole command): ${cli.seconds.toFixed(1)} s, ${(count / cli.seconds).toFixed(0)} returns/s, peak RSS ${cli.peakMb.toFixed(0)} MB ${mark(cli.peakMb < memGoalMb)} goal < ${memGoalMb} MB; summary ${outMb.toFixed(1)} MB`,
  );

  // Where the time and memory go, phase by phase, in a child of its own.
  const ph = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'scale-phases.ts'), planFile, dir], {
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' },
    maxBuffer: 1 << 24,
  });
  if (ph.status === 0) console.log(ph.stdout.trimEnd().split('\n').map((l) => `    ${l}`).join('\n'));
  else console.log(`    phases: failed: ${ph.stderr.slice(0, 500)}`);

  if (process.env.BENCH_OPENPYXL === '0') return { seconds: cli.seconds };
  const list = path.join(tmp, `files-${count}.txt`);
  fs.writeFileSync(list, files.join('\n'));
  const py = timed(PYTHON, [path.join(__dirname, 'openpyxl_read.py'), '--list', list]);
  if (py.status !== 0) throw new Error(`openpyxl_read.py failed: ${py.stderr.slice(0, 500)}`);
  const ratio = py.seconds / cli.seconds;
  console.log(`  openpyxl reading the value cells of the same files: ${py.seconds.toFixed(1)} s (whole process), peak RSS ${py.peakMb.toFixed(0)} MB`);
  console.log(`  ratio: plansheet consolidate is ${ratio.toFixed(2)}× openpyxl ${mark(ratio >= 5)} goal ≥ 5×`);
  fs.rmSync(dir, { recursive: true, force: true });
  return { seconds: cli.seconds };
}

async function generateCase(tmp: string): Promise<void> {
  const planFile = path.join(tmp, `plan-gen-${COUNT}.json`);
  writeScalePlan(planFile, COUNT);
  const plan = loadPlanArg(planFile);
  const towns = plan.units.filter((u) => u.kind === 'town');
  console.log(`\ngenerate ${towns.length} town templates (${SCALE_INDICATORS} indicators each), whole command, ${os.availableParallelism()} cores:`);
  const runs: [string, Record<string, string>][] = [
    ['worker threads (default)', {}],
    ['main thread only (PLANSHEET_WORKERS=0)', { PLANSHEET_WORKERS: '0' }],
  ];
  let best = Infinity;
  for (const [label, env] of runs) {
    const out = path.join(tmp, 'gen');
    fs.rmSync(out, { recursive: true, force: true });
    const r = timed(process.execPath, [BIN, 'generate', '--plan', planFile, '--out', out], env);
    if (r.status !== 0) throw new Error(`generate failed: ${r.stderr.slice(0, 500)}`);
    best = Math.min(best, r.seconds);
    console.log(`  plansheet generate, ${label}: ${r.seconds.toFixed(1)} s, ${(towns.length / r.seconds).toFixed(0)} workbooks/s, peak RSS ${r.peakMb.toFixed(0)} MB`);
  }

  // The floor: deflating one workbook's parts, as the writer does (level 1).
  const parts = Object.values(unzipSync(await writeTemplate(plan, period, towns[0].code, { zipCodec: NODE_ZIP_CODEC })));
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) for (const p of parts) zlib.deflateRawSync(p, { level: 1 });
  const deflateMs = (performance.now() - t0) / 200;
  const xmlKb = parts.reduce((s, p) => s + p.length, 0) / 1024;
  console.log(
    `  floor: deflating one workbook's XML (${xmlKb.toFixed(0)} KB) takes ${deflateMs.toFixed(2)} ms → ${((deflateMs * towns.length) / 1000).toFixed(2)} s for ${towns.length} on one core`,
  );

  if (process.env.BENCH_OPENPYXL === '0') return;
  const specFile = path.join(tmp, 'gen-spec.json');
  const pyOut = path.join(tmp, 'gen-openpyxl');
  fs.writeFileSync(specFile, JSON.stringify({ outDir: pyOut, count: towns.length, workbooks: towns.map((u) => openpyxlSpec(plan, period, u)) }));
  const py = timed(PYTHON, [path.join(__dirname, 'openpyxl_write.py'), specFile]);
  if (py.status !== 0) throw new Error(`openpyxl_write.py failed: ${py.stderr.slice(0, 500)}`);
  const ratio = py.seconds / best;
  console.log(`  openpyxl writing the same ${towns.length} workbooks: ${py.seconds.toFixed(1)} s (whole process), peak RSS ${py.peakMb.toFixed(0)} MB`);
  console.log(`  ratio: plansheet generate is ${ratio.toFixed(2)}× openpyxl ${mark(ratio >= 5)} goal ≥ 5×`);
  fs.rmSync(pyOut, { recursive: true, force: true });
}

export async function run(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bench-scale-'));
  try {
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores (figures are wall time)`);
    const small = await consolidateCase(tmp, COUNT, 500);
    if (process.env.BENCH_SCALE_10K === '1') {
      const big = await consolidateCase(tmp, COUNT * 10, 1024);
      if (small && big) {
        const growth = big.seconds / small.seconds;
        console.log(`  ${COUNT * 10} vs ${COUNT} returns: ${growth.toFixed(1)}× the time for 10× the returns ${mark(growth <= 12)} goal: linear (≈ 10×)`);
      }
    } else console.log(`  (${COUNT * 10} returns: set BENCH_SCALE_10K=1)`);
    await generateCase(tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module)
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
