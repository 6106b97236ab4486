/**
 * Worksheet part → cells. Every cell keeps its RawCell and its style index
 * (dates are numbers with a date format; that is resolved later, only for
 * the cells we report, so styles.xml is read only when it matters).
 */

import type { RawCell } from '../../core/return/types';
import { XmlScanner, XmlError, OPEN, CLOSE, EOF, unescapeExcel, type XmlSource } from './xml';
import { cellKey, colToNum, parseA1, parseRange, numToCol, MAX_COL, MAX_ROW, type Range } from '../../core/a1';

export interface SheetCell {
  raw: RawCell;
  /** Index into styles.xml cellXfs; 0 when absent. */
  s: number;
}

export interface Sheet {
  cells: Map<number, SheetCell>;
  merges: Range[];
  maxRow: number;
  maxCol: number;
  /** A <sheetProtection sheet="1"> element is present. */
  protected: boolean;
}

export function getCell(sheet: Sheet, row: number, col: number): SheetCell | undefined {
  return sheet.cells.get(cellKey(row, col));
}

/** Text of a rich or plain string item (<si>, <is>): all <t> outside phonetic runs. */
export function readStringItem(x: XmlScanner): string {
  if (x.selfClosing) return '';
  let out = '';
  let depth = 1;
  while (depth > 0) {
    const k = x.next();
    if (k === EOF) return out;
    if (k === OPEN) {
      if (x.name === 't') out += x.readText();
      else if (x.name === 'rPh' || x.name === 'phoneticPr') x.skip();
      else if (!x.selfClosing) depth++;
    } else if (k === CLOSE) depth--;
  }
  return unescapeExcel(out);
}

const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

function typedValue(t: string | undefined, v: string, strings: readonly string[]): RawCell {
  switch (t) {
    case 's': {
      const s = strings[Number(v)];
      return s === undefined ? { type: 'error', value: '#BADSTRING' } : { type: 'text', value: s };
    }
    case 'str':
      return { type: 'text', value: unescapeExcel(v) };
    case 'inlineStr':
      return { type: 'text', value: unescapeExcel(v) };
    case 'b':
      return { type: 'boolean', value: v.trim() === '1' || v.trim().toLowerCase() === 'true' };
    case 'e':
      return { type: 'error', value: v };
    case 'd':
      return { type: 'date', value: v.trim() };
    default: {
      // Only decimal numbers (xsd:double's lexical form): Number() would also
      // take "0x10" as 16, "0b1" as 1. Anything else stays text, which the
      // rules report as unreadable instead of guessing.
      const t = v.trim();
      const n = DECIMAL.test(t) ? Number(t) : NaN;
      if (!Number.isFinite(n)) return { type: 'text', value: v };
      return { type: 'number', value: n };
    }
  }
}

/** Shifts relative A1 references of a shared formula from its master cell to (dr, dc) away. */
export function shiftFormula(f: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return f;
  let out = '';
  let i = 0;
  // Walk outside string literals; shift tokens that look like cell references.
  const re = /(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![0-9A-Za-z_(!])/g;
  while (i < f.length) {
    const q = f.indexOf('"', i);
    const seg = q < 0 ? f.slice(i) : f.slice(i, q);
    out += seg.replace(re, (m, d1: string, col: string, d2: string, row: string, off: number, whole: string) => {
      const prev = off > 0 ? whole.charCodeAt(off - 1) : 0;
      // Part of a longer name (LOG10, Sheet1, a.b): not a reference.
      if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57) || prev === 95 || prev === 46) return m;
      let c = colToNum(col);
      let r = Number(row);
      if (!d1) c += dc;
      if (!d2) r += dr;
      if (c < 1 || c > MAX_COL || r < 1 || r > MAX_ROW) return '#REF!';
      return `${d1}${numToCol(c)}${d2}${r}`;
    });
    if (q < 0) break;
    const q2 = f.indexOf('"', q + 1);
    if (q2 < 0) {
      out += f.slice(q);
      break;
    }
    out += f.slice(q, q2 + 1);
    i = q2 + 1;
  }
  return out;
}

/** Elements whose content is never needed. */
const SKIPPED: ReadonlySet<string> = new Set(['sheetPr', 'sheetViews', 'cols', 'conditionalFormatting', 'dataValidations', 'extLst', 'headerFooter', 'pageSetup']);

