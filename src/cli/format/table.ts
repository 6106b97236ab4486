/**
 * Plain-text tables for the terminal. Chinese characters take two columns,
 * so widths are measured in display columns, not string length. The last
 * column is never padded (long messages wrap naturally).
 */

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Display width of a string in terminal columns (ANSI colours excluded). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(ANSI, '')) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Keeps table cells on one line: control characters and newlines become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F]+/g, ' ');
}

export function renderTable(headers: string[], rows: string[][], indent = '  '): string {
  const cols = headers.length;
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    indent + cells.map((c, i) => (i === cols - 1 ? c : padEnd(c, widths[i]))).join('  ').trimEnd();
  const rule = indent + widths.map((w, i) => '─'.repeat(i === cols - 1 ? Math.min(w, 40) : w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n') + '\n';
}
