/**
 * Row heights for wrapped text. Excel grows a row to fit wrapped text when it
 * opens a file, but LibreOffice and WPS keep the stored (default) height of
 * an .xlsx row, so on print/PDF the second line overprints the next row. The
 * writers therefore store an estimated height: the wrapped line count of the
 * tallest cell times a line height.
 *
 * Widths are in Excel column-width units (about one "0" of the default font):
 * a CJK or full-width character takes about two, a Latin letter or digit one.
 * The estimate errs on the tall side: a little white space is harmless, an
 * overprinted line is not.
 */

/** Points per line of 11-pt text, including leading. */
export const LINE_POINTS = 15;
/** Points of a one-line row (the body font plus cell padding). */
export const MIN_ROW_POINTS = 18;
/** The tallest row Excel accepts. */
export const MAX_ROW_POINTS = 409;
/** Cell padding above and below the text, in points. */
const PAD_POINTS = 3;
/** The font size the widths and LINE_POINTS are for. */
const BASE_FONT = 11;

// CJK scripts, full-width forms, and the symbols CJK fonts (SimSun) draw wide:
// ≥ ≤ ～ “ ” · — … ①.
const WIDE =
  /[\u00B7\u2010-\u2027\u2030-\u203B\u2100-\u23FF\u2460-\u27BF\u2E80-\u303F\u3040-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Width of a text in column-width units (CJK about 2, ASCII 1). */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.length > 1 || WIDE.test(ch) ? 2 : 1;
  return n;
}

/**
 * Lines a text takes when wrapped in a column `width` units wide, at
 * `fontSize` points. Explicit line breaks start new lines.
 */
export function wrappedLines(text: string, width: number, fontSize = BASE_FONT): number {
  // About one unit of the column is taken by the cell's margins.
  const usable = Math.max(1, width - 1);
  const scale = fontSize / BASE_FONT;
  return String(text)
    .split(/\r?\n/)
    .reduce((n, para) => n + Math.max(1, Math.ceil((textUnits(para) * scale) / usable)), 0);
}

/** One run of a cell's text at its own size (a smaller second line, say). */
export interface TextBlock {
  text: string;
  fontSize?: number;
}

/** The text of one wrapped cell and the width of its column (or merged columns). */
export interface WrappedCell {
  text: string | TextBlock[] | null | undefined;
  width: number;
}

/** Height in points of a cell's text; blocks stack, each on its own lines. */
export function cellPoints(cell: WrappedCell): number {
  if (cell.text == null || cell.text === '') return 0;
  const blocks = typeof cell.text === 'string' ? [{ text: cell.text }] : cell.text;
  return blocks.reduce((h, b) => {
    const size = b.fontSize ?? BASE_FONT;
    return h + wrappedLines(b.text, cell.width, size) * LINE_POINTS * (size / BASE_FONT);
  }, 0);
}

/**
 * Height in points for a row whose wrapped cells are `cells`: the tallest
 * cell plus padding, never below `min` (MIN_ROW_POINTS).
 */
export function wrappedRowHeight(cells: WrappedCell[], min = MIN_ROW_POINTS): number {
  const tallest = cells.reduce((h, c) => Math.max(h, cellPoints(c)), 0);
  // Excel refuses a row taller than 409 points (it "repairs" the file); a longer text scrolls in the cell.
  return Math.min(MAX_ROW_POINTS, Math.max(min, Math.ceil(tallest + PAD_POINTS)));
}