/** The attributes of <c> read (in one pass). */
const CELL_ATTRS = ['r', 's', 't'] as const;

/** Parses a worksheet part. `strings` is the shared string table. */
export function parseSheet(xml: XmlSource, part: string, strings: readonly string[]): Sheet {
  const x = new XmlScanner(xml, part);
  const cells = new Map<number, SheetCell>();
  const merges: Range[] = [];
  const shared = new Map<string, { row: number; col: number; f: string }>();
  let maxRow = 0;
  let maxCol = 0;
  let prot = false;
  let row = 0;
  let col = 0;
  const cellAttrs: (string | undefined)[] = [];
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k !== OPEN) continue;
    // Names compared in place (x.is): a sheet has thousands of tags.
    if (x.is('row')) {
      const r = x.attr('r');
      row = r !== undefined ? Number(r) : row + 1;
      if (!(row >= 1 && row <= MAX_ROW)) row = Math.min(Math.max(1, row | 0), MAX_ROW);
      col = 0;
    } else if (x.is('c')) {
      x.attrsInto(CELL_ATTRS, cellAttrs);
      const a = { r: cellAttrs[0], s: cellAttrs[1], t: cellAttrs[2] };
      if (a.r !== undefined) {
        const p = parseA1(a.r);
        if (p) {
          row = p.row;
          col = p.col;
        } else col++;
      } else col++;
      if (row === 0) row = 1;
      if (col > MAX_COL) col = MAX_COL;
      const t = a.t;
      let v: string | undefined;
      let fText: string | undefined;
      let fAttrs: Record<string, string> | undefined;
      let inline: string | undefined;
      if (!x.selfClosing) {
        let depth = 1;
        while (depth > 0) {
          const kk = x.next();
          if (kk === EOF) break;
          if (kk === OPEN) {
            if (x.is('v')) v = x.readText();
            else if (x.is('f')) {
              fAttrs = x.attrs();
              fText = x.readText();
            } else if (x.is('is')) inline = readStringItem(x);
            else if (!x.selfClosing) depth++;
          } else if (kk === CLOSE) depth--;
        }
      }
      let raw: RawCell;
      let value: RawCell | undefined;
      if (t === 'inlineStr' && inline !== undefined) value = { type: 'text', value: inline };
      // openpyxl writes <v></v> for formulas it never computed: no cached value.
      else if (v !== undefined && (v !== '' || t === 'str' || t === 's')) value = typedValue(t, v, strings);
      if (fAttrs !== undefined) {
        let formula = fText ?? '';
        if (fAttrs.t === 'shared' && fAttrs.si !== undefined) {
          if (formula !== '') shared.set(fAttrs.si, { row, col, f: formula });
          else {
            const m = shared.get(fAttrs.si);
            if (m) formula = shiftFormula(m.f, row - m.row, col - m.col);
          }
        }
        raw = value ? { type: 'formula', formula, cached: value } : { type: 'formula', formula };
      } else raw = value ?? { type: 'empty' };
      const key = cellKey(row, col);
      // Two elements for one cell: which one Excel would show is not ours to guess.
      if (cells.has(key)) throw new XmlError(`${part}: cell ${numToCol(col)}${row} appears twice`);
      cells.set(key, { raw, s: a.s !== undefined ? Number(a.s) | 0 : 0 });
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
    } else if (x.is('sheetProtection')) {
      const v = x.attr('sheet');
      prot = v === '1' || v === 'true';
    } else if (x.is('mergeCell')) {
      const ref = x.attr('ref');
      const rg = ref ? parseRange(ref) : null;
      if (rg) merges.push(rg);
    } else if (SKIPPED.has(x.name)) {
      x.skip();
    }
  }
  return { cells, merges, maxRow, maxCol, protected: prot };
}

/** Plain text of a cell for display and matching (numbers as Excel shows them in General). */
export function cellText(c: SheetCell | undefined): string {
  if (!c) return '';
  return rawText(c.raw);
}

export function rawText(r: RawCell): string {
  switch (r.type) {
    case 'empty':
      return '';
    case 'text':
      return r.value;
    case 'number':
      return numberText(r.value);
    case 'boolean':
      return r.value ? 'TRUE' : 'FALSE';
    case 'date':
    case 'error':
      return r.value;
    case 'formula':
      return r.cached ? rawText(r.cached) : '';
  }
}

/** Numbers as General format would show them, without float noise (0.1+0.2). */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}
