/**
 * Puts a worksheet's elements back into the order ECMA-376 prescribes.
 *
 * ExcelJS writes `<legacyDrawing>` (the VML of cell notes) after `<extLst>`
 * (data bars, x14 extensions). CT_Worksheet is an xsd:sequence, so Excel
 * answers that with its "We found a problem with some content" repair, which
 * can drop the sheet. Every element ExcelJS misplaces sits after
 * `<sheetData>`, so only that tail (a few KB even for a large sheet) is
 * scanned and, when out of order, rewritten; a sheet already in order is
 * returned as the same bytes. Finding the tail searches from the end, so the
 * cost does not grow with the number of rows.
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
const decoder = new TextDecoder();
const SHEET_DATA_END = encoder.encode('</sheetData>');
const SHEET_DATA_EMPTY = encoder.encode('<sheetData/>');

/** Last index of `needle` in `hay`, or -1. */
function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = hay.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
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
 * The worksheet part with its post-sheetData elements in schema order.
 * Returns the input itself when nothing needs to move (or the part is not a
 * worksheet ExcelJS wrote).
 */
export function orderWorksheet(xml: Uint8Array): Uint8Array {
  let at = lastIndexOf(xml, SHEET_DATA_END);
  let len = SHEET_DATA_END.length;
  if (at < 0) {
    at = lastIndexOf(xml, SHEET_DATA_EMPTY);
    len = SHEET_DATA_EMPTY.length;
  }
  if (at < 0) return xml;
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
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}

/** Worksheet parts of an unzipped package (xl/worksheets/sheetN.xml). */
export function isWorksheetPart(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/.test(name);
}
