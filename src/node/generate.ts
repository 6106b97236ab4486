/**
 * Writing a set of reporting workbooks to a directory: one per unit, each
 * written atomically. Input checks (plan, period, units) happen before this is
 * called, so a bad request writes nothing.
 */

import * as fs from 'fs';
import * as path from 'path';
import type { Period } from '../core/period';
import { periodKey } from '../core/period';
import type { Plan, ReportingUnit } from '../core/plan/types';
import type { TemplateOptions } from '../xlsx/write/options';
import { writeTemplate } from '../xlsx/write/template';
import { templateFileName } from '../xlsx/write/units';
import { writeFileAtomic } from './atomic';
import { buildInWorkers, workerCount } from './generate-pool';
import { NODE_ZIP_CODEC } from './codec';
import { FsFailure } from './fs-errors';

export interface GeneratedFile {
  unit: ReportingUnit;
  file: string;
  bytes: number;
}

export async function generateSet(
  plan: Plan,
  period: Period,
  units: ReportingUnit[],
  outDir: string,
  options: TemplateOptions = {},
  onFile?: (f: GeneratedFile) => void,
): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  const key = periodKey(period);
  // One timestamp for the whole set: the files belong to one run.
  const opts = { generatedAt: new Date(), zipCodec: NODE_ZIP_CODEC, ...options };
  // Fail early (and once) when the directory cannot be made.
  try {
    await fs.promises.mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new GenerateFailure(new FsFailure(outDir, await realMkdirError(outDir, e)), []);
  }
  // Build workbook N+1 while workbook N is being written to disk.
  let pendingWrite: Promise<void> = Promise.resolve();
  try {
    let i = 0;
    for await (const data of buildAll(plan, period, units, opts)) {
      const unit = units[i++];
      await pendingWrite;
      const file = path.join(outDir, templateFileName(key, unit));
      pendingWrite = writeOne(file, data).then(() => {
        const f = { unit, file, bytes: data.byteLength };
        out.push(f);
        onFile?.(f);
      });
      // Handled by the await above or below; keeps a failure from being an
      // unhandled rejection while the next workbook is being built.
      pendingWrite.catch(() => undefined);
    }
    await pendingWrite;
  } catch (e) {
    if (e instanceof FsFailure) throw new GenerateFailure(e, out);
    throw e;
  }
  return out;
}

/**
 * The workbooks of `units`, in order: on worker threads when the set is large
 * enough to pay for them (generate-pool.ts), otherwise here. Same bytes either way.
 */
async function* buildAll(plan: Plan, period: Period, units: ReportingUnit[], opts: TemplateOptions): AsyncGenerator<Uint8Array> {
  const threads = workerCount(units.length);
  if (threads) {
    yield* buildInWorkers(plan, period, units.map((u) => u.code), opts, threads);
    return;
  }
  for (const unit of units) yield await writeTemplate(plan, period, unit.code, opts);
}

/**
 * A recursive mkdir reports ENOENT for a parent that exists but cannot take
 * a new directory (a read-only disk): one plain mkdir tells the real reason.
 */
async function realMkdirError(dir: string, e: unknown): Promise<unknown> {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || !fs.existsSync(path.dirname(dir))) return e;
  try {
    await fs.promises.mkdir(dir);
    return e;
  } catch (again) {
    return again;
  }
}

/** One workbook, atomically; a failure names the workbook's path, not the temp file's. */
async function writeOne(file: string, data: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, data);
  } catch (e) {
    throw new FsFailure(file, e);
  }
}

/** A run stopped by the file system: which file failed, and what had been written before it. */
export class GenerateFailure extends Error {
  constructor(
    readonly failure: FsFailure,
    readonly written: GeneratedFile[],
  ) {
    super(failure.message);
    this.name = 'GenerateFailure';
  }
}
