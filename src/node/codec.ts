/**
 * Node's native zlib for the template writer's zip step (see
 * src/xlsx/write/zip.ts): the same bytes as fflate would produce in spirit,
 * at C speed. The browser keeps the fflate default.
 */

import * as zlib from 'zlib';
import { crc32 as jsCrc32, type RawDeflateStream, type ZipCodec } from '../xlsx/write/zip';

type ZlibWithCrc = typeof zlib & { crc32?: (data: Uint8Array, value?: number) => number };
const nativeCrc = (zlib as ZlibWithCrc).crc32;

/**
 * A large part deflated in pieces: each piece is compressed on its own and
 * ends in a sync flush (byte-aligned, not the last block), the final piece
 * ends the stream, so the pieces join into one valid deflate stream. A
 * piece cannot refer back into the one before it, which costs a little
 * size on pieces of a megabyte.
 */
function zlibStream(level: number): RawDeflateStream {
  return {
    push: (data, final) => [zlib.deflateRawSync(data, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH })],
  };
}

export const NODE_ZIP_CODEC: ZipCodec = {
  // Level 1: workbooks are ~25 KB either way (+10 % size), and it halves the deflate time.
  deflateRaw: (d) => zlib.deflateRawSync(d, { level: 1 }),
  // zlib.crc32 exists from Node 20.15 / 22.2; older versions use the JS table.
  crc32: nativeCrc ? (d, previous) => nativeCrc(d, previous ?? 0) : jsCrc32,
  deflateRawStream: () => zlibStream(1),
};
