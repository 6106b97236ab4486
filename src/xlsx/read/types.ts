/**
 * The reader's public types and limits, in a module of their own so that
 * index.ts (the entry point) and reader.ts / zip.ts / messages.ts (the
 * implementation) do not import each other.
 */

import type { ParsedReturn } from '../../core/return/types';
import type { Inflater } from './inflater';

export interface ReadLimits {
  /** Largest file accepted, in bytes (read into memory whole). */
  maxFileBytes: number;
  /** Most entries a zip may list in its central directory. */
  maxEntries: number;
  /**
   * Largest sum of bytes actually inflated while reading one file (the parts
   * the reader needs: workbook, shared strings, styles, the template's sheets).
   */
  maxTotalUncompressed: number;
  /** Largest single part the reader inflates and parses. */
  maxEntryUncompressed: number;
  /**
   * Largest size any entry may declare, and largest sum of declared sizes.
   * Far beyond any real workbook: a directory declaring more is refused at
   * once, before anything is inflated. Parts the reader never needs (an
   * extra data sheet, pictures) may be big up to this bound.
   */
  maxDeclaredEntry: number;
  maxDeclaredTotal: number;
  /** Highest uncompressed/compressed ratio for entries over 1 MB uncompressed. */
  maxRatio: number;
}

/**
 * A real return is well under 1 MB; 15 MB returns with an extra data sheet
 * (56 MB of XML) exist and are read, since only the template's own parts are
 * inflated. The limits bound memory (the whole file is held, the parts read
 * are decoded to strings), not what a file may contain.
 */
export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxEntries: 1000,
  maxTotalUncompressed: 256 * 1024 * 1024,
  maxEntryUncompressed: 64 * 1024 * 1024,
  maxDeclaredEntry: 1024 * 1024 * 1024,
  maxDeclaredTotal: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
};

/**
 * Failure codes: not-zip, corrupt-zip, encrypted, xls, ole2 (an OLE2 file we
 * could not tell apart: legacy .xls or encrypted), macro, too-large (the
 * file), part-too-large (a part the reader needs, honestly declared),
 * too-many-entries, zip-bomb (sizes no workbook has, or a part that inflates
 * past its declared size), other-format (a known non-xlsx format, named),
 * not-xlsx, bad-xml, read-error, internal.
 */
export type ReadErrorCode =
  | 'not-zip'
  | 'corrupt-zip'
  | 'encrypted'
  | 'xls'
  | 'ole2'
  | 'macro'
  | 'too-large'
  | 'part-too-large'
  | 'too-many-entries'
  | 'zip-bomb'
  | 'other-format'
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
   * Raw-deflate inflater honouring a size cap (see inflater.ts). Leave unset for
   * fflate; readReturnFile passes Node's zlib (nodeInflater in node.ts).
   */
  inflater?: Inflater;
  /** CRC-32 (IEEE) of an inflated part. Leave unset for the JavaScript one; readReturnFile passes zlib's where Node has it. */
  crc32?: (data: Uint8Array) => number;
  /**
   * Scan UTF-8 parts as bytes (xml.ts, Latin1Xml) with these: the bytes as a
   * one-byte string, one character each, and the decoder of a piece of it.
   * Leave unset to decode every part whole (the browser); readReturnFile
   * passes Node's native conversions.
   */
  latin1?: { fromBytes: (bytes: Uint8Array) => string; utf8: (piece: string) => string };
}
