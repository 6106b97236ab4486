/**
 * Re-packing ExcelJS output into the final .xlsx zip.
 *
 * ExcelJS zips through JSZip, whose pure-JS deflate (pako, with a fresh 64 KB
 * window per part) was the largest single cost of writing a small workbook.
 * The writer asks ExcelJS for an uncompressed (STORE) zip, which is cheap,
 * takes the parts out (fflate's unzip of stored entries is a copy) and writes
 * a new zip whose parts are deflated by a pluggable raw-deflate function:
 * fflate by default (works in the browser), Node's native zlib when the CLI
 * passes it (src/node/codec.ts), about twice as fast again.
 */

import { Deflate, deflateSync, unzipSync } from 'fflate';
import { finishPackage, type PackageStep } from '../ooxml/package';
import { bulkSheetText, type BulkSheet } from '../ooxml/bulk-rows';
import { worksheetPart } from '../ooxml/charts-step';

/**
 * One part deflated piece by piece: push each piece in order, the last with
 * `final`. `data` is reused by the caller once push returns, so a stream
 * copies what it keeps of it.
 */
export interface RawDeflateStream {
  push(data: Uint8Array, final: boolean): Uint8Array[];
}

/** Raw deflate (RFC 1951, no zlib header) and CRC-32 of a part. */
export interface ZipCodec {
  deflateRaw(data: Uint8Array): Uint8Array;
  /** CRC-32 of `data`, continuing from `previous` (the CRC of what came before). */
  crc32?(data: Uint8Array, previous?: number): number;
  /** A streaming deflater, for parts too large to hold whole (fflate's when absent). */
  deflateRawStream?(): RawDeflateStream;
}

/** fflate at level 4: within 3 % of level 6's size, noticeably faster. */
export const FFLATE_CODEC: ZipCodec = { deflateRaw: (d) => deflateSync(d, { level: 4 }) };

function fflateStream(): RawDeflateStream {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 4 }, (chunk) => out.push(chunk));
  return {
    push(data, final) {
      d.push(data, final);
      return out.splice(0);
    },
  };
}

