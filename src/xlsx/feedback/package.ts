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
import { zipArchive, type ZipCodec, type ZipMember } from '../write/zip';

const dec = new TextDecoder();
const enc = new TextEncoder();

/** fflate at level 6, as the correction workbooks were always written; Node passes its zlib (src/node/codec.ts). */
const FFLATE_6: ZipCodec = { deflateRaw: (d) => deflateSync(d, { level: 6 }) };

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
    const out: ZipMember[] = [];
    const deflated = (name: string, raw: Uint8Array): ZipMember => ({ name: enc.encode(name), method: 8, crc: crc(raw), size: raw.length, data: [codec.deflateRaw(raw)] });
    for (const e of this.entries) {
      const raw = this.changed.get(e.name);
      out.push(raw ? deflated(e.name, raw) : { name: enc.encode(e.name), method: e.method, crc: e.crc, size: e.size, data: [this.compressedData(e)] });
    }
    const old = new Set(this.entries.map((e) => e.name));
    for (const [name, raw] of this.changed) if (!old.has(name)) out.push(deflated(name, raw));
    return zipArchive(out, new Date());
  }

  private compressedData(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    const lo = e.localOffset;
    const start = lo + 30 + (b[lo + 26] | (b[lo + 27] << 8)) + (b[lo + 28] | (b[lo + 29] << 8));
    return b.subarray(start, start + e.compressedSize);
  }
}
