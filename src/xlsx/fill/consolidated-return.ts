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
import type { SourceCell } from '../../core/return/types';
import { SHEETS, remarkName, valueName } from '../../core/template/layout';
import { recompress, type ZipCodec } from '../write/zip';
import { appendRows, columnLetter, escapeXml, rowXml, setCell, type CellValue } from './sheet-xml';
import { treeMetaRows, type TreeMeta } from './tree-meta';

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

export interface ConsolidatedReturn {
  /** The unit's blank template, as `generate` writes it. */
  template: Uint8Array;
  /** Indicator code → value to write (in the unit of the value cell). */
  values: Record<string, number>;
  /** Indicator code → remark to write. */
  remarks: Record<string, string>;
  meta: TreeMeta;
  /** How many lower returns the values were made from. */
  count: number;
  /** unitNames: code → name, for the 来源单位 column. */
  provenance: { title: string; lines: string[]; items: ProvenanceItem[]; unitNames?: Record<string, string> };
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

const HEADERS = ['指标编码 Code', '指标名称 Indicator', '计量单位 Unit', '本级数值 Value', '说明 Note', '来源单位 From unit', '单位代码 Unit code', '来源文件 File', '工作表 Sheet', '单元格 Cell', '来源数值 Source value'];
const WIDTHS = [13, 32, 9, 12, 44, 14, 12, 30, 12, 9, 12];

/** The provenance sheet: title lines, a header, one row per source cell (the indicator's columns on its first row). */
function provenanceSheet(p: ConsolidatedReturn['provenance']): string {
  const rows: string[] = [];
  let r = 1;
  for (const line of [p.title, ...p.lines]) rows.push(rowXml(r++, [line]));
  r++;
  const headerRow = r;
  rows.push(rowXml(r++, HEADERS));
  for (const it of p.items) {
    const head: CellValue[] = [it.code, it.name, it.unit, it.value, it.note];
    const srcs = it.sources.length ? it.sources : [null];
    srcs.forEach((s, i) => {
      const from: CellValue[] = s ? [p.unitNames?.[s.unit] ?? s.unit, s.unit, s.file, s.sheet, s.cell, s.value] : [];
      rows.push(rowXml(r++, [...(i === 0 ? head : [null, null, null, null, null]), ...from]));
    });
  }
  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const last = `${columnLetter(HEADERS.length)}${Math.max(r - 1, headerRow)}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>` +
    // Read-only like the generated sheets: it records where the values came from.
    '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>' +
    // Printed landscape, one page wide, as many pages down as it takes.
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
  );
}

/** Adds the provenance sheet before the metadata sheet (so the visible sheets come first). */
function addSheet(parts: Record<string, Uint8Array>, name: string, xml: string): void {
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
  const put = (name: string, value: CellValue) => {
    const at = names.get(name);
    if (!at) throw new Error(`defined name ${name} not found in the template`);
    const [part, xml] = partXml(at.sheet);
    edits.set(part, setCell(xml, at.cell, value));
  };
  for (const [code, v] of Object.entries(input.values)) put(valueName(code), v);
  for (const [code, text] of Object.entries(input.remarks)) put(remarkName(code), text);

  const [metaPart, metaXml] = partXml(SHEETS.meta);
  edits.set(metaPart, appendRows(metaXml, treeMetaRows(input.meta, input.count)));
  for (const [part, xml] of edits) parts[part] = enc.encode(xml);
  addSheet(parts, PROVENANCE_SHEET, provenanceSheet(input.provenance));
  return recompress(zipSync(parts, { level: 0 }), input.mtime ?? new Date(), input.codec);
}
