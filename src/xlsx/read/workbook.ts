/** The small package parts: relationships, workbook.xml, shared strings, styles, core props. */

import { XmlScanner, OPEN, EOF, type XmlSource } from './xml';
import { readStringItem } from './sheet';

export interface Relationship {
  id: string;
  /** Last path segment of the relationship type URI ("worksheet", "sharedStrings"). */
  type: string;
  /** Resolved part name without leading "/". */
  target: string;
  external: boolean;
}

/** Resolves a relationship target against the folder of the source part. */
export function resolvePart(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return normalise(target.slice(1));
  const slash = sourcePart.lastIndexOf('/');
  const base = slash < 0 ? '' : sourcePart.slice(0, slash + 1);
  return normalise(base + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The .rels part that belongs to a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function parseRels(xml: XmlSource, part: string, sourcePart: string): Relationship[] {
  const x = new XmlScanner(xml, part);
  const rels: Relationship[] = [];
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k === OPEN && x.name === 'Relationship') {
      const a = x.attrs();
      if (!a.Id || a.Target === undefined) continue;
      const type = (a.Type ?? '').replace(/\/+$/, '');
      const external = a.TargetMode === 'External';
      let target = a.Target;
      try {
        target = decodeURIComponent(target);
      } catch {
        /* keep as written */
      }
      rels.push({ id: a.Id, type: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolvePart(sourcePart, target), external });
    }
  }
  return rels;
}

export interface SheetInfo {
  name: string;
  /** visible | hidden | veryHidden */
  state: string;
  rid: string;
  /** 0-based position, the index localSheetId refers to. */
  index: number;
}

export interface DefinedName {
  name: string;
  /** Sheet index the name is scoped to, or undefined for workbook scope. */
  localSheetId?: number;
  formula: string;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  names: DefinedName[];
  date1904: boolean;
}

export function parseWorkbook(xml: XmlSource, part: string): WorkbookInfo {
  const x = new XmlScanner(xml, part);
  const sheets: SheetInfo[] = [];
  const names: DefinedName[] = [];
  let date1904 = false;
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k !== OPEN) continue;
    if (x.name === 'sheet') {
      const a = x.attrs();
      sheets.push({ name: a.name ?? '', state: a.state ?? 'visible', rid: a.id ?? '', index: sheets.length });
    } else if (x.name === 'definedName') {
      const a = x.attrs();
      const formula = x.readText().trim();
      const local = a.localSheetId !== undefined ? Number(a.localSheetId) : undefined;
      names.push({ name: a.name ?? '', localSheetId: Number.isInteger(local) ? local : undefined, formula });
    } else if (x.name === 'workbookPr') {
      const v = x.attr('date1904');
      date1904 = v === '1' || v === 'true';
    }
  }
  return { sheets, names, date1904 };
}

export function parseSharedStrings(xml: XmlSource, part: string): string[] {
  const x = new XmlScanner(xml, part);
  const out: string[] = [];
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k === OPEN && x.name === 'si') out.push(readStringItem(x));
  }
  return out;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus CJK ids). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a format code shows a date/time: y m d h s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h') // elapsed time [h]:mm
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  // Use only the first section (positive numbers).
  const first = stripped.split(';')[0];
  if (/general/i.test(first)) return false;
  return /[ymdhs]|[年月日时分秒]/i.test(first.replace(/e[+-]/gi, ''));
}

export type FormatKind = 'date' | 'percent' | 'other';

export interface Styles {
  /** For each cellXfs index: what its number format shows. */
  xfKind: FormatKind[];
}

/** Built-in percent formats: 0% and 0.00%. */
const BUILTIN_PERCENT_IDS = new Set([9, 10]);

function isPercentCode(code: string): boolean {
  return /%/.test(code.replace(/"[^"]*"/g, '').replace(/\\./g, '').split(';')[0]);
}

export function parseStyles(xml: XmlSource, part: string): Styles {
  const x = new XmlScanner(xml, part);
  const custom = new Map<number, string>();
  const xfFmt: number[] = [];
  let inCellXfs = false;
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k === OPEN) {
      if (x.name === 'numFmt') {
        const a = x.attrs();
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (x.name === 'cellXfs') {
        inCellXfs = !x.selfClosing;
      } else if (x.name === 'xf' && inCellXfs) {
        xfFmt.push(Number(x.attr('numFmtId') ?? 0) | 0);
        x.skip();
      } else if (x.name === 'cellStyleXfs' || x.name === 'dxfs' || x.name === 'fonts' || x.name === 'fills' || x.name === 'borders') {
        x.skip();
      }
    } else if (k === 2 && x.name === 'cellXfs') inCellXfs = false;
  }
  const xfKind = xfFmt.map((id): FormatKind => {
    const code = custom.get(id);
    if (code !== undefined) return isDateFormatCode(code) ? 'date' : isPercentCode(code) ? 'percent' : 'other';
    return BUILTIN_DATE_IDS.has(id) ? 'date' : BUILTIN_PERCENT_IDS.has(id) ? 'percent' : 'other';
  });
  return { xfKind };
}

/** dcterms:modified from docProps/core.xml. */
export function parseCoreModified(xml: XmlSource, part: string): string | undefined {
  const x = new XmlScanner(xml, part);
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k === OPEN && x.name === 'modified') {
      const t = x.readText().trim();
      return t || undefined;
    }
  }
  return undefined;
}

/** Serial day number → ISO date (or date-time when it has a time part). */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return null;
  let days = Math.floor(serial);
  const frac = serial - days;
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + days * 86400000;
  else {
    // Excel's day 60 is the fictitious 1900-02-29; serials after it are one day ahead.
    if (days < 60) days += 1;
    ms = Date.UTC(1899, 11, 30) + days * 86400000;
  }
  const secs = Math.round(frac * 86400);
  const d = new Date(ms + secs * 1000);
  const iso = d.toISOString();
  return secs === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}
