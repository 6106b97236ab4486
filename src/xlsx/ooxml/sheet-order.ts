/**
 * Puts a worksheet's elements back into the order ECMA-376 prescribes.
 *
 * ExcelJS writes `<legacyDrawing>` (the VML of cell notes) after `<extLst>`
 * (data bars, x14 extensions). CT_Worksheet is an xsd:sequence, so Excel
 * answers that with its "We found a problem with some content" repair, which
 * can drop the sheet. Every element ExcelJS misplaces sits after
 * `<sheetData>`, so only that tail is decoded, split into its elements and,
 * when out of order, rewritten; a sheet already in order is returned as the
 * same bytes. A sheet without a drawing (every template) costs two native
 * byte searches over its tail and nothing else.
 */

/** CT_Worksheet's children after sheetData, in schema order. */
const TAIL_ORDER = [
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;
const RANK = new Map<string, number>(TAIL_ORDER.map((n, i) => [n, i]));

const encoder = new TextEncoder();
/**
 * The sign of a drawing element (`<drawing r:id=`, `<legacyDrawing r:id=`),
 * what ExcelJS misplaces and the chart step appends. One search; a false
 * match (the words in an inline string) only costs a scan.
 */
const DRAWING_SIGN = 'rawing r:id=';
const DRAWING_SIGN_BYTES = encoder.encode(DRAWING_SIGN);
const decoder = new TextDecoder();
const SHEET_DATA_END = '</sheetData>';
const SHEET_DATA_EMPTY = '<sheetData/>';
const SHEET_DATA_END_BYTES = encoder.encode(SHEET_DATA_END);
const SHEET_DATA_EMPTY_BYTES = encoder.encode(SHEET_DATA_EMPTY);

// Node's Buffer searches natively (memmem); the browser (the add-in writes
// templates too) falls back to a plain loop.
type NativeBytes = { indexOf(n: string): number; lastIndexOf(n: string): number };
const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, off: number, len: number): NativeBytes } }).Buffer;

function jsIndexOf(hay: Uint8Array, needle: Uint8Array, last: boolean): number {
  const end = hay.length - needle.length;
  for (let k = 0; k <= end; k++) {
    const i = last ? end - k : k;
    let j = 0;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** Index of an ASCII `needle` in `hay` (the last one with `last`), or -1. */
function indexOfBytes(hay: Uint8Array, needle: string, bytes: Uint8Array, last = false): number {
  if (!NodeBuffer) return jsIndexOf(hay, bytes, last);
  const b = NodeBuffer.from(hay.buffer, hay.byteOffset, hay.length);
  return last ? b.lastIndexOf(needle) : b.indexOf(needle);
}

/** One top-level element of the tail: its local name and its text. */
interface TailElement {
  name: string;
  xml: string;
}

/** Index just past the tag starting at `i` (`<` … `>`), skipping quoted attribute values. */
function tagEnd(s: string, i: number): number {
  let quote = '';
  for (let k = i + 1; k < s.length; k++) {
    const ch = s[k];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return k + 1;
  }
  return -1;
}

/**
 * Splits the text between `</sheetData>` and `</worksheet>` into its
 * top-level elements; null when it holds anything else (text, comments),
 * which is then left as it is.
 */
function splitTail(tail: string): TailElement[] | null {
  const out: TailElement[] = [];
  let i = 0;
  while (i < tail.length) {
    while (i < tail.length && /\s/.test(tail[i])) i++;
    if (i >= tail.length) break;
    if (tail[i] !== '<' || tail[i + 1] === '/' || tail[i + 1] === '!' || tail[i + 1] === '?') return null;
    const start = i;
    const name = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(tail.slice(i, i + 80));
    if (!name) return null;
    let depth = 0;
    do {
      const lt = tail.indexOf('<', i);
      if (lt < 0) return null;
      const end = tagEnd(tail, lt);
      if (end < 0) return null;
      const tag = tail.slice(lt, end);
      if (tag.startsWith('</')) depth--;
      else if (!tag.endsWith('/>') && !tag.startsWith('<!') && !tag.startsWith('<?')) depth++;
      i = end;
    } while (depth > 0);
    out.push({ name: name[2], xml: tail.slice(start, i) });
  }
  return out;
}

/**
 * The worksheet part with its post-sheetData elements in schema order,
 * rewritten in place (the bytes given are changed). Returns the input
 * untouched when nothing needs to move (or the part is not a worksheet
 * ExcelJS wrote).
 */
export function orderWorksheet(xml: Uint8Array): Uint8Array {
  // What ExcelJS misplaces are the drawings it writes after extLst; without
  // one its order is the schema's (the schema test over every workbook kind
  // holds it to that), and the sheet is returned untouched. A tag cannot
  // occur in cell text (XML escapes "<"), so a byte search is enough.
  // The tail is found from the end, so the rows are never scanned.
  let at = indexOfBytes(xml, SHEET_DATA_END, SHEET_DATA_END_BYTES, true);
  let len = SHEET_DATA_END.length;
  if (at < 0) {
    at = indexOfBytes(xml, SHEET_DATA_EMPTY, SHEET_DATA_EMPTY_BYTES, true);
    len = SHEET_DATA_EMPTY.length;
  }
  if (at < 0) return xml;
  if (indexOfBytes(xml.subarray(at), DRAWING_SIGN, DRAWING_SIGN_BYTES) < 0) return xml;
  const rest = decoder.decode(xml.subarray(at + len));
  const close = rest.lastIndexOf('</worksheet>');
  if (close < 0) return xml;
  const elements = splitTail(rest.slice(0, close));
  if (!elements || elements.some((e) => !RANK.has(e.name))) return xml;
  const ranks = elements.map((e) => RANK.get(e.name)!);
  if (ranks.every((r, k) => k === 0 || ranks[k - 1] <= r)) return xml;
  // A stable sort: elements of one kind (several conditionalFormatting) keep their order.
  const sorted = elements.map((e, k) => ({ e, k })).sort((a, b) => RANK.get(a.e.name)! - RANK.get(b.e.name)! || a.k - b.k);
  const head = xml.subarray(0, at + len);
  const tail = encoder.encode(sorted.map((x) => x.e.xml).join('') + rest.slice(close));
  // The same elements in another order: as many bytes. Written in place, so
  // a big sheet is not copied (the package's parts are ours to change).
  if (tail.length === xml.length - head.length) {
    xml.set(tail, head.length);
    return xml;
  }
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}

/** Worksheet parts of an unzipped package (xl/worksheets/sheetN.xml). */
export function isWorksheetPart(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/.test(name);
}
