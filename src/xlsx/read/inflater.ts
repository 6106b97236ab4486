/** The pluggable raw-deflate step of the zip guard (fflate by default, zlib in Node). */

/**
 * A raw-deflate inflater that must refuse (throw InflateLimitError) rather
 * than produce more than `maxOutput` bytes. The default is fflate (browser
 * and Node); readReturnFile plugs in Node's zlib, which is several times faster.
 */
export type Inflater = (src: Uint8Array, maxOutput: number) => Uint8Array;

/** Thrown by an Inflater when the output would pass maxOutput. */
export class InflateLimitError extends Error {}
