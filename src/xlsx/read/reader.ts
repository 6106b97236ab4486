/**
 * From guarded zip to ParsedReturn. Values are found through the defined
 * names (PSV_/PSR_) the generator wrote; Excel and LibreOffice move names
 * with their cells when rows are inserted, deleted or moved, so the names are
 * followed. When a name is gone or disagrees with the code column, the row is
 * found by its code in column A instead, and a StructuralIssue says so.
 */

import type { CellRef, ParsedReturn, RawCell, ReporterInfo, ReturnEntry, ReturnMeta, StructuralIssue } from '../../core/return/types';
import type { ReaderIssueRule } from '../../core/rules/reader-issues';
import {
  ENTRY_COLUMNS,
  ENTRY_FIRST_DATA_ROW,
  ENTRY_HEADER_ROW,
  META_KEYS,
  META_MAGIC,
  REPORTER_NAMES,
  SHEETS,
  STATUS,
  parseCellName,
  valueName,
} from '../../core/template/layout';
import { DEFAULT_LIMITS, type ReadErrorCode, type ReadOptions, type ReadResult } from './types';
import { readErrorMessage } from './messages';
import { classifyOle2, isOle2 } from './ole';
import { openZip, PartReader, ReadReject } from './zip';
import { XmlError, xmlText, type XmlSource } from './xml';
import { parseSheet, getCell, cellText, rawText, numberText, type Sheet, type SheetCell } from './sheet';
import {
  parseRels,
  parseWorkbook,
  parseSharedStrings,
  parseStyles,
  parseCoreModified,
  relsPartOf,
  serialToIso,
  type Relationship,
  type SheetInfo,
  type Styles,
  type WorkbookInfo,
  type FormatKind,
} from './workbook';
import { parseNameTarget } from './names';
import { findEntryBlockIn, type EntryBlock } from './entry-block';
import { readTreeMeta } from '../fill/tree-meta';
import { a1, colToNum, cellKey } from '../../core/a1';

/** Two reader issue ids named here for readability (both are in ReaderIssueRule). */
export const EXTRA_READER_ISSUES = {
  /** The value cell is blank but a number sits in the status/remark column. params: { code, cell, text } */
  wrongColumn: 'reader.value-wrong-column',
  /** The value cell has a percent format (typed "95%", read 0.95). params: { code, value, shown } */
  percentFormat: 'reader.value-percent-format',
} as const satisfies Record<string, ReaderIssueRule>;

type IssueRule = ReaderIssueRule;

export function readReturnImpl(bytes: Uint8Array, fileName: string, opts: ReadOptions): ReadResult {
  const lang = opts.lang === 'en' ? 'en' : 'zh';
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const fail = (code: ReadErrorCode, params: Record<string, string | number> = {}): ReadResult => ({
    ok: false,
    file: fileName,
    code,
    message: readErrorMessage(code, fileName, lang, params),
  });
  try {
    // Accept a Uint8Array from another realm (a Node buffer under jest, an iframe) by its tag.
    if (!(bytes instanceof Uint8Array)) {
      if (Object.prototype.toString.call(bytes) !== '[object Uint8Array]') return fail('read-error', { reason: 'not bytes' });
      const v = bytes as Uint8Array;
      bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    }
    if (bytes.length > limits.maxFileBytes) return fail('too-large', { size: bytes.length, limit: limits.maxFileBytes });
    const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1].toLowerCase() ?? '';
    if (isOle2(bytes)) {
      const kind = classifyOle2(bytes);
      // WPS .et files are OLE2 compound files like .xls: name the one the user has.
      if (kind !== 'encrypted' && ext === 'et') return fail('other-format', { format: 'et' });
      return fail(kind === 'unknown' ? 'ole2' : kind);
    }
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      if (bytes.length >= 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return fail('other-format', { format: 'pdf' });
      if (ext === 'csv' || ext === 'et') return fail('other-format', { format: ext });
      return fail('not-zip');
    }
    const zip = openZip(bytes, limits);
    const parts = new PartReader(bytes, zip, limits, opts.inflater, opts.crc32);
    return { ok: true, ret: new ReturnReader(parts, fileName, opts).read() };
  } catch (e) {
    if (e instanceof ReadReject) return fail(e.code, e.params);
    if (e instanceof XmlError) {
      const m = /^([^:]*): (.*)$/.exec(e.message);
      return fail('bad-xml', { part: m ? m[1] : '', detail: m ? m[2] : e.message });
    }
    return fail('internal', { detail: e instanceof Error ? e.message : String(e) });
  }
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');

