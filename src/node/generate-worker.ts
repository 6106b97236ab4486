/**
 * Worker-thread side of the parallel generator (generate-pool.ts): builds
 * one workbook per request and hands the bytes back (transferred, not copied).
 * Writing to disk stays on the main thread, so file order, progress and
 * failure reports are the same as the sequential run.
 */

import { parentPort, workerData } from 'worker_threads';
import type { Period } from '../core/period';
import type { Plan } from '../core/plan/types';
import type { TemplateOptions } from '../xlsx/write/options';
import { writeTemplate } from '../xlsx/write/template';
import { NODE_ZIP_CODEC } from './codec';

/** What every job of one run shares (sent once, at start-up). */
export interface WorkerSetup {
  plan: Plan;
  period: Period;
  /** Template options without the codec: functions do not cross threads. */
  options: Omit<TemplateOptions, 'zipCodec'>;
}

export interface WorkerJob {
  index: number;
  unitCode: string;
}

export type WorkerReply = { index: number; data: Uint8Array } | { index: number; error: string };

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const options: TemplateOptions = { ...setup.options, zipCodec: NODE_ZIP_CODEC };
  port.on('message', (job: WorkerJob) => {
    writeTemplate(setup.plan, setup.period, job.unitCode, options).then(
      (data) => port.postMessage({ index: job.index, data } satisfies WorkerReply, [data.buffer as ArrayBuffer]),
      (e: unknown) => port.postMessage({ index: job.index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply),
    );
  });
}
