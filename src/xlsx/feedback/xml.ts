/** Small string helpers for editing a workbook's XML parts in place. */

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The value of attribute `name` in an element's start tag, or null. */
export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** The start tag with attribute `name` set to `value` (added when absent). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(':', '\\:')}=")[^"]*(")`);
  if (re.test(tag)) return tag.replace(re, `$1${escapeXml(value)}$2`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
}

/** A1 column letters → 1-based index. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
