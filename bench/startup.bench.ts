/**
 * Start-up, measured as a user meets it: whole processes of the installed
 * command (`node bin/plansheet.js …`, the compiled build), each run timed
 * from spawn to exit.
 *  1. `plansheet --help`. Goal: under 0.3 s.
 *  2. `plansheet generate` (the Suzhou set, 27 workbooks, into an empty
 *     folder). Goal: the whole process under 0.6 s.
 * For reference: Node starting an empty script, and `--help` the old way
 * (the TypeScript sources through ts-node, as before the CLI was built at
 * install). The goals are judged on the median wall time; the load average
 * and each process's CPU time are printed beside it, because other processes
 * on the machine slow the wall times down.
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
  /** Median CPU seconds (user + system, all threads) of the process; null where unknown. */
  cpu: number | null;
}

/**
 * CPU seconds used by this process's finished children (Linux: cutime and
 * cstime of /proc/self/stat, in clock ticks of 1/100 s). Less sensitive than
 * wall time to other processes on the machine. Null elsewhere.
 */
function childrenCpu(): number | null {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: cutime is field 16, cstime 17.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Runs a command `runs` times; wall-clock seconds of each whole process. */
function measure(args: string[], runs: number, before?: () => void): Figures {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const c0 = childrenCpu();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const c1 = childrenCpu();
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(s);
    if (c0 !== null && c1 !== null) cpus.push(c1 - c0);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: median(times), max: times[times.length - 1], cpu: cpus.length ? median(cpus) : null };
}

function line(label: string, f: Figures, goal?: number): void {
  const fmt = (s: number) => `${s.toFixed(3)} s`;
  const verdict = goal === undefined ? '' : f.median < goal ? `  ok (goal < ${goal} s)` : `  OVER the goal of ${goal} s`;
  const cpu = f.cpu === null ? '' : `  cpu ${f.cpu.toFixed(2)} s`;
  console.log(`${label.padEnd(44)} median ${fmt(f.median)}  min ${fmt(f.min)}  max ${fmt(f.max)}${cpu}${verdict}`);
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