let CRC_TABLE: Int32Array | undefined;
export function crc32(data: Uint8Array, previous = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = previous ^ -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** MS-DOS date and time of a zip entry (local time, 2-second resolution). */
function dosDateTime(d: Date): [number, number] {
  const year = Math.max(1980, d.getFullYear());
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const byteLength = (chunks: readonly Uint8Array[]) => chunks.reduce((n, c) => n + c.length, 0);

/** The worksheet part of each bulk sheet. */
function bulkParts(parts: Record<string, Uint8Array>, bulk: readonly BulkSheet[]): Map<string, BulkSheet> {
  const out = new Map<string, BulkSheet>();
  for (const b of bulk) {
    const name = worksheetPart(parts, b.sheet);
    if (!name || !parts[name]) throw new Error(`no worksheet called ${b.sheet} for its bulk rows`);
    out.set(name, b);
  }
  return out;
}

/**
 * Bytes handed to the deflater at a time. The text arrives in small pieces
 * (short-lived strings, collected young); their UTF-8 is gathered in one
 * reused buffer, so neither a large string nor a large byte array is made
 * per megabyte of sheet, each of which would wait for a full collection.
 */
const CHUNK_BYTES = 1 << 20;

/** Encodes and deflates a part's text piece by piece; only the compressed bytes are kept. */
export function deflatePieces(pieces: Iterable<string>, codec: ZipCodec): { data: Uint8Array[]; crc: number; size: number } {
  const stream = codec.deflateRawStream?.() ?? fflateStream();
  const crc = codec.crc32 ?? crc32;
  const data: Uint8Array[] = [];
  const buffer = new Uint8Array(CHUNK_BYTES);
  let used = 0;
  let sum = 0;
  let size = 0;
  const flush = (final: boolean) => {
    const chunk = buffer.subarray(0, used);
    sum = crc(chunk, sum);
    size += used;
    data.push(...stream.push(chunk, final));
    used = 0;
  };
  for (const piece of pieces) {
    let rest = piece;
    for (;;) {
      // encodeInto stops before a character that does not fit (never inside one).
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(used));
      used += written;
      if (read === rest.length) break;
      flush(false);
      rest = rest.slice(read);
    }
  }
  flush(true);
  return { data, crc: sum, size };
}

/**
 * Re-packs a stored zip with deflated parts. Folder entries ("xl/") that JSZip
 * adds are dropped (Office's own files have none); part order is kept
 * ([Content_Types].xml first). Before deflating, the parts are finished
 * (src/xlsx/ooxml/package.ts: schema order, plus any `step` such as charts).
 */
export function recompress(
  stored: Uint8Array,
  mtime: Date = new Date(),
  codec: ZipCodec = FFLATE_CODEC,
  step?: PackageStep,
  bulk: readonly BulkSheet[] = [],
): Uint8Array {
  const parts = unzipSync(stored);
  finishPackage(parts, step);
  const streamed = bulkParts(parts, bulk);
  const crc = codec.crc32 ?? crc32;
  const members: ZipMember[] = [];
  for (const [name, raw] of Object.entries(parts)) {
    if (name.endsWith('/')) continue;
    const sheet = streamed.get(name);
    members.push(
      sheet
        ? { name: encoder.encode(name), method: 8, ...deflatePieces(bulkSheetText(decoder.decode(raw), sheet), codec) }
        : { name: encoder.encode(name), method: 8, data: [codec.deflateRaw(raw)], crc: crc(raw), size: raw.length },
    );
    delete parts[name]; // what is deflated is not needed uncompressed any more
  }
  return zipArchive(members, mtime);
}

/** One member of a zip being written: its stored bytes (in pieces) and what the headers say of them. */
export interface ZipMember {
  /** UTF-8 name. */
  name: Uint8Array;
  /** 8 deflate, 0 stored. */
  method: number;
  /** CRC-32 and length of the uncompressed bytes. */
  crc: number;
  size: number;
  data: readonly Uint8Array[];
}

/**
 * A plain zip of `members` in order: no zip64 (a workbook is far below
 * 4 GB), UTF-8 names (flag 0x0800), sizes in the local headers, every
 * member dated `mtime`.
 */
export function zipArchive(members: readonly ZipMember[], mtime: Date): Uint8Array {
  const [time, date] = dosDateTime(mtime);
  const local = members.reduce((n, e) => n + 30 + e.name.length + byteLength(e.data), 0);
  const central = members.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const v = new DataView(out.buffer);
  let p = 0;
  const u16 = (x: number) => {
    v.setUint16(p, x, true);
    p += 2;
  };
  const u32 = (x: number) => {
    v.setUint32(p, x >>> 0, true);
    p += 4;
  };
  const offsets: number[] = [];
  // Local headers: version 2.0.
  for (const e of members) {
    offsets.push(p);
    u32(0x04034b50), u16(20), u16(0x0800), u16(e.method), u16(time), u16(date);
    u32(e.crc), u32(byteLength(e.data)), u32(e.size), u16(e.name.length), u16(0);
    out.set(e.name, p);
    p += e.name.length;
    for (const chunk of e.data) {
      out.set(chunk, p);
      p += chunk.length;
    }
  }
  const cdStart = p;
  members.forEach((e, i) => {
    u32(0x02014b50), u16(20), u16(20), u16(0x0800), u16(e.method), u16(time), u16(date);
    u32(e.crc), u32(byteLength(e.data)), u32(e.size), u16(e.name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offsets[i]);
    out.set(e.name, p);
    p += e.name.length;
  });
  u32(0x06054b50), u16(0), u16(0), u16(members.length), u16(members.length), u32(central), u32(cdStart), u16(0);
  return out;
}
