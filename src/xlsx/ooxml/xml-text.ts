/**
 * Text helpers for writing SpreadsheetML by hand: escaping and column
 * letters. Shared by every writer that emits XML itself (charts, the bulk
 * rows of the summary, filled returns).
 */

// XML 1.0 cannot carry control characters other than tab, newline and return.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Anything escapeXml would change (no /g: `test` keeps no state). */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text for an element or a double-quoted attribute; characters XML cannot hold are dropped. */
export function escapeXml(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const LETTERS: string[] = [];
/** columnLetter, remembered: the bulk writer asks for the same few thousand columns a million times. */
export function columnLetterCached(n: number): string {
  return LETTERS[n] ?? (LETTERS[n] = columnLetter(n));
}
