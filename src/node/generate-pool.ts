/**
 * Building many workbooks on every core: a small pool of worker threads
 * (generate-worker.ts), each running the same template writer as the
 * sequential path, so the bytes are identical. Results come back in unit
 * order whatever order the workers finish in; at most WINDOW workbooks wait
 * in memory ahead of the disk writer.
 */

import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Period } from '../core/period';
import type { Plan } from '../core/plan/types';
import type { TemplateOptions } from '../xlsx/write/options';
import type { WorkerJob, WorkerReply, WorkerSetup } from './generate-worker';

/**
 * Below this many workbooks per worker, starting a thread (loading ExcelJS
 * again, ~0.2 s compiled, more from TypeScript sources) costs more than it saves.
 */
const MIN_PER_WORKER = 40;
/** Workbooks built ahead of the writer (~25 KB each). */
const WINDOW = 64;

/**
 * How many worker threads to use for `count` workbooks: 0 means build on the
 * main thread. PLANSHEET_WORKERS overrides (0 = never, n = exactly n).
 */
export function workerCount(count: number): number {
  const forced = process.env.PLANSHEET_WORKERS;
  if (forced !== undefined && forced !== '' && Number.isInteger(Number(forced))) return Math.max(0, Math.min(Number(forced), count));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const n = Math.min(cores, Math.floor(count / MIN_PER_WORKER));
  return n >= 2 ? n : 0;
}

/**
 * Starts the worker script. The compiled build (what users run) starts the
 * compiled worker; only when running from the TypeScript sources (tests,
 * development) is the worker started with ts-node's register hook, a dev
 * dependency the build never needs.
 */
function startWorker(setup: WorkerSetup): Worker {
  if (__filename.endsWith('.ts')) {
    const root = path.resolve(__dirname, '..', '..');
    return new Worker(path.join(__dirname, 'generate-worker.ts'), {
      workerData: setup,
      execArgv: [...process.execArgv, '--require', 'ts-node/register/transpile-only'],
      env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
    });
  }
  return new Worker(path.join(__dirname, 'generate-worker.js'), { workerData: setup });
}

/**
 * Builds the workbooks of `unitCodes` on `threads` workers and yields them in
 * order. Stopping the iteration early (a failed write) stops the workers.
 */
export async function* buildInWorkers(
  plan: Plan,
  period: Period,
  unitCodes: string[],
  options: TemplateOptions,
  threads: number,
): AsyncGenerator<Uint8Array> {
  const { zipCodec: _codec, ...rest } = options;
  const setup: WorkerSetup = { plan, period, options: rest };
  const workers = Array.from({ length: threads }, () => startWorker(setup));
  const done = new Map<number, Uint8Array>();
  let failure: Error | null = null;
  let next = 0; // next job to hand out
  let consumed = 0; // next result the caller takes
  let wake: (() => void) | null = null;
  const idle: Worker[] = [];

  const dispatch = () => {
    while (idle.length && next < unitCodes.length && next < consumed + WINDOW) {
      const job: WorkerJob = { index: next, unitCode: unitCodes[next] };
      next++;
      idle.pop()!.postMessage(job);
    }
  };
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  for (const w of workers) {
    w.on('message', (r: WorkerReply) => {
      if ('error' in r) failure ??= new Error(`workbook ${unitCodes[r.index]}: ${r.error}`);
      else done.set(r.index, r.data);
      idle.push(w);
      dispatch();
      signal();
    });
    w.on('error', (e) => {
      failure ??= e;
      signal();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`generator worker stopped (exit code ${code})`);
      signal();
    });
    idle.push(w);
  }
  dispatch();

  try {
    while (consumed < unitCodes.length) {
      const data = done.get(consumed);
      if (data) {
        done.delete(consumed);
        consumed++;
        dispatch();
        yield data;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
