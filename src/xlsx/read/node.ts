/**
 * Node-only wrapper: reads a return from disk (read-only, never modified)
 * and hands the bytes to the browser-safe reader. Kept apart from index.ts so
 * the add-in bundle never pulls in fs.
 */

import { closeSync, openSync, readSync, statSync } from 'fs';
import * as zlib from 'zlib';
import { inflateRawSync } from 'zlib';
import { readReturn } from './index';
import { DEFAULT_LIMITS, type ReadOptions, type ReadResult } from './types';
import { InflateLimitError, type Inflater } from './inflater';
import { readErrorMessage } from './messages';
import { utf8FromLatin1 } from './utf8';
import { fsReason } from '../../node/fs-errors';

/** Node's zlib as the reader's inflater: native speed, and it stops at maxOutput itself. */
export const nodeInflater: Inflater = (src, maxOutput) => {
  try {
    // maxOutputLength must be ≥ 1; an entry declared empty gets a 1-byte allowance, then the length check refuses extra output.
    const out = inflateRawSync(src, { maxOutputLength: Math.max(1, maxOutput) });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError('over the size limit');
    throw e;
  }
};

/** zlib's CRC-32 (Node 20.15 and later), several times faster than the JavaScript one. */
export const nodeCrc32: ((data: Uint8Array) => number) | undefined =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (data) => (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32(data) : undefined;

/** Any UTF-8, invalid bytes replaced as TextDecoder does. */
const viaBuffer = (piece: string) => Buffer.from(piece, 'latin1').toString('utf8');

/** UTF-8 parts scanned as bytes (xml.ts, Latin1Xml): Buffer's latin1 and utf8 conversions are native. */
export const nodeLatin1: NonNullable<ReadOptions['latin1']> = {
  fromBytes: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'),
  utf8: (piece) => utf8FromLatin1(piece, viaBuffer),
};

export async function readReturnFile(path: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const lang = opts.lang ?? 'zh';
  const limits = opts.limits ?? DEFAULT_LIMITS;
  let modifiedAt = opts.modifiedAt;
  let bytes: Uint8Array;
  try {
    // Synchronous calls: a return is a small file, and four promise round
    // trips per file cost more than reading it (thousands of files, often on worker threads).
    const st = statSync(path);
    if (!st.isFile()) {
      return { ok: false, file: path, code: 'read-error', message: readErrorMessage('read-error', path, lang, { reason: lang === 'en' ? 'not a regular file' : '不是普通文件' }) };
    }
    // Refuse oversized files before reading a byte of them.
    if (st.size > limits.maxFileBytes) {
      return { ok: false, file: path, code: 'too-large', message: readErrorMessage('too-large', path, lang, { size: st.size, limit: limits.maxFileBytes }) };
    }
    modifiedAt ??= st.mtime.toISOString();
    const fd = openSync(path, 'r');
    try {
      const buf = new Uint8Array(st.size);
      let off = 0;
      while (off < buf.length) {
        const bytesRead = readSync(fd, buf, off, buf.length - off, off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      bytes = off === buf.length ? buf : buf.subarray(0, off);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const reason = fsReason(e, lang);
    return { ok: false, file: path, code: 'read-error', message: readErrorMessage('read-error', path, lang, { reason }) };
  }
  return readReturn(bytes, path, { inflater: nodeInflater, latin1: nodeLatin1, ...(nodeCrc32 ? { crc32: nodeCrc32 } : {}), ...opts, modifiedAt });
}
