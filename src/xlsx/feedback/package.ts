/**
 * A return's zip, edited part by part: the parts a correction workbook
 * changes are inflated and deflated again; every other part (theme, shared
 * strings, document properties, the sheets without problems) is copied as
 * its compressed bytes, never inflated. The archive is checked by the
 * reader's zip guard (src/xlsx/read/zip.ts) before anything is read.
 */

import { deflateSync } from 'fflate';
import { DEFAULT_LIMITS } from '../read/types';
import { openZip, PartReader, type Inflater, type ZipEntry } from '../read/zip';
import { crc32 as jsCrc32 } from '../read/crc32';
import type { ZipCodec } from '../write/zip';

const dec = new TextDecoder();
const enc = new TextEncoder();

/** fflate at level 6, as the correction workbooks were always written; Node passes its zlib (src/node/codec.ts). */
const FFLATE_6: ZipCodec = { deflateRaw: (d) => deflateSync(d, { level: 6 }) };

interface Out {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

export class ReturnPackage {
  private readonly reader: PartReader;
  private readonly entries: ZipEntry[];
  /** New contents by exact part name; parts not named here are copied. */
  private readonly changed = new Map<string, Uint8Array>();

  /** `inflater` and `codec`: Node's zlib from the CLI (native speed); fflate and JavaScript otherwise. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly codec: ZipCodec = FFLATE_6,
    inflater?: Inflater,
  ) {
    const zip = openZip(bytes, DEFAULT_LIMITS);
    const crc = codec.crc32;
    this.reader = new PartReader(bytes, zip, DEFAULT_LIMITS, inflater, crc ? (d) => crc(d) : jsCrc32);
    this.entries = [...zip.entries.values()];
  }

  /** The part's name as stored (part names are case-insensitive), or null. */
  private stored(name: string): string | null {
    const lower = name.toLowerCase();
    return this.entries.find((e) => e.name.toLowerCase() === lower)?.name ?? null;
  }

  has(name: string): boolean {
    return this.changed.has(name) || this.reader.has(name);
  }

  text(name: string): string | null {
    const own = this.changed.get(this.stored(name) ?? name);
    if (own) return dec.decode(own);
    const raw = this.reader.read(name);
    return raw ? dec.decode(raw) : null;
  }

  setText(name: string, xml: string): void {
    this.changed.set(this.stored(name) ?? name, enc.encode(xml));
  }

  /** The zip: parts in their original order, new parts after them. */
  toBytes(): Uint8Array {
    const codec = this.codec;
    const crc = codec.crc32 ?? jsCrc32;
    const out: Out[] = [];
    const deflated = (name: string, raw: Uint8Array): Out => ({ name: enc.encode(name), method: 8, crc: crc(raw), size: raw.length, data: codec.deflateRaw(raw) });
    for (const e of this.entries) {
      const raw = this.changed.get(e.name);
      out.push(raw ? deflated(e.name, raw) : { name: enc.encode(e.name), method: e.method, crc: e.crc, size: e.size, data: this.compressedData(e) });
    }
    const old = new Set(this.entries.map((e) => e.name));
    for (const [name, raw] of this.changed) if (!old.has(name)) out.push(deflated(name, raw));
    return writeZip(out);
  }

  private compressedData(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    const lo = e.localOffset;
    const start = lo + 30 + (b[lo + 26] | (b[lo + 27] << 8)) + (b[lo + 28] | (b[lo + 29] << 8));
    return b.subarray(start, start + e.compressedSize);
  }
}

/** A plain zip (no zip64: a return is far below 4 GB), UTF-8 names, sizes in the local headers. */
function writeZip(entries: Out[]): Uint8Array {
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const local = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const central = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const v = new DataView(out.buffer);
  let p = 0;
  const u16 = (x: number) => (v.setUint16(p, x, true), (p += 2));
  const u32 = (x: number) => (v.setUint32(p, x >>> 0, true), (p += 4));
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(p);
    u32(0x04034b50), u16(20), u16(0x0800), u16(e.method), u16(time), u16(date);
    u32(e.crc), u32(e.data.length), u32(e.size), u16(e.name.length), u16(0);
    out.set(e.name, p);
    p += e.name.length;
    out.set(e.data, p);
    p += e.data.length;
  }
  const cdStart = p;
  entries.forEach((e, i) => {
    u32(0x02014b50), u16(20), u16(20), u16(0x0800), u16(e.method), u16(time), u16(date);
    u32(e.crc), u32(e.data.length), u32(e.size), u16(e.name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offsets[i]);
    out.set(e.name, p);
    p += e.name.length;
  });
  u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central), u32(cdStart), u16(0);
  return out;
}
