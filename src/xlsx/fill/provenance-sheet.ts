/**
 * The 汇总来源 sheet of a made return: which lower cells every value came
 * from, for the district clerk and the city office. Laid out to be read on
 * screen and on paper: the entry sheet's title, header and cell formats,
 * columns wide enough for their content, headers wrapped (Chinese over
 * English), the header frozen and repeated on every printed page, and row
 * heights stored for the wrapped text (LibreOffice and WPS do not grow rows
 * themselves, see layout-text.ts).
 */

import type { SourceCell } from '../../core/return/types';
import { textUnits, wrappedRowHeight } from '../layout-text';
import { cellXml, columnLetter, escapeXml, type CellValue } from './sheet-xml';

export const PROVENANCE_SHEET = '汇总来源';

/** One indicator's line on the provenance sheet. */
export interface ProvenanceItem {
  code: string;
  name: string;
  unit: string;
  /** The value written into the return, null when left for the unit to fill. */
  value: number | null;
  /** How it was made or why it was left blank, for people. */
  note: string;
  sources: SourceCell[];
}

export interface Provenance {
  title: string;
  lines: string[];
  items: ProvenanceItem[];
  /** code → name, for the 来源单位 column. */
  unitNames?: Record<string, string>;
}

/** Cell formats (cellXfs indices) borrowed from the template; a missing one leaves cells plain. */
export interface ProvenanceStyles {
  title?: string;
  /** Wrapped, for the lines under the title. */
  note?: string;
  header?: string;
  /** Bordered, left, wrapped. */
  text?: string;
  /** Bordered, centred. */
  center?: string;
  /** Bordered, right-aligned. */
  number?: string;
}

type Kind = 'text' | 'center' | 'number';

/**
 * The columns: header (Chinese, then English on its own line), cell format,
 * and width: `width` at least, widened to the longest text up to `max`
 * (beyond it the text wraps).
 */
const COLUMNS: { header: string; width: number; max?: number; kind: Kind }[] = [
  { header: '指标编码\nCode', width: 12, max: 16, kind: 'center' },
  { header: '指标名称\nIndicator', width: 24, max: 32, kind: 'text' },
  { header: '计量单位\nUnit', width: 10, max: 14, kind: 'center' },
  { header: '本级数值\nValue', width: 11, max: 14, kind: 'number' },
  { header: '说明\nNote', width: 36, kind: 'text' },
  { header: '来源单位\nFrom unit', width: 12, max: 24, kind: 'text' },
  { header: '单位代码\nUnit code', width: 12, max: 16, kind: 'center' },
  { header: '来源文件\nFile', width: 20, max: 30, kind: 'text' },
  { header: '工作表\nSheet', width: 10, max: 14, kind: 'center' },
  { header: '单元格\nCell', width: 8, max: 10, kind: 'center' },
  { header: '来源数值\nSource value', width: 13, max: 16, kind: 'number' },
];

export const PROVENANCE_HEADERS = COLUMNS.map((c) => c.header);

const LAST_COLUMN = columnLetter(COLUMNS.length);

/** Column widths for the body rows: each column's text on one line where its cap allows (a unit of margin). */
function columnWidths(body: CellValue[][]): number[] {
  return COLUMNS.map((c, i) => {
    const longest = body.reduce((w, values) => (values[i] == null ? w : Math.max(w, textUnits(String(values[i])) + 2)), 0);
    return Math.max(c.width, Math.min(c.max ?? c.width, longest));
  });
}
/** The entry sheet's title row height, for the same 16-pt title. */
const TITLE_POINTS = 30;

function row(r: number, cells: string, height: number): string {
  return `<row r="${r}" ht="${height}" customHeight="1">${cells}</row>`;
}

/** The worksheet part and where its header row is (for the print titles). */
export function provenanceSheet(p: Provenance, st: ProvenanceStyles = {}): { xml: string; headerRow: number } {
  // The body first: the widths depend on it, the row heights on the widths.
  const body: CellValue[][] = [];
  for (const it of p.items) {
    const head: CellValue[] = [it.code, it.name, it.unit, it.value, it.note];
    const srcs = it.sources.length ? it.sources : [null];
    srcs.forEach((s, i) => {
      const from: CellValue[] = s ? [p.unitNames?.[s.unit] ?? s.unit, s.unit, s.file, s.sheet, s.cell, s.value] : [];
      // An empty text (a unit-less indicator) is a blank cell, not an empty string.
      body.push([...(i === 0 ? head : [null, null, null, null, null]), ...from].map((v) => (v === '' ? null : v)));
    });
  }
  const widths = columnWidths(body);
  const total = widths.reduce((a, b) => a + b, 0);

  const rows: string[] = [];
  const merges: string[] = [];
  let r = 1;
  // Title and lines span the table, so they wrap within the printed width.
  const banner = (text: string, style: string | undefined, height: number) => {
    rows.push(row(r, cellXml(`A${r}`, text, style), height));
    merges.push(`A${r}:${LAST_COLUMN}${r}`);
    r++;
  };
  banner(p.title, st.title, TITLE_POINTS);
  for (const line of p.lines) banner(line, st.note, wrappedRowHeight([{ text: line, width: total }]));
  r++;
  const headerRow = r;
  rows.push(row(r, PROVENANCE_HEADERS.map((h, i) => cellXml(`${columnLetter(i + 1)}${r}`, h, st.header)).join(''), wrappedRowHeight(PROVENANCE_HEADERS.map((h, i) => ({ text: h, width: widths[i] })))));
  r++;
  for (const values of body) {
    // Every cell is written, blank ones too, so the table's borders have no gaps.
    const cells = COLUMNS.map((c, i) => cellXml(`${columnLetter(i + 1)}${r}`, values[i] ?? null, st[c.kind])).join('');
    const height = wrappedRowHeight(COLUMNS.map((_c, i) => ({ text: values[i] == null ? null : String(values[i]), width: widths[i] })));
    rows.push(row(r, cells, height));
    r++;
  }
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const last = `${LAST_COLUMN}${Math.max(r - 1, headerRow)}`;
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>` +
    // Read-only like the generated sheets: it records where the values came from.
    '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>' +
    `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${escapeXml(m)}"/>`).join('')}</mergeCells>` +
    // Printed landscape, one page wide, as many pages down as it takes.
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
  return { xml, headerRow };
}
