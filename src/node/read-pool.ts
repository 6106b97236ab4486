/**
 * Reading many returns on every core: a few worker threads (read-worker.ts)
 * each run the same readOne as the sequential path, so every outcome, and
 * every message for a bad file, is the same. Outcomes come back in input
 * order whatever order the workers finish in. A worker that dies (a crash
 * inside a hostile file) stops nothing: the files it held are read again on
 * the main thread, where the same reader gives them their message.
 */

import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { keptOutcome, outcomeFromJson, readOne, type ReadOutcome } from './read-one';
import type { ReadJob, ReadReply } from './read-worker';

/**
 * Below this many files per worker, starting a thread (~50 ms compiled, more
 * from TypeScript sources) costs more than it saves (a return reads in ~2 ms).
 */
const MIN_PER_WORKER = 100;
/** Files handed to a worker ahead, so it never waits for the main thread between two. */
const IN_FLIGHT = 16;

/**
 * How many worker threads to read `count` files with: 0 means on the main
 * thread. PLANSHEET_WORKERS overrides (0 = never, n = exactly n).
 */
export function readWorkerCount(count: number): number {
  const forced = process.env.PLANSHEET_WORKERS;
  if (forced !== undefined && forced !== '' && Number.isInteger(Number(forced))) return Math.max(0, Math.min(Number(forced), count));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const n = Math.min(cores, Math.floor(count / MIN_PER_WORKER));
  return n >= 2 ? n : 0;
}

/** The compiled worker, or (running from the TypeScript sources: tests) the source with ts-node's hook. */
function startWorker(): Worker {
  if (__filename.endsWith('.ts')) {
    const root = path.resolve(__dirname, '..', '..');
    return new Worker(path.join(__dirname, 'read-worker.ts'), {
      execArgv: [...process.execArgv, '--require', 'ts-node/register/transpile-only'],
      env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
    });
  }
  return new Worker(path.join(__dirname, 'read-worker.js'));
}

/** Reads `files` on `threads` workers; outcomes in input order, `onFile` as each one is done. */
export async function readInWorkers(files: string[], lang: 'zh' | 'en', threads: number, onFile?: (file: string) => void): Promise<ReadOutcome[]> {
  const out: (ReadOutcome | undefined)[] = new Array(files.length);
  let next = 0;
  let left = files.length;
  /** Files a dead worker held, read again here. */
  const orphans: number[] = [];
  let settle: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (settle = resolve));

  const finish = (index: number, outcome: ReadOutcome) => {
    if (out[index]) return;
    out[index] = outcome;
    left--;
    onFile?.(files[index]);
    if (left === 0) settle();
  };

  let alive = 0;
  const workers: Worker[] = [];
  const startOne = () => {
    const w = startWorker();
    const held = new Set<number>();
    const feed = () => {
      while (held.size < IN_FLIGHT && next < files.length) {
        const index = next++;
        const job: ReadJob = { index, file: files[index], lang };
        held.add(index);
        w.postMessage(job);
      }
    };
    let dead = false;
    const die = () => {
      if (dead) return;
      dead = true;
      alive--;
      orphans.push(...held);
      held.clear();
      // The last worker gone: the main thread reads what is left.
      if (alive === 0) while (next < files.length) orphans.push(next++);
      void rescue();
    };
    w.on('message', (r: ReadReply) => {
      held.delete(r.index);
      // The worker gets its next file before this one is unpacked here.
      feed();
      finish(r.index, outcomeFromJson(r.json));
    });
    w.on('error', die);
    w.on('exit', die);
    workers.push(w);
    alive++;
    feed();
  };

  let rescuing = false;
  const rescue = async () => {
    if (rescuing) return;
    rescuing = true;
    while (orphans.length) {
      const i = orphans.shift()!;
      if (!out[i]) finish(i, keptOutcome(await readOne(files[i], lang)));
    }
    rescuing = false;
  };

  if (files.length === 0) return [];
  for (let i = 0; i < threads; i++) startOne();
  try {
    await finished;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out as ReadOutcome[];
}
