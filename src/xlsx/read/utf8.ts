/**
 * Decoding a short piece of UTF-8 held as a one-byte string (one character
 * per byte, see Latin1Xml in xml.ts). A sheet hands out hundreds of short
 * pieces (a formula's Chinese text, a shared string); a round trip through
 * Node's native decoder costs more than the decoding itself. Well-formed UTF-8 is decoded
 * here; anything else (an invalid or truncated sequence) goes to `slow`,
 * which must replace bad bytes as TextDecoder does.
 */
export function utf8FromLatin1(s: string, slow: (s: string) => string): string {
  const n = s.length;
  let out = '';
  let run = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      i++;
      continue;
    }
    let cp: number;
    let len: number;
    if (c >= 0xc2 && c <= 0xdf) {
      const c1 = s.charCodeAt(i + 1);
      if (!(c1 >= 0x80 && c1 <= 0xbf)) return slow(s);
      cp = ((c & 0x1f) << 6) | (c1 & 0x3f);
      len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      const c1 = s.charCodeAt(i + 1);
      const c2 = s.charCodeAt(i + 2);
      // No overlong forms (E0 80..9F), no surrogates (ED A0..BF).
      const lo = c === 0xe0 ? 0xa0 : 0x80;
      const hi = c === 0xed ? 0x9f : 0xbf;
      if (!(c1 >= lo && c1 <= hi) || !(c2 >= 0x80 && c2 <= 0xbf)) return slow(s);
      cp = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      len = 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      const c1 = s.charCodeAt(i + 1);
      const c2 = s.charCodeAt(i + 2);
      const c3 = s.charCodeAt(i + 3);
      // No overlong forms (F0 80..8F), nothing past U+10FFFF (F4 90..).
      const lo = c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xf4 ? 0x8f : 0xbf;
      if (!(c1 >= lo && c1 <= hi) || !(c2 >= 0x80 && c2 <= 0xbf) || !(c3 >= 0x80 && c3 <= 0xbf)) return slow(s);
      cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      len = 4;
    } else return slow(s);
    out += s.slice(run, i) + String.fromCodePoint(cp);
    i += len;
    run = i;
  }
  return run === 0 ? s : out + s.slice(run);
}
