/**
 * Node-only wrapper: reads a return from disk (read-only, never modified)
 * and hands the bytes to the browser-safe reader. Kept apart from index.ts so
 * the add-in bundle never pulls in fs.
 */

import { open, stat } from 'fs/promises';
import { inflateRawSync } from 'zlib';
import { readReturn } from './index';
import { DEFAULT_LIMITS, type ReadOptions, type ReadResult } from './types';
import { InflateLimitError, type Inflater } from './inflater';
import { readErrorMessage } from './messages';
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

export async function readReturnFile(path: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const lang = opts.lang ?? 'zh';
  const limits = opts.limits ?? DEFAULT_LIMITS;
  let modifiedAt = opts.modifiedAt;
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (!st.isFile()) {
      return { ok: false, file: path, code: 'read-error', message: readErrorMessage('read-error', path, lang, { reason: lang === 'en' ? 'not a regular file' : '不是普通文件' }) };
    }
    // Refuse oversized files before reading a byte of them.
    if (st.size > limits.maxFileBytes) {
      return { ok: false, file: path, code: 'too-large', message: readErrorMessage('too-large', path, lang, { size: st.size, limit: limits.maxFileBytes }) };
    }
    modifiedAt ??= st.mtime.toISOString();
    const fh = await open(path, 'r');
    try {
      const buf = new Uint8Array(st.size);
      let off = 0;
      while (off < buf.length) {
        const { bytesRead } = await fh.read(buf, off, buf.length - off, off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      bytes = off === buf.length ? buf : buf.subarray(0, off);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const reason = fsReason(e, lang);
    return { ok: false, file: path, code: 'read-error', message: readErrorMessage('read-error', path, lang, { reason }) };
  }
  return readReturn(bytes, path, { inflater: nodeInflater, ...opts, modifiedAt });
}
