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

import { deflateSync, unzipSync } from 'fflate';
import { finishPackage, type PackageStep } from '../ooxml/package';

/** Raw deflate (RFC 1951, no zlib header) and CRC-32 of a part. */
export interface ZipCodec {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32?(data: Uint8Array): number;
}

/** fflate at level 4: within 3 % of level 6's size, noticeably faster. */
export const FFLATE_CODEC: ZipCodec = { deflateRaw: (d) => deflateSync(d, { level: 4 }) };

let CRC_TABLE: Int32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
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

/**
 * Re-packs a stored zip with deflated parts. Folder entries ("xl/") that JSZip
 * adds are dropped (Office's own files have none); part order is kept
 * ([Content_Types].xml first). Before deflating, the parts are finished
 * (src/xlsx/ooxml/package.ts: schema order, plus any `step` such as charts).
 */
export function recompress(stored: Uint8Array, mtime: Date = new Date(), codec: ZipCodec = FFLATE_CODEC, step?: PackageStep): Uint8Array {
  const parts = unzipSync(stored);
  finishPackage(parts, step);
  const [time, date] = dosDateTime(mtime);
  const crc = codec.crc32 ?? crc32;
  const entries: { name: Uint8Array; data: Uint8Array; crc: number; size: number; offset: number }[] = [];
  let offset = 0;
  for (const [name, raw] of Object.entries(parts)) {
    if (name.endsWith('/')) continue;
    const data = codec.deflateRaw(raw);
    const e = { name: encoder.encode(name), data, crc: crc(raw), size: raw.length, offset };
    entries.push(e);
    offset += 30 + e.name.length + data.length;
  }
  const cdSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(offset + cdSize + 22);
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
  // Local headers: version 2.0, flag 0x0800 (UTF-8 names), method 8 (deflate).
  for (const e of entries) {
    u32(0x04034b50), u16(20), u16(0x0800), u16(8), u16(time), u16(date);
    u32(e.crc), u32(e.data.length), u32(e.size), u16(e.name.length), u16(0);
    out.set(e.name, p);
    p += e.name.length;
    out.set(e.data, p);
    p += e.data.length;
  }
  const cdStart = p;
  for (const e of entries) {
    u32(0x02014b50), u16(20), u16(20), u16(0x0800), u16(8), u16(time), u16(date);
    u32(e.crc), u32(e.data.length), u32(e.size), u16(e.name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(e.offset);
    out.set(e.name, p);
    p += e.name.length;
  }
  u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cdSize), u32(cdStart), u16(0);
  return out;
}
