/**
 * A correction workbook (退回修改单): the unit's own return, byte for byte
 * except for (1) a thick red box on each problem cell and (2) a 问题清单
 * sheet, made the active sheet, saying cell by cell what to fix. The parts
 * are edited as raw XML, not re-written through a spreadsheet library, so the
 * template's protection, validation, names and metadata survive and the file
 * is still a return the next consolidation accepts.
 */

import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Lang } from '../../core/rules/finding';
import { SHEETS } from '../../core/template/layout';
import { FeedbackStyles } from './styles';
import { PROBLEM_SHEET, problemSheetXml, type Problem } from './problem-sheet';
import { attr, colIndex, escapeXml, setAttr } from './xml';

export type { Problem } from './problem-sheet';

const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

const dec = new TextDecoder();
const enc = new TextEncoder();

interface Rel {
  tag: string;
  id: string;
  type: string;
  /** Part name inside the zip ("xl/worksheets/sheet1.xml"). */
  part: string;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.') out.push(seg);
  }
  return out.join('/');
}

function relsOf(xml: string, source: string): Rel[] {
  return (xml.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []).map((tag) => ({
    tag,
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    part: resolve(source, attr(tag, 'Target') ?? ''),
  }));
}

/** Boxes one cell of a sheet's XML; adds an empty styled cell to its row when the cell is not written. */
function boxCell(sheet: string, cell: string, styles: FeedbackStyles): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell.replace(/\$/g, ''));
  if (!m) return sheet;
  const tagRe = new RegExp(`<((?:\\w+:)?)c\\b[^>]*?\\sr="${m[0]}"[^>]*?/?>`);
  const hit = tagRe.exec(sheet);
  if (hit) {
    const s = Number(attr(hit[0], 's') ?? '0');
    return sheet.slice(0, hit.index) + setAttr(hit[0], 's', String(styles.boxedXf(s))) + sheet.slice(hit.index + hit[0].length);
  }
  const rowRe = new RegExp(`<((?:\\w+:)?)row\\b[^>]*?\\sr="${m[2]}"[^>]*?(/?)>`);
  const row = rowRe.exec(sheet);
  if (!row) return sheet;
  const p = row[1];
  const add = `<${p}c r="${m[0]}" s="${styles.boxedXf(0)}"/>`;
  if (row[2]) return sheet.slice(0, row.index) + row[0].replace(/\/>$/, `>${add}</${p}row>`) + sheet.slice(row.index + row[0].length);
  // Cells of a row are in column order: insert before the first one to the right.
  const bodyStart = row.index + row[0].length;
  const bodyEnd = sheet.indexOf(`</${p}row>`, bodyStart);
  const body = sheet.slice(bodyStart, bodyEnd);
  const want = colIndex(m[1]);
  const cells = [...body.matchAll(new RegExp(`<${p}c\\b[^>]*?\\sr="([A-Z]+)\\d+"`, 'g'))];
  const after = cells.find((c) => colIndex(c[1]) > want);
  const at = after ? bodyStart + after.index! : bodyEnd;
  return sheet.slice(0, at) + add + sheet.slice(at);
}

export interface FeedbackOptions {
  /** "张家港市（320582）", for the sheet's first line. */
  unitLabel: string;
  lang: Lang;
}

