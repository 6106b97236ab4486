/**
 * Reads a filled return (.xlsx bytes) into the neutral ParsedReturn.
 *
 * Runs unchanged in Node and in the browser (the Excel add-in reads files the
 * user picks): input is a Uint8Array, unzip is fflate, XML is scanned by our
 * own small tokenizer. Hostile files are rejected by the zip guard before any
 * XML is parsed; only the parts needed are inflated, under size limits.
 *
 * readReturn is synchronous and never throws: every failure is a ReadResult
 * with ok:false, a stable code and a message naming the file.
 */

import { readReturnImpl } from './reader';
import type { ReadOptions, ReadResult } from './types';

export { DEFAULT_LIMITS } from './types';
export type { ReadLimits, ReadErrorCode, ReadResult, ReadOptions } from './types';

export function readReturn(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): ReadResult {
  return readReturnImpl(bytes, fileName, opts);
}

export { findEntryBlock } from './entry-block';
export { InflateLimitError } from './inflater';
export type { Inflater } from './inflater';
export type { EntryBlock, GridValue } from './entry-block';
