/**
 * The zip guard: reads a zip's central directory and inflates single entries,
 * enforcing ReadLimits before and while inflating. Nothing here trusts the
 * sizes a file declares: the central directory is checked first (cheap
 * rejection of obvious bombs), then every inflate is capped at the declared
 * size and the limits, chunk by chunk, so a lying entry is stopped early.
 */

import { Inflate, inflateSync } from 'fflate';
import type { ReadLimits, ReadErrorCode } from './types';
import { InflateLimitError, type Inflater } from './inflater';

export { InflateLimitError, type Inflater };
import { crc32 } from './crc32';

/** A refusal raised by the guard; the reader turns it into ReadResult. */
export class ReadReject extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}${params.detail ? `: ${params.detail}` : ''}`);
  }
}

export interface ZipEntry {
  /** Name as stored, with "/" separators and no leading "/". */
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  /** Entries by lower-cased name (OPC part names are case-insensitive). */
  entries: Map<string, ZipEntry>;
  /** Where the central directory starts: no entry data may reach past it. */
  dataEnd: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

/** Entries smaller than this are exempt from the ratio check (tiny XML compresses well). */
const RATIO_FLOOR = 1024 * 1024;
/** Upper bound of deflate's expansion (a 258-byte match coded in 2 bits), plus slack. */
const MAX_DEFLATE_RATIO = 1040;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
/** Little-endian u64 as a JS number; values past 2^53 become Infinity (always over any limit). */
function u64(b: Uint8Array, o: number): number {
  const lo = u32(b, o);
  const hi = u32(b, o + 4);
  return hi >= 0x200000 ? Infinity : hi * 0x100000000 + lo;
}

function corrupt(detail: string): ReadReject {
  return new ReadReject('corrupt-zip', { detail });
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Parses and checks the central directory. Throws ReadReject. */
export function openZip(b: Uint8Array, limits: ReadLimits): ZipArchive {
  if (b.length < 22) throw corrupt('truncated');
  const eocd = findEocd(b);
  if (eocd < 0) throw corrupt('no end of central directory (truncated?)');
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) throw corrupt('multi-disk archive');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  let cdLimit = eocd;
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_ZIP64_LOCATOR) throw corrupt('zip64 locator missing');
    const rec = u64(b, loc + 8);
    if (!(rec + 56 <= loc) || u32(b, rec) !== SIG_ZIP64_EOCD) throw corrupt('zip64 record missing');
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
    cdLimit = rec;
  }
  if (count > limits.maxEntries) {
    throw new ReadReject('too-many-entries', { count, limit: limits.maxEntries });
  }
  if (!(cdOffset + cdSize <= cdLimit)) throw corrupt('central directory out of bounds');

  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  const end = cdOffset + cdSize;
  let total = 0;
  let seen = 0;
  while (p < end) {
    if (p + 46 > end || u32(b, p) !== SIG_CENTRAL) throw corrupt('bad central directory record');
    if (++seen > limits.maxEntries) throw new ReadReject('too-many-entries', { count: `>${limits.maxEntries}`, limit: limits.maxEntries });
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > end) throw corrupt('bad central directory record');
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    let name = (flags & 0x800 ? utf8 : latin1).decode(rawName).replace(/\\/g, '/').replace(/^\/+/, '');
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extended information: only the fields set to 0xFFFFFFFF are present, in this order.
      let e = p + 46 + nameLen;
      const eEnd = e + extraLen;
      let found = false;
      while (e + 4 <= eEnd) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const qEnd = q + len;
          if (size === 0xffffffff && q + 8 <= qEnd) (size = u64(b, q)), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= qEnd) (compressedSize = u64(b, q)), (q += 8);
          if (localOffset === 0xffffffff && q + 8 <= qEnd) (localOffset = u64(b, q)), (q += 8);
          found = true;
          break;
        }
        e += 4 + len;
      }
      if (!found) throw corrupt(`zip64 sizes missing for ${name}`);
    }
    p = next;
    if (name.endsWith('/') && size === 0) continue; // a directory
    if (flags & 0x1) throw new ReadReject('encrypted', { detail: name });
    // Sizes no workbook has: refused from the directory, before any inflating.
    // Merely big parts are judged when (and only if) the reader needs them.
    if (size > limits.maxDeclaredEntry) {
      throw new ReadReject('zip-bomb', { detail: `${name}: ${size} bytes declared` });
    }
    total += size;
    if (total > limits.maxDeclaredTotal) {
      throw new ReadReject('zip-bomb', { detail: `total ${total} bytes declared` });
    }
    if (size > RATIO_FLOOR && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      throw new ReadReject('zip-bomb', { detail: `${name}: ratio ${Math.round(size / Math.max(compressedSize, 1))}:1` });
    }
    if (!(localOffset + 30 + compressedSize <= cdOffset)) throw corrupt(`entry ${name} out of bounds`);
    const key = name.toLowerCase();
    if (entries.has(key)) throw corrupt(`duplicate entry ${name}`);
    entries.set(key, { name, flags, method, crc, compressedSize, size, localOffset });
  }
  if (seen !== count) throw corrupt('entry count mismatch');
  // Entries sharing their data (the overlapping-files bomb): no real zip does that.
  const spans = [...entries.values()].sort((x, y) => x.localOffset - y.localOffset);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1];
    if (spans[i].localOffset < prev.localOffset + 30 + prev.compressedSize)
      throw new ReadReject('zip-bomb', { detail: `${spans[i].name}: overlaps ${prev.name}` });
  }
  return { entries, dataEnd: cdOffset };
}


/**
 * Inflates single entries under a shared budget. `inflated` counts every byte
 * produced so far, so reading many parts cannot exceed maxTotalUncompressed.
 */
export class PartReader {
  inflated = 0;
  constructor(
    private readonly bytes: Uint8Array,
    readonly zip: ZipArchive,
    private readonly limits: ReadLimits,
    private readonly inflater?: Inflater,
    private readonly checksum: (data: Uint8Array) => number = crc32,
  ) {}

  has(name: string): boolean {
    return this.zip.entries.has(name.toLowerCase());
  }

  /** The entry's bytes, or null when the archive has no such part. Throws ReadReject. */
  read(name: string): Uint8Array | null {
    const e = this.zip.entries.get(name.toLowerCase());
    if (!e) return null;
    const b = this.bytes;
    const lo = e.localOffset;
    if (lo + 30 > this.zip.dataEnd || u32(b, lo) !== SIG_LOCAL) throw corrupt(`bad local header for ${e.name}`);
    const start = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28);
    const stop = start + e.compressedSize;
    if (stop > this.zip.dataEnd) throw corrupt(`entry ${e.name} out of bounds`);
    const src = b.subarray(start, stop);
    // An honestly declared part too big to parse: say so, it is not an attack.
    if (e.size > this.limits.maxEntryUncompressed)
      throw new ReadReject('part-too-large', { part: e.name, size: e.size, limit: this.limits.maxEntryUncompressed });
    if (e.size > this.limits.maxTotalUncompressed - this.inflated)
      throw new ReadReject('part-too-large', { part: e.name, size: e.size, limit: this.limits.maxTotalUncompressed, total: 1 });
    const cap = e.size;
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw corrupt(`stored entry ${e.name} size mismatch`);
      if (e.size > cap) throw new ReadReject('zip-bomb', { detail: `${e.name}: over the size limit` });
      out = src;
    } else if (e.method === 8 && this.inflater) {
      try {
        out = this.inflater(src, cap);
      } catch (err) {
        if (err instanceof InflateLimitError) throw bombOrLie(e, cap);
        throw corrupt(`${e.name}: ${(err as Error).message || 'invalid deflate data'}`);
      }
    } else if (e.method === 8) {
      // Deflate expands at most ~1032:1. When even that stays within the limits,
      // inflate in one go and compare with the declared size afterwards; only
      // possible bombs take the slower capped, chunked path.
      // Far past the declared size (a lie) also takes the capped path: a one-shot
      // inflate would decode the whole bomb only to drop it.
      const budget = Math.min(this.limits.maxEntryUncompressed, this.limits.maxTotalUncompressed - this.inflated, Math.max(e.size * 128, 1024 * 1024));
      if (src.length * MAX_DEFLATE_RATIO <= budget) {
        // Into a buffer one byte larger than declared: fflate drops output past
        // the buffer's end, so a full buffer means the entry lies about its size.
        try {
          out = inflateSync(src, { out: new Uint8Array(e.size + 1) });
        } catch (err) {
          throw corrupt(`${e.name}: ${(err as Error).message || 'invalid deflate data'}`);
        }
        if (out.length > e.size) throw bombOrLie(e, cap);
      } else out = inflateCapped(src, e, cap);
    } else {
      throw corrupt(`unsupported compression method ${e.method} for ${e.name}`);
    }
    if (out.length !== e.size) throw corrupt(`${e.name}: size mismatch`);
    if (this.checksum(out) !== e.crc) throw corrupt(`${e.name}: CRC error`);
    this.inflated += out.length;
    return out;
  }
}

function inflateCapped(src: Uint8Array, e: ZipEntry, cap: number): Uint8Array {
  // Declared sizes are small for real parts, so one buffer of the declared
  // size is enough; producing more than declared means the file lies.
  const out = new Uint8Array(Math.min(e.size, cap));
  let len = 0;
  let over = false;
  let done = false;
  const inf = new Inflate((chunk, final) => {
    if (over) return;
    if (len + chunk.length > out.length) {
      over = true;
      return;
    }
    out.set(chunk, len);
    len += chunk.length;
    if (final) done = true;
  });
  // Compressed bytes fed at a time: one step can produce at most ~1040× its
  // input, so small steps stop a bomb right after it passes the cap.
  const step = Math.min(16 * 1024, Math.max(1024, Math.ceil(cap / MAX_DEFLATE_RATIO)));
  try {
    for (let off = 0; off < src.length && !over && !done; off += step) {
      const last = off + step >= src.length;
      inf.push(src.subarray(off, Math.min(off + step, src.length)), last);
    }
    if (src.length === 0) inf.push(new Uint8Array(0), true);
  } catch (err) {
    if (over) throw bombOrLie(e, cap);
    throw corrupt(`${e.name}: ${(err as Error).message || 'invalid deflate data'}`);
  }
  if (over) throw bombOrLie(e, cap);
  return len === out.length ? out : out.subarray(0, len);
}

function bombOrLie(e: ZipEntry, cap: number): ReadReject {
  return new ReadReject('zip-bomb', {
    detail: cap < e.size ? `${e.name}: over the size limit` : `${e.name}: inflates past its declared ${e.size} bytes`,
  });
}