export function feedbackWorkbook(bytes: Uint8Array, problems: Problem[], opts: FeedbackOptions): Uint8Array {
  const parts = unzipSync(bytes);
  const text = (name: string) => (parts[name] ? dec.decode(parts[name]) : null);
  const root = relsOf(text('_rels/.rels') ?? '', '');
  const wbPart = root.find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
  const relsPart = wbPart.replace(/([^/]+)$/, '_rels/$1.rels');
  let wb = text(wbPart);
  let relsXml = text(relsPart);
  if (wb === null || relsXml === null) throw new Error('not a workbook');
  const rels = relsOf(relsXml, wbPart);
  const stylesRel = rels.find((r) => r.type.endsWith('/styles'));
  if (!stylesRel || !parts[stylesRel.part]) throw new Error('workbook has no styles part');
  const styles = new FeedbackStyles(dec.decode(parts[stylesRel.part]));

  const sheetTags = wb.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? [];
  const idAttr = /\s(\w+:id)="/.exec(sheetTags[0] ?? '')?.[1] ?? 'r:id';
  const sheets = sheetTags.map((tag) => ({ tag, name: attr(tag, 'name') ?? '', part: rels.find((r) => r.id === attr(tag, idAttr))?.part ?? '' }));

  // 1. A red box on every problem cell.
  const edited = new Map<string, string>();
  for (const p of problems) {
    if (!p.sheet || !p.cell) continue;
    const part = sheets.find((s) => s.name === p.sheet)?.part;
    if (!part || !parts[part]) continue;
    edited.set(part, boxCell(edited.get(part) ?? dec.decode(parts[part]), p.cell, styles));
  }

  // 2. The 问题清单 sheet: replaced when the file is an earlier correction workbook.
  const listName = PROBLEM_SHEET[opts.lang];
  const entrySheet = problems.find((p) => p.sheet)?.sheet ?? SHEETS.entry;
  const existing = sheets.find((s) => s.name === listName);
  let listPart = existing?.part;
  let listIndex = existing ? sheets.indexOf(existing) : sheets.length;
  if (!listPart) {
    let n = sheets.length + 1;
    while (parts[`xl/worksheets/sheet${n}.xml`]) n++;
    listPart = `xl/worksheets/sheet${n}.xml`;
    const ids = new Set(rels.map((r) => r.id));
    let k = rels.length + 1;
    while (ids.has(`rId${k}`)) k++;
    const rid = `rId${k}`;
    const target = resolveRelative(wbPart, listPart);
    relsXml = relsXml.replace(/<\/((?:\w+:)?)Relationships>/, `<$1Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="${target}"/></$1Relationships>`);
    const sheetId = Math.max(0, ...sheetTags.map((t) => Number(attr(t, 'sheetId') ?? 0))) + 1;
    // The relationship prefix is declared on the new element itself: openpyxl declares it on each <sheet>, not the root.
    const ns = `xmlns:${idAttr.split(':')[0]}="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
    wb = wb.replace(/<\/((?:\w+:)?)sheets>/, `<$1sheet ${ns} name="${escapeXml(listName)}" sheetId="${sheetId}" ${idAttr}="${rid}"/></$1sheets>`);
    const ct = text('[Content_Types].xml')!;
    parts['[Content_Types].xml'] = enc.encode(ct.replace(/<\/Types>/, `<Override PartName="/${listPart}" ContentType="${CT_WORKSHEET}"/></Types>`));
    listIndex = sheets.length;
  }
  // The list opens first: no other sheet stays selected (two selected sheets are grouped in Excel).
  for (const s of sheets) {
    if (s.part === listPart || !parts[s.part]) continue;
    const xml = edited.get(s.part) ?? dec.decode(parts[s.part]);
    if (/\stabSelected="(1|true)"/.test(xml)) edited.set(s.part, xml.replace(/\stabSelected="(1|true)"/g, ''));
  }
  if (/<(?:\w+:)?workbookView\b/.test(wb)) wb = wb.replace(/<((?:\w+:)?)workbookView\b[^>]*?\/?>/, (tag) => setAttr(tag, 'activeTab', String(listIndex)));
  else wb = wb.replace(/<((?:\w+:)?)sheets>/, `<$1bookViews><$1workbookView activeTab="${listIndex}"/></$1bookViews><$1sheets>`);
  edited.set(listPart, problemSheetXml(opts.unitLabel, entrySheet, problems, opts.lang, styles.listFormats()));

  for (const [part, xml] of edited) parts[part] = enc.encode(xml);
  parts[wbPart] = enc.encode(wb);
  parts[relsPart] = enc.encode(relsXml);
  parts[stylesRel.part] = enc.encode(styles.toString());
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) if (!name.endsWith('/')) out[name] = data;
  return zipSync(out, { level: 6 });
}

/** `part` as a target relative to the folder of `from` ("worksheets/sheet4.xml"). */
function resolveRelative(from: string, part: string): string {
  const dir = from.split('/').slice(0, -1).join('/');
  return dir && part.startsWith(`${dir}/`) ? part.slice(dir.length + 1) : `/${part}`;
}
