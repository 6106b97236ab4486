/**
 * Reading one return file into an outcome that never throws: the step the
 * CLI repeats for every input, on the main thread or in a read worker
 * (read-pool.ts), so both give the same result and the same messages.
 */

import type { ParsedReturn, ReturnEntry } from '../core/return/types';
import { readReturnFile } from '../xlsx/read/node';
import { compactReturn } from '../xlsx/read/compact';

export type ReadOutcome =
  | { file: string; ok: true; ret: ParsedReturn }
  | { file: string; ok: false; rule: string; message: string };

/** The reader's words for a file that made it fail unexpectedly (a bug, or a worker that died on it). */
export function internalReadError(file: string, lang: 'zh' | 'en', why: string): ReadOutcome {
  const message =
    lang === 'en'
      ? `File ${file}: internal error while reading (${why}); please send this file to the administrator.`
      : `文件 ${file}：读取时发生内部错误（${why}），请将此文件反馈给管理员。`;
  return { file, ok: false, rule: 'file.internal', message };
}

/**
 * An outcome as JSON text, to cross from a worker: the entries Map as its
 * [code, entry] pairs. Everything in a ParsedReturn is JSON's own (strings,
 * finite numbers, booleans, null; the reader keeps infinities as text).
 */
export function outcomeToJson(o: ReadOutcome): string {
  return JSON.stringify(o.ok ? { ...o, ret: { ...o.ret, entries: [...o.ret.entries] } } : o);
}

/** The outcome back from outcomeToJson, its strings shared as compactReturn does. */
export function outcomeFromJson(json: string): ReadOutcome {
  const o = JSON.parse(json) as ReadOutcome;
  if (o.ok) o.ret = compactReturn({ ...o.ret, entries: new Map(o.ret.entries as unknown as [string, ReturnEntry][]) });
  return o;
}

/** The outcome with its return compacted (compact.ts), to be kept for the whole consolidation. */
export function keptOutcome(o: ReadOutcome): ReadOutcome {
  return o.ok ? { ...o, ret: compactReturn(o.ret) } : o;
}

/** Reads one file with the Node reader; a bad file becomes an outcome with its message. */
export async function readOne(file: string, lang: 'zh' | 'en'): Promise<ReadOutcome> {
  try {
    const r = await readReturnFile(file, { lang });
    return r.ok ? { file, ok: true, ret: r.ret } : { file, ok: false, rule: `file.${r.code}`, message: r.message };
  } catch (e) {
    return internalReadError(file, lang, (e as Error).message);
  }
}
