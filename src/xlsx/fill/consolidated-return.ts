/**
 * A filled return made by consolidation (a district's return made from its
 * towns' returns): the unit's own generated template (protection, validation,
 * metadata, defined names exactly as `generate` writes them) with the value
 * cells filled, the metadata naming the town cells behind every value, and a
 * visible provenance sheet (汇总来源) saying the same for people.
 *
 * The template's zip is edited part by part (sheet-xml.ts) rather than
 * re-saved through a workbook library, so nothing the generator wrote is lost.
 * No fs here: the add-in can make the same file in the browser.
 */

import { unzipSync, zipSync } from 'fflate';
import { ENTRY_COLUMNS, ENTRY_FIRST_DATA_ROW, ENTRY_HEADER_ROW, ENTRY_SUBTITLE_ROW, ENTRY_TITLE_ROW, SHEETS, remarkName, valueName } from '../../core/template/layout';
import { recompress, type ZipCodec } from '../write/zip';
import { cacheStatus, fitRemark } from './entry-rows';
import { PROVENANCE_SHEET, provenanceSheet, type Provenance, type ProvenanceStyles } from './provenance-sheet';
import { appendRows, cellStyle, escapeXml, setCell, type CellValue } from './sheet-xml';
import { addAlignedXf } from './styles-xml';
import { treeMetaRows, type TreeMeta } from './tree-meta';

export { PROVENANCE_SHEET, type ProvenanceItem } from './provenance-sheet';

export interface ConsolidatedReturn {
  /** The unit's blank template, as `generate` writes it. */
  template: Uint8Array;
  /** Indicator code → value to write (in the unit of the value cell). */
  values: Record<string, number>;
  /** Indicator code → remark to write. */
  remarks: Record<string, string>;
  /**
   * Indicator code → the word its status formula gives for the written value
   * and remark (core/template/status-word.ts), stored as the formula's cached
   * result so that viewers which do not recalculate show it.
   */
  statuses?: Record<string, string>;
  meta: TreeMeta;
  /** How many lower returns the values were made from. */
  count: number;
  provenance: Provenance;
  mtime?: Date;
  codec?: ZipCodec;
}

const dec = new TextDecoder();
const enc = new TextEncoder();

/** Sheet name → part path, and the defined names, from workbook.xml and its rels. */
function workbookMap(parts: Record<string, Uint8Array>): { sheets: Map<string, string>; names: Map<string, { sheet: string; cell: string }> } {
  const wb = dec.decode(parts['xl/workbook.xml']);
  const rels = dec.decode(parts['xl/_rels/workbook.xml.rels']);
  const target = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  for (const m of rels.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) target.set(m[2], m[1]);
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const sheets = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet [^>]*?\/>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\sr:id="([^"]*)"/.exec(m[0])?.[1];
    const t = rid ? target.get(rid) : undefined;
    if (name && t) sheets.set(unescape(name), t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const names = new Map<string, { sheet: string; cell: string }>();
  for (const m of wb.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)) {
    const ref = /^'?((?:[^']|'')+?)'?!\$([A-Z]+)\$(\d+)$/.exec(unescape(m[2]));
    if (ref) names.set(m[1], { sheet: ref[1].replace(/''/g, "'"), cell: `${ref[2]}${ref[3]}` });
  }
  return { sheets, names };
}

/** Adds the provenance sheet before the metadata sheet (so the visible sheets come first); returns its position. */
function addSheet(parts: Record<string, Uint8Array>, name: string, xml: string): number {
  let n = 1;
  while (parts[`xl/worksheets/sheet${n}.xml`]) n++;
  const part = `worksheets/sheet${n}.xml`;
  parts[`xl/${part}`] = enc.encode(xml);

  let rels = dec.decode(parts['xl/_rels/workbook.xml.rels']);
  const ids = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let rid = ids.size + 1;
  while (ids.has(`rId${rid}`)) rid++;
  rels = rels.replace('</Relationships>', `<Relationship Id="rId${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${part}"/></Relationships>`);
  parts['xl/_rels/workbook.xml.rels'] = enc.encode(rels);

  let ct = dec.decode(parts['[Content_Types].xml']);
  ct = ct.replace('</Types>', `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  parts['[Content_Types].xml'] = enc.encode(ct);

  let wb = dec.decode(parts['xl/workbook.xml']);
  const sheetTags = [...wb.matchAll(/<sheet [^>]*?\/>/g)];
  const metaAt = sheetTags.findIndex((m) => m[0].includes(`name="${SHEETS.meta}"`));
  const index = metaAt < 0 ? sheetTags.length : metaAt;
  const ids2 = sheetTags.map((m) => Number(/sheetId="(\d+)"/.exec(m[0])?.[1] ?? 0));
  const tag = `<sheet sheetId="${Math.max(0, ...ids2) + 1}" name="${escapeXml(name)}" state="visible" r:id="rId${rid}"/>`;
  const before = metaAt < 0 ? wb.indexOf('</sheets>') : sheetTags[metaAt].index!;
  wb = wb.slice(0, before) + tag + wb.slice(before);
  // Sheet-local names after the insertion point move one sheet on.
  wb = wb.replace(/localSheetId="(\d+)"/g, (m, i: string) => (Number(i) >= index ? `localSheetId="${Number(i) + 1}"` : m));
  parts['xl/workbook.xml'] = enc.encode(wb);

  const app = parts['docProps/app.xml'];
  if (app) {
    let a = dec.decode(app);
    const titles = /<TitlesOfParts><vt:vector size="(\d+)" baseType="lpstr">([\s\S]*?)<\/vt:vector><\/TitlesOfParts>/.exec(a);
    if (titles) {
      const items = [...titles[2].matchAll(/<vt:lpstr>[\s\S]*?<\/vt:lpstr>/g)].map((m) => m[0]);
      items.splice(Math.min(index, items.length), 0, `<vt:lpstr>${escapeXml(name)}</vt:lpstr>`);
      a = a.replace(titles[0], `<TitlesOfParts><vt:vector size="${items.length}" baseType="lpstr">${items.join('')}</vt:vector></TitlesOfParts>`);
      a = a.replace(/(<vt:lpstr>Worksheets<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>)(\d+)(<\/vt:i4>)/, (_m, p: string, k: string, s: string) => `${p}${Number(k) + 1}${s}`);
      parts['docProps/app.xml'] = enc.encode(a);
    }
  }
  return index;
}

/** Repeats row `row` of sheet `name` (at position `index`) at the top of every printed page. */
function addPrintTitles(parts: Record<string, Uint8Array>, name: string, index: number, row: number): void {
  const ref = `'${name.replace(/'/g, "''")}'!$${row}:$${row}`;
  const tag = `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(ref).replace(/'/g, '&apos;')}</definedName>`;
  let wb = dec.decode(parts['xl/workbook.xml']);
  if (wb.includes('</definedNames>')) wb = wb.replace('</definedNames>', () => `${tag}</definedNames>`);
  else if (wb.includes('<calcPr')) wb = wb.replace('<calcPr', () => `<definedNames>${tag}</definedNames><calcPr`);
  else return;
  parts['xl/workbook.xml'] = enc.encode(wb);
}

