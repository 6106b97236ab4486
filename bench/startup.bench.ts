/**
 * Start-up, measured as a user meets it: whole processes of the installed
 * command (`node bin/plansheet.js …`, the compiled build), each run timed
 * from spawn to exit.
 *  1. `plansheet --help`. Goal: under 0.3 s.
 *  2. `plansheet generate` (the Suzhou set, 27 workbooks, into an empty
 *     folder). Goal: the whole process under 0.6 s.
 * For reference: Node starting an empty script, and `--help` the old way
 * (the TypeScript sources through ts-node, as before the CLI was built at
 * install). The goals are judged on the median; the load average is printed
 * because other processes on the machine slow every figure down.
 * BENCH_STARTUP_RUNS (default 10) sets the number of runs.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plansheet.js');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);

interface Figures {
  min: number;
  median: number;
  max: number;
}

/** Runs a command `runs` times; wall-clock seconds of each whole process. */
function measure(args: string[], runs: number, before?: () => void): Figures {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(s);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor((times.length - 1) / 2)], max: times[times.length - 1] };
}

function line(label: string, f: Figures, goal?: number): void {
  const fmt = (s: number) => `${s.toFixed(3)} s`;
  const verdict = goal === undefined ? '' : f.median < goal ? `  ok (goal < ${goal} s)` : `  OVER the goal of ${goal} s`;
  console.log(`${label.padEnd(44)} median ${fmt(f.median)}  min ${fmt(f.min)}  max ${fmt(f.max)}${verdict}`);
}

export async function run(): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-startup-'));
  try {
    // Builds build/ if a source changed, so no run below pays for it.
    measure([BIN, '--version'], 1);
    console.log(`Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${RUNS} runs each`);
    line('node -e 0 (Node itself)', measure(['-e', '0'], RUNS));
    line('plansheet --help', measure([BIN, '--help'], RUNS), 0.3);
    const target = path.join(out, 'set');
    const gen = measure([BIN, 'generate', '--out', target], RUNS, () => fs.rmSync(target, { recursive: true, force: true }));
    const written = fs.readdirSync(target).filter((f) => f.endsWith('.xlsx')).length;
    line(`plansheet generate (Suzhou, ${written} workbooks)`, gen, 0.6);
    if (fs.existsSync(path.join(ROOT, 'node_modules', 'ts-node'))) {
      const oldWay = ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src', 'cli', 'main.ts'), '--help'];
      line('reference: --help through ts-node (before)', measure(oldWay, Math.min(RUNS, 3)));
    }
    console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
