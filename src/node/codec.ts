/**
 * Node's native zlib for the template writer's zip step (see
 * src/xlsx/write/zip.ts): the same bytes as fflate would produce in spirit,
 * at C speed. The browser keeps the fflate default.
 */

import * as zlib from 'zlib';
import { crc32 as jsCrc32, type ZipCodec } from '../xlsx/write/zip';

type ZlibWithCrc = typeof zlib & { crc32?: (data: Uint8Array) => number };

export const NODE_ZIP_CODEC: ZipCodec = {
  // Level 1: workbooks are ~25 KB either way (+10 % size), and it halves the deflate time.
  deflateRaw: (d) => zlib.deflateRawSync(d, { level: 1 }),
  // zlib.crc32 exists from Node 20.15 / 22.2; older versions use the JS table.
  crc32: (zlib as ZlibWithCrc).crc32 ?? jsCrc32,
};
