/**
 * A correction workbook (退回修改单): the unit's own return, byte for byte
 * except for (1) a thick red box on each problem cell and (2) a 问题清单
 * sheet, made the active sheet, saying cell by cell what to fix. The parts
 * are edited as raw XML, not re-written through a spreadsheet library, so the
 * template's protection, validation, names and metadata survive and the file
 * is still a return the next consolidation accepts.
 */

import type { Lang } from '../../core/rules/finding';
import type { ZipCodec } from '../write/zip';
import type { Inflater } from '../read/zip';
import { SHEETS } from '../../core/template/layout';
import { FeedbackStyles } from './styles';
import { PROBLEM_SHEET, problemSheetXml, type Problem } from './problem-sheet';
import { SheetBoxes } from './box';
import { ReturnPackage } from './package';
import { attr, escapeXml, setAttr } from './xml';

export type { Problem } from './problem-sheet';

const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

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

export interface FeedbackOptions {
  /** "张家港市（320582）", for the sheet's first line. */
  unitLabel: string;
  lang: Lang;
  /** How changed parts are deflated: fflate by default, Node's zlib from the CLI. */
  codec?: ZipCodec;
  /** How the parts it edits are inflated: fflate by default, Node's zlib from the CLI. */
  inflater?: Inflater;
}

export function feedbackWorkbook(bytes: Uint8Array, problems: Problem[], opts: FeedbackOptions): Uint8Array {
  const pkg = new ReturnPackage(bytes, opts.codec, opts.inflater);
  const text = (name: string) => pkg.text(name);
  const root = relsOf(text('_rels/.rels') ?? '', '');
  const wbPart = root.find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
  const relsPart = wbPart.replace(/([^/]+)$/, '_rels/$1.rels');
  let wb = text(wbPart);
  let relsXml = text(relsPart);
  if (wb === null || relsXml === null) throw new Error('not a workbook');
  const rels = relsOf(relsXml, wbPart);
  const stylesRel = rels.find((r) => r.type.endsWith('/styles'));
  const stylesXml = stylesRel ? text(stylesRel.part) : null;
  if (!stylesRel || stylesXml === null) throw new Error('workbook has no styles part');
  const styles = new FeedbackStyles(stylesXml);

  const sheetTags = wb.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? [];
  const idAttr = /\s(\w+:id)="/.exec(sheetTags[0] ?? '')?.[1] ?? 'r:id';
  const sheets = sheetTags.map((tag) => ({ tag, name: attr(tag, 'name') ?? '', part: rels.find((r) => r.id === attr(tag, idAttr))?.part ?? '' }));

  const partOf = new Map<string, string>();
  for (const s of sheets) if (!partOf.has(s.name)) partOf.set(s.name, s.part);

  // 1. A red box on every problem cell, in problem order (the order the boxed formats are made in).
  const boxes = new Map<string, SheetBoxes>();
  for (const p of problems) {
    if (!p.sheet || !p.cell) continue;
    const part = partOf.get(p.sheet);
    if (!part) continue;
    let sheet = boxes.get(part);
    if (!sheet) {
      const xml = text(part);
      if (xml === null) continue;
      boxes.set(part, (sheet = new SheetBoxes(xml)));
    }
    sheet.box(p.cell, styles);
  }
  const edited = new Map<string, string>();
  for (const [part, sheet] of boxes) edited.set(part, sheet.toString());

  // 2. The 问题清单 sheet: replaced when the file is an earlier correction workbook.
  const listName = PROBLEM_SHEET[opts.lang];
  const entrySheet = problems.find((p) => p.sheet)?.sheet ?? SHEETS.entry;
  const existing = sheets.find((s) => s.name === listName);
  let listPart = existing?.part;
  let listIndex = existing ? sheets.indexOf(existing) : sheets.length;
  if (!listPart) {
    let n = sheets.length + 1;
    while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
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
    pkg.setText('[Content_Types].xml', ct.replace(/<\/Types>/, `<Override PartName="/${listPart}" ContentType="${CT_WORKSHEET}"/></Types>`));
    listIndex = sheets.length;
  }
  // The list opens first: no other sheet stays selected (two selected sheets are grouped in Excel).
  for (const s of sheets) {
    if (s.part === listPart) continue;
    const xml = edited.get(s.part) ?? text(s.part);
    if (xml === null) continue;
    if (/\stabSelected="(1|true)"/.test(xml)) edited.set(s.part, xml.replace(/\stabSelected="(1|true)"/g, ''));
  }
  if (/<(?:\w+:)?workbookView\b/.test(wb)) wb = wb.replace(/<((?:\w+:)?)workbookView\b[^>]*?\/?>/, (tag) => setAttr(tag, 'activeTab', String(listIndex)));
  else wb = wb.replace(/<((?:\w+:)?)sheets>/, `<$1bookViews><$1workbookView activeTab="${listIndex}"/></$1bookViews><$1sheets>`);
  edited.set(listPart, problemSheetXml(opts.unitLabel, entrySheet, problems, opts.lang, styles.listFormats()));

  for (const [part, xml] of edited) pkg.setText(part, xml);
  pkg.setText(wbPart, wb);
  pkg.setText(relsPart, relsXml);
  pkg.setText(stylesRel.part, styles.toString());
  return pkg.toBytes();
}

/** `part` as a target relative to the folder of `from` ("worksheets/sheet4.xml"). */
function resolveRelative(from: string, part: string): string {
  const dir = from.split('/').slice(0, -1).join('/');
  return dir && part.startsWith(`${dir}/`) ? part.slice(dir.length + 1) : `/${part}`;
}