const startsWithBom = (b: Uint8Array, at: number) => b.length >= at + 3 && b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf;

function decodeXml(b: Uint8Array, latin1: ReadOptions['latin1']): XmlSource {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return utf16.decode(b.subarray(2));
  if (latin1) {
    // As below: TextDecoder drops one byte order mark, and one more is dropped after it.
    let at = startsWithBom(b, 0) ? 3 : 0;
    if (startsWithBom(b, at)) at += 3;
    return { latin1: latin1.fromBytes(at ? b.subarray(at) : b), utf8: latin1.utf8 };
  }
  const s = utf8.decode(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** A located cell: sheet name plus 1-based row/column. */
interface Loc {
  sheet: string;
  row: number;
  col: number;
}

const ref = (l: Loc): CellRef => ({ sheet: l.sheet, cell: a1(l.row, l.col) });

/** Numeric-looking text (half or full width), as someone typing a value in the wrong column would. */
const NUMERIC_TEXT = /^[\s+\-−]*[0-9０-９][0-9０-９,，.．\s]*[%％]?\s*$/;

/** A cell of shared-string type, with either quote and spacing valid XML allows. */
const SHARED_STRING_CELL = /\st\s*=\s*["']s["']/;

const STATUS_WORDS = new Set<string>(Object.values(STATUS));

/** Without names or the entry sheet's own name, this many sheets are searched for an entry block… */
const MAX_SEARCHED_SHEETS = 12;
/** …skipping parts larger than this (an entry sheet of 1,000 indicators is well under 1 MB). */
const MAX_SEARCHED_SHEET_BYTES = 8 * 1024 * 1024;

class ReturnReader {
  private readonly issues: StructuralIssue[] = [];
  private wb!: WorkbookInfo;
  private wbPart = '';
  private rels = new Map<string, Relationship>();
  private strings: string[] | null = null;
  private styles: Styles | null | undefined;
  private readonly sheets = new Map<string, Sheet | null>();

  constructor(
    private readonly parts: PartReader,
    private readonly fileName: string,
    private readonly opts: ReadOptions,
  ) {}

  private issue(rule: IssueRule, at?: Loc | CellRef, params?: Record<string, string | number>): void {
    const i: StructuralIssue = { rule };
    if (at) i.at = 'cell' in at ? at : ref(at);
    if (params) i.params = params;
    this.issues.push(i);
  }

  private text(part: string): XmlSource | null {
    const b = this.parts.read(part);
    return b ? decodeXml(b, this.opts.latin1) : null;
  }

  read(): ParsedReturn {
    this.checkPackage();
    const wbXml = this.text(this.wbPart);
    if (wbXml === null) throw new ReadReject('not-xlsx', { detail: 'no workbook part' });
    this.wb = parseWorkbook(wbXml, this.wbPart);
    const relsXml = this.text(relsPartOf(this.wbPart));
    if (relsXml !== null) for (const r of parseRels(relsXml, relsPartOf(this.wbPart), this.wbPart)) this.rels.set(r.id, r);

    const meta = this.readMeta();
    const reporterAndNames = this.collectNames();
    const entries = this.readEntries(meta, reporterAndNames.values, reporterAndNames.remarks);
    const reporter = this.readReporter(reporterAndNames.reporter);

    let modifiedAt: string | undefined;
    const coreRel = this.packageRels.find((r) => r.type === 'core-properties' || r.type === 'metadata/core-properties');
    const corePart = coreRel?.target ?? 'docProps/core.xml';
    if (this.parts.has(corePart)) {
      const xml = this.text(corePart);
      if (xml !== null) modifiedAt = parseCoreModified(xml, corePart);
    }
    modifiedAt ??= this.opts.modifiedAt;

    const ret: ParsedReturn = { source: this.fileName, meta, reporter, entries, structural: this.issues };
    if (modifiedAt) ret.modifiedAt = modifiedAt;
    return ret;
  }

  private packageRels: Relationship[] = [];

  /** Refuses macro workbooks and other formats; finds the workbook part. */
  private checkPackage(): void {
    const names = [...this.parts.zip.entries.keys()];
    if (names.some((n) => n.endsWith('vbaproject.bin'))) throw new ReadReject('macro');
    if (this.parts.has('mimetype') && this.parts.has('content.xml')) {
      const mime = xmlText(this.text('mimetype') ?? '');
      const format = /opendocument\.text/.test(mime) ? 'odt' : /opendocument\.presentation/.test(mime) ? 'odp' : 'ods';
      throw new ReadReject('other-format', { format });
    }
    const rootRels = this.text('_rels/.rels');
    if (rootRels !== null) this.packageRels = parseRels(rootRels, '_rels/.rels', '');
    const office = this.packageRels.find((r) => r.type === 'officeDocument' && !r.external);
    this.wbPart = office?.target ?? 'xl/workbook.xml';
    // .xlsb's content type also says "macroEnabled": tell it apart first.
    if (/\.bin$/i.test(this.wbPart) || this.parts.has('xl/workbook.bin')) throw new ReadReject('other-format', { format: 'xlsb' });
    // A Word or PowerPoint file renamed .xlsx: its main part is a document, not a workbook.
    if (/^word\//i.test(this.wbPart) || (!this.parts.has(this.wbPart) && this.parts.has('word/document.xml'))) throw new ReadReject('other-format', { format: 'docx' });
    if (/^ppt\//i.test(this.wbPart) || (!this.parts.has(this.wbPart) && this.parts.has('ppt/presentation.xml'))) throw new ReadReject('other-format', { format: 'pptx' });
    const ct = this.parts.has('[Content_Types].xml') ? this.text('[Content_Types].xml') : null;
    if (ct !== null && /macroEnabled/i.test(xmlText(ct))) throw new ReadReject('macro');
    if (!this.parts.has(this.wbPart)) {
      throw new ReadReject('not-xlsx', { detail: ct === null ? 'not an Office Open XML package' : 'no workbook part' });
    }
  }

  // ---- parts on demand -------------------------------------------------

  private sharedStrings(): string[] {
    if (this.strings) return this.strings;
    const rel = [...this.rels.values()].find((r) => r.type === 'sharedStrings' && !r.external);
    const part = rel?.target ?? (this.parts.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null);
    const xml = part ? this.text(part) : null;
    this.strings = xml !== null && part ? parseSharedStrings(xml, part) : [];
    return this.strings;
  }

  private formatKind(s: number): FormatKind {
    if (s <= 0) return 'other';
    if (this.styles === undefined) {
      const rel = [...this.rels.values()].find((r) => r.type === 'styles' && !r.external);
      const xml = rel ? this.text(rel.target) : null;
      this.styles = xml !== null && rel ? parseStyles(xml, rel.target) : null;
    }
    return this.styles?.xfKind[s] ?? 'other';
  }

  private sheetByName: Map<string, SheetInfo> | null = null;
  private sheetInfo(name: string): SheetInfo | undefined {
    if (!this.sheetByName) {
      this.sheetByName = new Map();
      // The first sheet of a name wins (Excel forbids duplicates; a crafted file may not).
      for (const s of this.wb.sheets) if (!this.sheetByName.has(s.name)) this.sheetByName.set(s.name, s);
    }
    return this.sheetByName.get(name);
  }

  /** Declared size of a sheet's part, to skip huge sheets when merely searching. */
  private sheetPartSize(name: string): number {
    const info = this.sheetInfo(name);
    const rel = info ? this.rels.get(info.rid) : undefined;
    return rel ? this.parts.zip.entries.get(rel.target.toLowerCase())?.size ?? 0 : 0;
  }

  /** Parses a sheet by name once; null when it does not exist or has no part. */
  private sheet(name: string): Sheet | null {
    if (this.sheets.has(name)) return this.sheets.get(name)!;
    const info = this.sheetInfo(name);
    let sheet: Sheet | null = null;
    if (info) {
      const rel = this.rels.get(info.rid);
      if (rel && !rel.external && rel.type === 'worksheet') {
        const xml = this.text(rel.target);
        if (xml !== null) {
          // Only load the shared strings when the sheet uses them.
          // (Either quote: valid XML may write t='s'.)
          const strings = SHARED_STRING_CELL.test(xmlText(xml)) ? this.sharedStrings() : [];
          sheet = parseSheet(xml, rel.target, strings);
        }
      }
    }
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** A cell's raw value with dates (number + date format) resolved to ISO text. */
  private raw(c: SheetCell | undefined): RawCell {
    if (!c) return { type: 'empty' };
    return this.resolveDates(c.raw, c.s);
  }

  private resolveDates(r: RawCell, s: number): RawCell {
    if (r.type === 'number' && this.formatKind(s) === 'date') {
      const iso = serialToIso(r.value, this.wb.date1904);
      return iso ? { type: 'date', value: iso } : r;
    }
    if (r.type === 'formula' && r.cached) return { ...r, cached: this.resolveDates(r.cached, s) };
    return r;
  }

  // ---- metadata ----------------------------------------------------------

  private readMeta(): ReturnMeta | null {
    const info = this.sheetInfo(SHEETS.meta);
    if (!info) return null;
    const sheet = this.sheet(SHEETS.meta);
    if (!sheet) return null;
    const kv = new Map<string, string>();
    for (let r = 1; r <= Math.min(sheet.maxRow, 1000); r++) {
      const key = cellText(getCell(sheet, r, 1)).trim();
      if (key && !kv.has(key)) kv.set(key, metaText(getCell(sheet, r, 2)));
    }
    if (kv.get(META_KEYS.magic) !== META_MAGIC) {
      // The magic line edited away but the rest intact: still ours, with a note.
      if (!kv.get(META_KEYS.planId) || !kv.get(META_KEYS.codes)) return null;
      this.issue('reader.meta-key-missing', undefined, { key: META_KEYS.magic });
    }
    // LibreOffice writes veryHidden back as hidden; Excel users can unhide it.
    if (info.state !== 'veryHidden') this.issue('reader.meta-hidden-state', undefined, { state: info.state });
    const get = (k: string) => kv.get(k) ?? '';
    const meta: ReturnMeta = {
      formatVersion: get(META_KEYS.formatVersion),
      planId: get(META_KEYS.planId),
      planHash: get(META_KEYS.planHash),
      unitCode: get(META_KEYS.unitCode),
      period: get(META_KEYS.period),
      codes: get(META_KEYS.codes)
        .split(/[,，\s]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    };
    if (kv.get(META_KEYS.unitName)) meta.unitName = get(META_KEYS.unitName);
    if (kv.get(META_KEYS.generatedAt)) meta.generatedAt = get(META_KEYS.generatedAt);
    if (kv.get(META_KEYS.deadline)) meta.deadline = get(META_KEYS.deadline);
    // A consolidated return (--as-return) names the lower units' cells behind each value.
    const tree = readTreeMeta(kv);
    if (tree.sources) meta.sources = tree.sources;
    if (tree.belowFindings) meta.belowFindings = tree.belowFindings;
    return meta;
  }

  // ---- defined names -----------------------------------------------------

  private collectNames(): {
    values: Map<string, { name: string; formula: string }>;
    remarks: Map<string, { name: string; formula: string }>;
    reporter: Map<string, string>;
  } {
    const values = new Map<string, { name: string; formula: string; local: boolean }>();
    const remarks = new Map<string, { name: string; formula: string; local: boolean }>();
    const reporter = new Map<string, string>();
    const reporterNames = new Set<string>(Object.values(REPORTER_NAMES));
    for (const n of this.wb.names) {
      const local = n.localSheetId !== undefined;
      if (reporterNames.has(n.name)) {
        if (!local || !reporter.has(n.name)) reporter.set(n.name, n.formula);
        continue;
      }
      const parsed = parseCellName(n.name);
      if (!parsed) continue;
      const map = parsed.kind === 'value' ? values : remarks;
      const prev = map.get(parsed.code);
      // Workbook-scope names win over sheet-scope copies.
      if (!prev || (prev.local && !local)) map.set(parsed.code, { name: n.name, formula: n.formula, local });
    }
    return { values, remarks, reporter };
  }

  /**
   * Where a value name points. openpyxl renames a sheet without touching the
   * names, so a name still aimed at the template's entry sheet, which is gone,
   * means the renamed entry sheet (its rows are then checked by code anyway).
   */
  private locateName(formula: string, entryName: string | null): { loc: Loc; range: boolean } | null {
    const hit = this.locate(formula);
    if (hit || !entryName || entryName === SHEETS.entry || this.sheetInfo(SHEETS.entry)) return hit;
    const t = parseNameTarget(formula);
    return t.kind === 'cell' && t.sheet === SHEETS.entry ? { loc: { sheet: entryName, row: t.row, col: t.col }, range: t.range } : null;
  }

  private locate(formula: string): { loc: Loc; range: boolean } | null {
    const t = parseNameTarget(formula);
    if (t.kind !== 'cell' || !this.sheetInfo(t.sheet)) return null;
    return { loc: { sheet: t.sheet, row: t.row, col: t.col }, range: t.range };
  }

  // ---- entries -----------------------------------------------------------

  /** The entry sheet: by name, else where the value names point, else by its header. */
  private findEntrySheet(meta: ReturnMeta | null, values: Map<string, { formula: string }>): string | null {
    if (this.sheetInfo(SHEETS.entry) && this.sheet(SHEETS.entry)) return SHEETS.entry;
    const votes = new Map<string, number>();
    for (const v of values.values()) {
      const t = parseNameTarget(v.formula);
      if (t.kind === 'cell' && this.sheetInfo(t.sheet) && this.sheet(t.sheet)) votes.set(t.sheet, (votes.get(t.sheet) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [s, n] of votes) if (best === null || n > votes.get(best)!) best = s;
    if (best === null) {
      // Search a few sheets of sane size only: a crafted workbook must not make us parse everything.
      for (const info of this.wb.sheets.slice(0, MAX_SEARCHED_SHEETS)) {
        if (info.name === SHEETS.meta || info.name === SHEETS.instructions) continue;
        if (this.sheetPartSize(info.name) > MAX_SEARCHED_SHEET_BYTES) continue;
        const sh = this.sheet(info.name);
        if (sh && this.block(sh)) {
          best = info.name;
          break;
        }
      }
    }
    if (meta) {
      if (best) this.issue('reader.sheet-renamed', undefined, { sheet: best, expected: SHEETS.entry });
      else this.issue('reader.sheet-missing', undefined, { sheet: SHEETS.entry });
    }
    return best;
  }

  private blockCache = new WeakMap<Sheet, EntryBlock | null>();
  private block(sheet: Sheet): EntryBlock | null {
    if (this.blockCache.has(sheet)) return this.blockCache.get(sheet)!;
    const getter = (row: number, col: number) => {
      const c = sheet.cells.get(cellKey(row, col));
      return c ? cellText(c) : undefined;
    };
    const b = findEntryBlockIn(getter, 1, 1, sheet.maxRow, sheet.maxCol);
    this.blockCache.set(sheet, b);
    return b;
  }

  private readEntries(
    meta: ReturnMeta | null,
    values: Map<string, { name: string; formula: string }>,
    remarks: Map<string, { name: string; formula: string }>,
  ): Map<string, ReturnEntry> {
    const entries = new Map<string, ReturnEntry>();
    const found = this.findEntrySheet(meta, values);
    const entrySheet = found ? this.sheet(found) : null;
    // Only a sheet that actually parsed counts as the entry sheet.
    const entryName = entrySheet ? found : null;
    const block = entrySheet ? this.block(entrySheet) : null;

    const col = {
      code: block?.columns.code ?? colToNum(ENTRY_COLUMNS.code),
      target: block?.columns.target ?? colToNum(ENTRY_COLUMNS.target),
      value: block?.columns.value ?? colToNum(ENTRY_COLUMNS.value),
      status: block?.columns.status ?? colToNum(ENTRY_COLUMNS.status),
      remark: block?.columns.remark ?? colToNum(ENTRY_COLUMNS.remark),
    };
    // Code → its row in the code column (first occurrence; duplicates are ambiguous).
    const rowOf = new Map<string, number | null>();
    for (const r of block?.rows ?? []) rowOf.set(r.code, rowOf.has(r.code) ? null : r.row);

    // Which codes to read: the generated list, then any extra names, else what the sheet shows.
    const codes: string[] = [];
    const seen = new Set<string>();
    const add = (c: string) => {
      if (!seen.has(c)) seen.add(c), codes.push(c);
    };
    meta?.codes.forEach(add);
    for (const c of values.keys()) add(c);
    if (!meta && codes.length === 0) block?.rows.forEach((r) => add(r.code));

    const generatedIndex = new Map((meta?.codes ?? []).map((c, i) => [c, i]));
    const lost: string[] = [];

    for (const code of codes) {
      const vName = values.get(code);
      let at: Loc | null = null;
      const rowByCode = rowOf.get(code) ?? null;
      const byCode: Loc | null = entryName && rowByCode !== null ? { sheet: entryName, row: rowByCode, col: col.value } : null;
      const gi = generatedIndex.get(code);
      const generated = gi !== undefined ? `${SHEETS.entry}!${ENTRY_COLUMNS.value}${ENTRY_FIRST_DATA_ROW + gi}` : '';
      if (vName) {
        const hit = this.locateName(vName.formula, entryName);
        // The name is trusted only when its row shows this code in the code
        // column: a stale name (openpyxl deletes rows without moving names,
        // LibreOffice sorts without them) would hand us a neighbour's value.
        const shownThere = hit && hit.loc.sheet === entryName ? normCode(this.shownCode(entrySheet!, hit.loc.row, col.code) ?? '') : undefined;
        const agrees = shownThere === code;
        if (hit && agrees) {
          at = hit.loc;
          if (hit.loc.col !== col.value || hit.range) this.issue('reader.name-moved', hit.loc, { name: vName.name, code, expected: generated || '?' });
        } else if (byCode) {
          // The code column is the better witness: the value is where the code is.
          if (hit) this.issue('reader.name-moved', byCode, { name: vName.name, code, expected: generated || `${hit.loc.sheet}!${a1(hit.loc.row, hit.loc.col)}` });
          else this.issue('reader.name-found-by-code', byCode, { name: vName.name, code, foundAt: a1(byCode.row, byCode.col) });
          at = byCode;
        } else if (hit) {
          // Pointing at another indicator's row (or off the sheet), and the code is nowhere: lost, never guessed.
          this.issue('reader.name-stale', hit.loc, { name: vName.name, code, cell: `${hit.loc.sheet}!${a1(hit.loc.row, hit.loc.col)}`, shown: shownThere || '—' });
        } else {
          this.issue('reader.name-broken', undefined, { name: vName.name, code });
        }
      } else if (meta) {
        if (byCode) this.issue('reader.name-found-by-code', byCode, { name: valueName(code), code, foundAt: a1(byCode.row, byCode.col) });
        else this.issue('reader.name-missing', undefined, { name: valueName(code), code });
        at = byCode;
      } else {
        at = byCode;
      }
      if (!at) {
        lost.push(code);
        continue;
      }
      const sheet = this.sheet(at.sheet);
      if (!sheet) {
        lost.push(code);
        continue;
      }
      let value = this.raw(getCell(sheet, at.row, at.col));
      if (value.type === 'error' && value.value === '#BADSTRING') {
        this.issue('reader.cell-unreadable', at, { detail: `${at.sheet}!${a1(at.row, at.col)}`, code });
        value = { type: 'empty' };
      }
      const entry: ReturnEntry = { code, value, remark: null, valueAt: ref(at) };

      // Remark: its own name when it resolves (and the value was found by name),
      // else the remark column of the value's row.
      const rName = remarks.get(code);
      const rHit = rName && at !== byCode ? this.locateName(rName.formula, entryName) : null;
      // On the entry sheet the remark is on the value's row, whatever a stale remark name says.
      const rAt: Loc | null =
        at.sheet === entryName
          ? { sheet: at.sheet, row: at.row, col: rHit && rHit.loc.sheet === at.sheet && rHit.loc.row === at.row ? rHit.loc.col : col.remark }
          : rHit?.loc ?? null;
      if (rAt) {
        const rs = this.sheet(rAt.sheet);
        entry.remarkAt = ref(rAt);
        entry.remark = rs ? remarkText(this.raw(getCell(rs, rAt.row, rAt.col))) : null;
      }
      if (entrySheet && at.sheet === entryName) {
        entry.shownCode = this.shownCode(entrySheet, at.row, col.code) ?? '';
        entry.shownTarget = cellText(getCell(entrySheet, at.row, col.target)).trim();
        this.checkRow(entrySheet, entryName!, code, at, value, col);
      }
      const percent = this.percentIssue(sheet, at, value);
      if (percent) this.issue(EXTRA_READER_ISSUES.percentFormat, at, { code, ...percent });
      for (const m of sheet.merges) {
        if (at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right && (m.top !== m.bottom || m.left !== m.right)) {
          this.issue('reader.merged-cell', at, { code, range: `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}` });
          break;
        }
      }
      entries.set(code, entry);
    }

    if (meta && entrySheet) {
      if (!entrySheet.protected) this.issue('reader.protection-removed', undefined, {});
      if (block) {
        const indicatorRows = block.rows.length;
        const lastRow = block.rows.reduce((m, r) => Math.max(m, r.row), block.headerRow);
        const inserted = lastRow - block.headerRow - indicatorRows + Math.max(0, block.headerRow - ENTRY_HEADER_ROW);
        if (inserted > 0) this.issue('reader.row-inserted', undefined, { count: inserted });
      }
    }
    if (meta && lost.length) this.issue('reader.row-deleted', undefined, { count: lost.length, codes: lost.join(',') });
    return entries;
  }

  private shownCode(sheet: Sheet, row: number, codeCol: number): string | undefined {
    const c = getCell(sheet, row, codeCol);
    return c ? cellText(c).trim() : undefined;
  }

  /** A blank value cell with a number beside it in the status or remark column. */
  private checkRow(sheet: Sheet, sheetName: string, code: string, at: Loc, value: RawCell, col: { status: number; remark: number; value: number }): void {
    if (value.type !== 'empty' && !(value.type === 'text' && value.value.trim() === '')) return;
    const candidates = [col.status, col.remark, col.remark + 1].filter((c) => c !== col.value);
    for (const c of candidates) {
      const cell = getCell(sheet, at.row, c);
      if (!cell) continue;
      const r = cell.raw;
      if (r.type === 'formula' || r.type === 'empty') continue;
      const txt = rawText(r).trim();
      if (!txt || STATUS_WORDS.has(txt)) continue;
      const numeric = r.type === 'number' || NUMERIC_TEXT.test(txt);
      if (numeric || c === col.status) {
        this.issue(EXTRA_READER_ISSUES.wrongColumn, { sheet: sheetName, row: at.row, col: c }, { code, cell: a1(at.row, c), text: txt });
        return;
      }
    }
  }

  private percentIssue(sheet: Sheet, at: Loc, value: RawCell): { value: number; shown: string } | null {
    const c = getCell(sheet, at.row, at.col);
    const n = value.type === 'number' ? value.value : value.type === 'formula' && value.cached?.type === 'number' ? value.cached.value : null;
    if (!c || n === null || this.formatKind(c.s) !== 'percent') return null;
    return { value: n, shown: `${numberText(n * 100)}%` };
  }

  // ---- reporter ----------------------------------------------------------

  private readReporter(names: Map<string, string>): ReporterInfo {
    const out: ReporterInfo = {};
    const fields: [keyof ReporterInfo, string][] = [
      ['unit', REPORTER_NAMES.unit],
      ['contact', REPORTER_NAMES.contact],
      ['phone', REPORTER_NAMES.phone],
      ['date', REPORTER_NAMES.date],
      ['head', REPORTER_NAMES.head],
      ['reviewer', REPORTER_NAMES.reviewer],
    ];
    for (const [field, name] of fields) {
      const f = names.get(name);
      const hit = f ? this.locate(f) : null;
      if (!hit) continue;
      const sheet = this.sheet(hit.loc.sheet);
      if (!sheet) continue;
      const raw = this.raw(getCell(sheet, hit.loc.row, hit.loc.col));
      const text = rawText(raw).trim();
      if (text) out[field] = text;
    }
    return out;
  }
}

/** A code as shown, compared with the generated one: spaces and full-width forms ignored. */
function normCode(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).toUpperCase();
}

/** Metadata values as text: numbers without float noise, booleans as true/false, formulas by their cached result. */
function metaText(c: SheetCell | undefined): string {
  if (!c) return '';
  const r = c.raw.type === 'formula' ? c.raw.cached ?? { type: 'empty' as const } : c.raw;
  if (r.type === 'boolean') return r.value ? 'true' : 'false';
  return rawText(r).trim();
}

/** The remark as the reporter typed it; a formula-looking remark ("=见附件") keeps its text. */
function remarkText(r: RawCell): string | null {
  let t: string;
  if (r.type === 'formula') {
    const cached = r.cached && r.cached.type !== 'error' ? rawText(r.cached) : '';
    t = cached.trim() ? cached : `=${r.formula}`;
  } else t = rawText(r);
  t = t.trim();
  return t === '' ? null : t;
}