/**
 * The entry sheet's own cell formats for the provenance sheet (see
 * provenance-sheet.ts), found on the cells the template contract places:
 * title, note line, header, and the first indicator row. Formats it lacks
 * (wrapped note, right-aligned number) are added to the styles part.
 */
function provenanceStyles(parts: Record<string, Uint8Array>, entryXml: string): ProvenanceStyles {
  const at = (col: string, row: number) => cellStyle(entryXml, `${col}${row}`);
  const center = at(ENTRY_COLUMNS.code, ENTRY_FIRST_DATA_ROW);
  const note = at('A', ENTRY_SUBTITLE_ROW + 1);
  const st: ProvenanceStyles = {
    title: at('A', ENTRY_TITLE_ROW),
    header: at(ENTRY_COLUMNS.code, ENTRY_HEADER_ROW),
    text: at(ENTRY_COLUMNS.name, ENTRY_FIRST_DATA_ROW),
    center,
  };
  const styles = parts['xl/styles.xml'];
  if (!styles) return st;
  let xml = dec.decode(styles);
  const derive = (base: string | undefined, align: Parameters<typeof addAlignedXf>[2]) => {
    if (base === undefined) return undefined;
    const r = addAlignedXf(xml, base, align);
    xml = r.xml;
    return r.index;
  };
  st.note = derive(note, { wrapText: true, vertical: 'center' });
  st.number = derive(center, { horizontal: 'right' });
  parts['xl/styles.xml'] = enc.encode(xml);
  return st;
}

/** The filled workbook's bytes. */
export function writeConsolidatedReturn(input: ConsolidatedReturn): Uint8Array {
  const parts = unzipSync(input.template);
  const { sheets, names } = workbookMap(parts);
  const edits = new Map<string, string>();
  const partXml = (sheet: string): [string, string] => {
    const part = sheets.get(sheet);
    if (!part || !parts[part]) throw new Error(`sheet ${sheet} not found in the template`);
    return [part, edits.get(part) ?? dec.decode(parts[part])];
  };
  /** Edits the sheet part holding the cell a defined name points at. */
  const edit = (name: string, f: (xml: string, cell: string) => string) => {
    const at = names.get(name);
    if (!at) throw new Error(`defined name ${name} not found in the template`);
    const [part, xml] = partXml(at.sheet);
    edits.set(part, f(xml, at.cell));
  };
  const put = (name: string, value: CellValue) => edit(name, (xml, cell) => setCell(xml, cell, value));
  for (const [code, v] of Object.entries(input.values)) put(valueName(code), v);
  for (const [code, text] of Object.entries(input.remarks)) put(remarkName(code), text);
  // What the filled rows show before any recalculation: the status words, and room for the remarks.
  for (const [code, word] of Object.entries(input.statuses ?? {})) edit(valueName(code), (xml, cell) => cacheStatus(xml, cell, word));
  for (const [code, text] of Object.entries(input.remarks)) edit(remarkName(code), (xml, cell) => fitRemark(xml, cell, text));

  const [metaPart, metaXml] = partXml(SHEETS.meta);
  edits.set(metaPart, appendRows(metaXml, treeMetaRows(input.meta, input.count)));
  const styles = provenanceStyles(parts, partXml(SHEETS.entry)[1]);
  for (const [part, xml] of edits) parts[part] = enc.encode(xml);
  const sheet = provenanceSheet(input.provenance, styles);
  const index = addSheet(parts, PROVENANCE_SHEET, sheet.xml);
  addPrintTitles(parts, PROVENANCE_SHEET, index, sheet.headerRow);
  return recompress(zipSync(parts, { level: 0 }), input.mtime ?? new Date(), input.codec);
}
