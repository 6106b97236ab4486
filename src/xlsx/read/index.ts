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

import type { ParsedReturn } from '../../core/return/types';
import { readReturnImpl } from './reader';
import type { Inflater } from './zip';

export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Most entries a zip may list in its central directory. */
  maxEntries: number;
  /** Largest sum of declared (and of actually inflated) entry sizes. */
  maxTotalUncompressed: number;
  /** Largest single entry, declared or inflated. */
  maxEntryUncompressed: number;
  /** Highest uncompressed/compressed ratio for entries over 1 MB uncompressed. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxEntryUncompressed: 50 * 1024 * 1024,
  maxRatio: 200,
};

/**
 * Failure codes: not-zip, corrupt-zip, encrypted, xls, ole2 (an OLE2 file we
 * could not tell apart: legacy .xls or encrypted), macro, too-large,
 * too-many-entries, zip-bomb, not-xlsx, bad-xml, read-error, internal.
 */
export type ReadErrorCode =
  | 'not-zip'
  | 'corrupt-zip'
  | 'encrypted'
  | 'xls'
  | 'ole2'
  | 'macro'
  | 'too-large'
  | 'too-many-entries'
  | 'zip-bomb'
  | 'not-xlsx'
  | 'bad-xml'
  | 'read-error'
  | 'internal';

export type ReadResult =
  | { ok: true; ret: ParsedReturn }
  | { ok: false; file: string; code: ReadErrorCode; message: string };

export interface ReadOptions {
  lang?: 'zh' | 'en';
  limits?: ReadLimits;
  /** Used as ParsedReturn.modifiedAt when docProps/core.xml has no dcterms:modified. */
  modifiedAt?: string;
  /**
   * Raw-deflate inflater honouring a size cap (see zip.ts). Leave unset for
   * fflate; readReturnFile passes Node's zlib (nodeInflater in node.ts).
   */
  inflater?: Inflater;
}

export function readReturn(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): ReadResult {
  return readReturnImpl(bytes, fileName, opts);
}

export { findEntryBlock } from './entry-block';
export { InflateLimitError } from './zip';
export type { Inflater } from './zip';
export type { EntryBlock, GridValue } from './entry-block';
