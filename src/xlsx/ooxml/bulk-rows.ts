/**
 * Bulk rows: the many plain rows of a large sheet (a thousand towns, forty
 * thousand provenance links) written as SpreadsheetML text, streamed, instead
 * of as ExcelJS cell objects. ExcelJS still writes the sheet itself (views,
 * columns, header rows, filters, conditional formats, notes, print setup) and
 * the few rows that need more than values and styles; the bulk rows fill the
 * row numbers it left empty. This is what keeps a 10,000-return summary
 * within memory: the rows exist only as compressed chunks of the final zip.
 *
 * Styles: ExcelJS owns styles.xml, so the styles a bulk sheet uses are
 * "probed": the sheet writes one cell per style in the row just below its
 * used range (see summary/bulk.ts), ExcelJS registers them, and here the
 * style index of each probe cell is read back and the probe row removed.
 * (Not Excel's last row: ExcelJS walks its row array up to the last row, a
 * million empty slots per sheet.)
 */

import { columnLetterCached, escapeXml } from './xml-text';

/** The row of a bulk sheet's style probes: the one below its used range. */
export const probeRow = (sheet: Pick<BulkSheet, 'lastRow'>) => Math.max(1, sheet.lastRow) + 1;

/** A cell's value: text, a number, or null for an empty cell that keeps its style (a framed blank). */
export type BulkValue = string | number | null;

export interface BulkRow {
  /** Row number (1-based), ascending across the sheet's bulk rows. */
  r: number;
  /** Values from column A; undefined leaves the cell out. */
  values: readonly (BulkValue | undefined)[];
  /** The style slot of each cell (index into the sheet's probes), or one slot for every cell. */
  slots: readonly number[] | number;
  /** Row height in points. */
  height?: number;
  /** Outline (grouping) level, 1–7. */
  outline?: number;
}

export interface BulkSheet {
  /** The sheet's name in the workbook. */
  sheet: string;
  /** The used range after the bulk rows are in, for `<dimension>`. */
  lastRow: number;
  lastCol: number;
  /** The rows, ascending; called once, while the part is compressed. */
  rows: () => Iterable<BulkRow>;
}

/** A worksheet part's text in pieces, so no one string holds a whole large sheet. */
export type PartText = () => Iterable<string>;

/**
 * About this many characters per piece handed to the deflater: small enough
 * that a piece is an ordinary young object (V8 puts strings over 128 KB in
 * the large-object space, freed only by a full collection), large enough
 * that the pieces cost nothing to pass.
 */
const PIECE_CHARS = 1 << 14;

function cellXml(ref: string, style: number, v: BulkValue): string {
  const s = style ? ` s="${style}"` : '';
  if (v === null) return `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s}/>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

export function bulkRowXml(row: BulkRow, styles: readonly number[]): string {
  const r = row.r;
  let out = `<row r="${r}"`;
  if (row.height !== undefined) out += ` ht="${row.height}" customHeight="1"`;
  if (row.outline) out += ` outlineLevel="${row.outline}"`;
  out += '>';
  const slots = row.slots;
  const one = typeof slots === 'number' ? (styles[slots] ?? 0) : -1;
  const values = row.values;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (v === undefined) continue;
    const style = one >= 0 ? one : (styles[(slots as readonly number[])[j]] ?? 0);
    out += cellXml(columnLetterCached(j + 1) + r, style, v);
  }
  return out + '</row>';
}

interface SplitSheet {
  head: string;
  /** ExcelJS's own rows, in order, with their numbers. */
  rows: { r: number; xml: string }[];
  tail: string;
  /** Style index of each probe cell (column A = slot 0). */
  styles: number[];
}

/** Cuts an ExcelJS worksheet part around its rows and reads the style probes out of it. */
export function splitSheet(xml: string, probe: number): SplitSheet {
  const empty = xml.indexOf('<sheetData/>');
  if (empty >= 0) return { head: xml.slice(0, empty) + '<sheetData>', rows: [], tail: '</sheetData>' + xml.slice(empty + 12), styles: [] };
  const open = xml.indexOf('<sheetData>');
  const close = xml.lastIndexOf('</sheetData>');
  if (open < 0 || close < 0) throw new Error('the worksheet part has no sheetData');
  const body = xml.slice(open + 11, close);
  const rows: { r: number; xml: string }[] = [];
  let styles: number[] = [];
  const re = /<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
  for (const m of body.matchAll(re)) {
    const r = Number(m[1]);
    if (r === probe) {
      styles = [];
      for (const c of m[0].matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?>/g)) {
        const col = colIndex(c[1]);
        styles[col - 1] = Number(/\bs="(\d+)"/.exec(c[0])?.[1] ?? 0);
      }
      continue;
    }
    rows.push({ r, xml: m[0] });
  }
  return { head: xml.slice(0, open + 11), rows, tail: xml.slice(close), styles };
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/**
 * The finished sheet text: ExcelJS's rows and the bulk rows merged by row
 * number (a row is one or the other, never both), the probe row gone, and
 * the used range set.
 */
export function* bulkSheetText(xml: string, bulk: BulkSheet): Generator<string> {
  const { head, rows, tail, styles } = splitSheet(xml, probeRow(bulk));
  const dimension = `<dimension ref="A1:${columnLetterCached(Math.max(1, bulk.lastCol))}${Math.max(1, bulk.lastRow)}"/>`;
  yield head.replace(/<dimension ref="[^"]*"\/>/, dimension);
  let piece = '';
  let k = 0;
  let last = 0;
  for (const row of bulk.rows()) {
    if (row.r <= last) throw new Error(`bulk rows of ${bulk.sheet} out of order at row ${row.r}`);
    last = row.r;
    while (k < rows.length && rows[k].r < row.r) piece += rows[k++].xml;
    if (k < rows.length && rows[k].r === row.r) throw new Error(`row ${row.r} of ${bulk.sheet} written twice`);
    piece += bulkRowXml(row, styles);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  while (k < rows.length) piece += rows[k++].xml;
  yield piece + tail;
}
