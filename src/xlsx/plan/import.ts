/**
 * Reads a plan workbook (written by export.ts, then edited by a person) into
 * the plan model. Every problem is collected, each naming its sheet and cell
 * ("指标 Indicators!K7"), and nothing is returned from a workbook with errors.
 *
 * The workbook is turned into the plan file's source form and handed to the
 * same `resolvePlan` as a JSON plan, so both are checked by one set of rules;
 * the source paths it reports (indicators[3].lead[0]) are mapped back to cells.
 */

import { CODE_RE } from '../../core/plan/schema';
import { PlanError, resolvePlan, type PlanIssue } from '../../core/plan/load';
import { parseTarget } from '../../core/plan/target';
import { parseReading } from '../../core/plan/target-reading';
import type { Plan, ReportingUnit } from '../../core/plan/types';
import { message, type MessageKey, type MessageParams } from '../../core/i18n';
import { a1 } from '../../core/a1';
import { readGrid, GridReadError, type GridSheet } from './grid';
import { UnitNames, parseEntryUnits, splitList } from './cell-text';
import {
  ALLOCATION_COLUMNS,
  ATTRIBUTE_WORDS,
  CATEGORY_COLUMNS,
  CHECK_WORDS,
  DIRECTION_WORDS,
  HEADER_ROW,
  INDICATOR_COLUMNS,
  KIND_WORDS,
  META_FIELDS,
  PLAN_SHEETS,
  REPORTER_GROUPS,
  ROLLUP_WORDS,
  TARGET_COLUMNS,
  TARGET_READING,
  UNIT_COLUMNS,
  UNIT_KIND_WORDS,
  YES_NO,
  choiceOf,
  type Column,
  type PlanSheetKey,
} from './layout';

export type ImportLang = 'zh' | 'en' | 'both';

/** A plan workbook with problems: every issue's path is "sheet!cell". */
export class PlanWorkbookError extends PlanError {
  override name = 'PlanWorkbookError';
}

type Src = Record<string, unknown>;

const PERIOD_HEAD = /^(\d{4}(?:H[12]|Q[1-4])?)(?:\s|$)/;

class Importer {
  readonly issues: PlanIssue[] = [];
  /** Source field path → the cell it came from. */
  readonly where = new Map<string, string>();
  private readonly sheets = new Map<PlanSheetKey, GridSheet>();

  constructor(
    grid: GridSheet[],
    readonly registry: { units: ReportingUnit[] },
    private readonly lang: ImportLang,
  ) {
    for (const s of grid) {
      const zh = s.name.trim().split(/\s+/)[0];
      const key = (Object.keys(PLAN_SHEETS) as PlanSheetKey[]).find((k) => PLAN_SHEETS[k].zh === zh);
      if (key && !this.sheets.has(key)) this.sheets.set(key, s);
    }
  }

  words(key: MessageKey, params: MessageParams = {}): string {
    if (this.lang !== 'both') return message(key, params, this.lang);
    return `${message(key, params, 'zh')}\n      ${message(key, params, 'en')}`;
  }

  issue(at: string, key: MessageKey, params: MessageParams = {}): void {
    this.issues.push({ path: at, message: this.words(key, params) });
  }

  has(key: PlanSheetKey): boolean {
    return this.sheets.has(key);
  }

  sheet(key: PlanSheetKey, required: boolean): GridSheet | undefined {
    const s = this.sheets.get(key);
    if (!s && required) this.issue(`${PLAN_SHEETS[key].zh} ${PLAN_SHEETS[key].en}`, 'planwb.sheet-missing', { sheet: PLAN_SHEETS[key].zh });
    return s;
  }

  /** Column numbers by key, found by header text (either language); a missing required column is an issue. */
  columns(s: GridSheet, cols: readonly Column[], optional: string[] = []): Map<string, number> | null {
    const found = new Map<string, number>();
    for (let c = 1; c <= s.maxCol; c++) {
      const [zh, en] = s.text(HEADER_ROW, c).split(/\n/).map((x) => x.trim());
      const col = cols.find((k) => k.zh === zh || k.en === zh || (en !== undefined && k.en === en));
      if (col && !found.has(col.key)) found.set(col.key, c);
    }
    let ok = true;
    for (const c of cols) {
      if (found.has(c.key) || optional.includes(c.key)) continue;
      this.issue(`${s.name}!${a1(HEADER_ROW, 1)}`, 'planwb.column-missing', { sheet: s.name, row: HEADER_ROW, column: `${c.zh} ${c.en}` });
      ok = false;
    }
    return ok ? found : null;
  }

  /** Data rows with something in one of these columns. */
  *rows(s: GridSheet, cols: Iterable<number>): Generator<number> {
    const list = [...cols];
    for (let r = HEADER_ROW + 1; r <= s.maxRow; r++) if (list.some((c) => s.text(r, c) !== '')) yield r;
  }

  ref(s: GridSheet, row: number, col: number): string {
    return `${s.name}!${a1(row, col)}`;
  }

  choice<K extends string>(s: GridSheet, row: number, col: number, words: Record<K, string>, field: string): K | undefined {
    const text = s.text(row, col);
    const k = choiceOf(words, text);
    if (!k) this.issue(this.ref(s, row, col), text ? 'planwb.choice' : 'planwb.required', { value: text, field, options: Object.values(words).join('、') });
    return k;
  }
}

/**
 * Reads a plan workbook. `registry` is the shared unit registry
 * (templates/units.json), as for a JSON plan file.
 * @throws PlanWorkbookError listing every problem by sheet and cell.
 */
export function importPlanWorkbook(bytes: Uint8Array, fileName: string, registry: unknown, lang: ImportLang = 'both'): Plan {
  const reg = registry as { units: ReportingUnit[] };
  let grid: GridSheet[];
  try {
    grid = readGrid(bytes);
  } catch (e) {
    if (!(e instanceof GridReadError)) throw e;
    const none = new Importer([], reg, lang);
    none.issue(fileName, 'planwb.unreadable', { reason: e.reason });
    throw new PlanWorkbookError(fileName, none.issues);
  }
  const importer = new Importer(grid, reg, lang);
  const source = buildSource(importer);
  if (importer.issues.length) throw new PlanWorkbookError(fileName, importer.issues);
  try {
    return resolvePlan(source, registry, fileName);
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    // What only the plan rules see (a unit tree loop, a code used twice across sheets): name the cell.
    const issues = e.issues.map((i) => ({ path: cellOf(importer.where, i.path) ?? fileName, message: importer.words('planwb.plan-check', { detail: `${i.path}: ${i.message}` }) }));
    throw new PlanWorkbookError(fileName, issues);
  }
}

/** The cell a source path came from: the longest registered prefix (indicators[3].lead[0] → indicators[3].lead). */
function cellOf(where: Map<string, string>, path: string): string | undefined {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\]|\([^)]*\))$/, '')) {
    const hit = where.get(p);
    if (hit) return hit;
    if (!/(\.[^.[\]]+|\[\d+\]|\([^)]*\))$/.test(p)) break;
  }
  return undefined;
}

function buildSource(im: Importer): Src {
  const src: Src = {};
  const meta = readMeta(im, src);
  const categories = readCategories(im);
  src.categories = categories.list;
  const units = readUnits(im);
  src.units = units;
  const names = new UnitNames([...(im.registry.units ?? []), ...units]);
  const districts = new Set(
    [...(im.registry.units ?? []), ...units].filter((u) => u.kind === 'district' && u.parent === src.owner).map((u) => u.code),
  );
  const indicators = readIndicators(im, categories.ids, names);
  src.indicators = indicators.list;
  if (!im.has('indicators')) {
    // Without the indicators, every target and allocation line would be "unknown": say only what is missing.
    if (!im.has('targets')) im.sheet('targets', true);
    return src;
  }
  readTargets(im, indicators.byCode, meta.years);
  const allocations = readAllocations(im, indicators.byCode, names, meta.years, districts);
  if (allocations.length) src.allocations = allocations;
  return src;
}

function readMeta(im: Importer, src: Src): { years: number[] } {
  const s = im.sheet('meta', true);
  if (!s) return { years: [] };
  const rowOf = new Map<string, number>();
  for (let r = HEADER_ROW + 1; r <= s.maxRow; r++) {
    const key = s.text(r, 2);
    const label = s.text(r, 1).split('\n')[0].trim();
    const f = META_FIELDS.find((m) => m.key === key || m.zh === label);
    if (f && !rowOf.has(f.key)) rowOf.set(f.key, r);
  }
  let years: number[] = [];
  for (const f of META_FIELDS) {
    const r = rowOf.get(f.key);
    // A field row that was deleted: name the sheet.
    const at = r ? im.ref(s, r, 3) : s.name;
    const v = r ? s.text(r, 3) : '';
    im.where.set(f.key, at);
    const required = ['id', 'title', 'issuer', 'years', 'owner', 'source'].includes(f.key);
    if (!v) {
      if (required) im.issue(at, 'planwb.required', { field: `${f.zh} ${f.en}` });
      continue;
    }
    if (f.key === 'years') {
      const parts = splitList(v);
      if (!parts.length || parts.some((p) => !/^\d{4}$/.test(p))) im.issue(at, 'planwb.years', { value: v });
      else src.years = years = parts.map(Number);
    } else src[f.key] = v;
  }
  return { years };
}

function readCategories(im: Importer): { list: Src[]; ids: Set<string> } {
  const list: Src[] = [];
  const ids = new Set<string>();
  const s = im.sheet('categories', true);
  const cols = s && im.columns(s, CATEGORY_COLUMNS, ['nameEn', 'parent']);
  if (!s || !cols) return { list, ids };
  const firstRow = new Map<string, number>();
  const parents: [number, string][] = [];
  for (const r of im.rows(s, cols.values())) {
    const c: Src = {};
    const at = `categories[${list.length}]`;
    for (const col of CATEGORY_COLUMNS) {
      const n = cols.get(col.key);
      const v = n ? s.text(r, n) : '';
      if (n) im.where.set(`${at}.${col.key}`, im.ref(s, r, n));
      if (v) c[col.key] = v;
      else if (col.key === 'id' || col.key === 'name') im.issue(im.ref(s, r, n!), 'planwb.required', { field: `${col.zh} ${col.en}` });
    }
    im.where.set(at, im.ref(s, r, cols.get('id')!));
    const id = c.id as string | undefined;
    if (id) {
      if (firstRow.has(id)) im.issue(im.ref(s, r, cols.get('id')!), 'planwb.duplicate', { value: id, row: firstRow.get(id)! });
      else firstRow.set(id, r);
      ids.add(id);
    }
    if (c.parent) parents.push([r, c.parent as string]);
    list.push(c);
  }
  for (const [r, p] of parents) if (!ids.has(p)) im.issue(im.ref(s, r, cols.get('parent')!), 'planwb.category-unknown', { value: p });
  return { list, ids };
}

function readUnits(im: Importer): ReportingUnit[] {
  const out: ReportingUnit[] = [];
  const s = im.sheet('units', false);
  const cols = s && im.columns(s, UNIT_COLUMNS, ['shortName', 'nameEn', 'parent']);
  if (!s || !cols) return out;
  const firstRow = new Map<string, number>();
  for (const r of im.rows(s, cols.values())) {
    const at = `units[${out.length}]`;
    const cell = (k: string) => (cols.has(k) ? s.text(r, cols.get(k)!) : '');
    const code = cell('code');
    const codeAt = im.ref(s, r, cols.get('code')!);
    im.where.set(at, codeAt);
    im.where.set(`units(${code})`, codeAt);
    for (const k of cols.keys()) im.where.set(`${at}.${k}`, im.ref(s, r, cols.get(k)!));
    if (!code) im.issue(codeAt, 'planwb.required', { field: '单位代码 code' });
    else if (!CODE_RE.test(code)) im.issue(codeAt, 'planwb.code-format', { value: code });
    else if (firstRow.has(code)) im.issue(codeAt, 'planwb.duplicate', { value: code, row: firstRow.get(code)! });
    else firstRow.set(code, r);
    if (!cell('name')) im.issue(im.ref(s, r, cols.get('name')!), 'planwb.required', { field: '单位名称 name' });
    // A shared unit keeps its name everywhere: returns and other plans know it by it.
    const shared = im.registry.units?.find((u) => u.code === code);
    if (shared && cell('name') && shared.name !== cell('name'))
      im.issue(im.ref(s, r, cols.get('name')!), 'planwb.unit-renamed', { code, name: shared.name, value: cell('name') });
    const kind = im.choice(s, r, cols.get('kind')!, UNIT_KIND_WORDS, '单位类别 kind');
    const u: ReportingUnit = { code, name: cell('name'), kind: kind ?? 'other' };
    if (cell('shortName')) u.shortName = cell('shortName');
    if (cell('nameEn')) u.nameEn = cell('nameEn');
    if (cell('parent')) u.parent = cell('parent');
    out.push(u);
  }
  return out;
}

interface IndicatorRow {
  src: Src;
  index: number;
}

function readIndicators(im: Importer, categoryIds: Set<string>, names: UnitNames): { list: Src[]; byCode: Map<string, IndicatorRow> } {
  const list: Src[] = [];
  const byCode = new Map<string, IndicatorRow>();
  const s = im.sheet('indicators', true);
  const cols = s && im.columns(s, INDICATOR_COLUMNS, ['nameEn', 'attribute', 'entryUnits', 'note', 'leadAssumed', 'reportersAssumed', 'tolerance', 'limitMin', 'limitMax']);
  if (!s || !cols) return { list, byCode };
  const firstRow = new Map<string, number>();
  for (const r of im.rows(s, cols.values())) {
    const index = list.length;
    const at = `indicators[${index}]`;
    const cell = (k: string) => (cols.has(k) ? s.text(r, cols.get(k)!) : '');
    const ref = (k: string) => im.ref(s, r, cols.get(k)!);
    for (const k of cols.keys()) im.where.set(`${at}.${k}`, ref(k));
    im.where.set(at, ref('code'));
    im.where.set(`${at}.source`, ref('sourceDoc'));
    im.where.set(`${at}.source.doc`, ref('sourceDoc'));
    im.where.set(`${at}.source.where`, ref('sourceWhere'));
    const ind: Src = {};
    const required = (k: string, label: string): string => {
      const v = cell(k);
      if (!v) im.issue(ref(k), 'planwb.required', { field: label });
      return v;
    };
    const code = required('code', '指标代码 code');
    if (code && !CODE_RE.test(code)) im.issue(ref('code'), 'planwb.code-format', { value: code });
    else if (code && firstRow.has(code)) im.issue(ref('code'), 'planwb.duplicate', { value: code, row: firstRow.get(code)! });
    else if (code) firstRow.set(code, r);
    ind.code = code;
    ind.name = required('name', '指标名称 name');
    if (cell('nameEn')) ind.nameEn = cell('nameEn');
    ind.unit = cell('unit');
    const category = required('category', '类型 category');
    if (category && !categoryIds.has(category)) im.issue(ref('category'), 'planwb.category-unknown', { value: category });
    ind.category = category;
    ind.direction = im.choice(s, r, cols.get('direction')!, DIRECTION_WORDS, '方向 direction');
    if (cols.has('attribute') && cell('attribute')) {
      const a = im.choice(s, r, cols.get('attribute')!, ATTRIBUTE_WORDS, '属性 attribute');
      if (a && a !== 'none') ind.attribute = a;
    }
    ind.cumulative = im.choice(s, r, cols.get('cumulative')!, YES_NO, '累计 cumulative') === 'yes';
    ind.kind = im.choice(s, r, cols.get('kind')!, KIND_WORDS, '值类型 kind');
    if (ind.kind === 'percent' && ind.unit !== '%') im.issue(ref('unit'), 'planwb.percent-unit');
    ind.rollup = im.choice(s, r, cols.get('rollup')!, ROLLUP_WORDS, '汇总方式 rollup');
    ind.lead = unitCodes(im, required('lead', '牵头单位 lead'), ref('lead'), names, false);
    ind.leadAssumed = cols.has('leadAssumed') && cell('leadAssumed') ? im.choice(s, r, cols.get('leadAssumed')!, CHECK_WORDS, '牵头单位核实 lead checked') === 'assumed' : false;
    ind.reporters = unitCodes(im, required('reporters', '填报单位 reporters'), ref('reporters'), names, true);
    ind.reportersAssumed =
      cols.has('reportersAssumed') && cell('reportersAssumed')
        ? im.choice(s, r, cols.get('reportersAssumed')!, CHECK_WORDS, '填报单位核实 reporters checked') === 'assumed'
        : false;
    ind.targets = {};
    ind.source = { doc: required('sourceDoc', '来源文件 source document'), where: required('sourceWhere', '来源位置 where in the source') };
    if (cell('note')) ind.note = cell('note');
    // Tolerance (5% or 0.05) and plausibility limits: fields of the shared model contract.
    if (cell('tolerance')) {
      const t = numberIn(cell('tolerance'));
      if (t === null || t < 0) im.issue(ref('tolerance'), 'planwb.number', { value: cell('tolerance') });
      else ind.tolerance = t;
    }
    for (const [k, field] of [['limitMin', 'min'], ['limitMax', 'max']] as const) {
      if (!cell(k)) continue;
      const n = numberIn(cell(k), false);
      if (n === null) im.issue(ref(k), 'planwb.number', { value: cell(k) });
      else ind.limits = { ...((ind.limits as object) ?? {}), [field]: n };
    }
    if (cell('entryUnits')) {
      const eu = parseEntryUnits(cell('entryUnits'));
      if (!eu) im.issue(ref('entryUnits'), 'planwb.entry-units', { value: cell('entryUnits'), kinds: Object.values(UNIT_KIND_WORDS).join('、') });
      else ind.entryUnits = eu;
    }
    list.push(ind);
    if (code && !byCode.has(code)) byCode.set(code, { src: ind, index });
  }
  return { list, byCode };
}

/** A number cell: "5%" is 0.05 when `percent` allows it; null when not a number. */
function numberIn(text: string, percent = true): number | null {
  const m = /^\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(%?)\s*$/.exec(text.replace(/％/g, '%'));
  if (!m || (m[2] && !percent)) return null;
  return m[2] ? Number((Number(m[1]) / 100).toPrecision(12)) : Number(m[1]);
}

/** A list of unit names/codes → codes; group words → the plan file's groups (@districts, @lead). */
function unitCodes(im: Importer, text: string, at: string, names: UnitNames, groups: boolean): string[] {
  const out: string[] = [];
  for (const w of splitList(text)) {
    if (groups && w === REPORTER_GROUPS.districts) out.push('@districts');
    else if (groups && w === REPORTER_GROUPS.lead) out.push('@lead');
    else if (groups && (w === '@districts' || w === '@lead')) out.push(w);
    else {
      const hit = names.code(w);
      if ('code' in hit) out.push(hit.code);
      else if ('ambiguous' in hit) im.issue(at, 'planwb.unit-ambiguous', { value: w, codes: hit.ambiguous.join('、') });
      else im.issue(at, 'planwb.unit-unknown', { value: w });
    }
  }
  return out;
}

/** Period columns after the fixed ones: header "2023 原文" / "2023 解读" / "2023 分解目标". */
function periodColumns(im: Importer, s: GridSheet, fixed: Map<string, number>): { period: string; col: number; reading: boolean }[] {
  const out: { period: string; col: number; reading: boolean }[] = [];
  const used = new Set(fixed.values());
  for (let c = 1; c <= s.maxCol; c++) {
    if (used.has(c)) continue;
    const head = s.text(HEADER_ROW, c);
    if (!head) continue;
    const m = PERIOD_HEAD.exec(head);
    if (!m) {
      im.issue(im.ref(s, HEADER_ROW, c), 'planwb.period-header', { value: head.replace(/\n/g, ' ') });
      continue;
    }
    out.push({ period: m[1], col: c, reading: head.includes(TARGET_READING.zh) || head.includes(TARGET_READING.en) });
  }
  return out;
}

function checkPeriod(im: Importer, at: string, period: string, years: number[]): boolean {
  if (!years.length || years.includes(Number(period.slice(0, 4)))) return true;
  im.issue(at, 'planwb.period-outside', { period, years: years.join('、') });
  return false;
}

function readTargets(im: Importer, byCode: Map<string, IndicatorRow>, years: number[]): void {
  const s = im.sheet('targets', true);
  const cols = s && im.columns(s, TARGET_COLUMNS, ['name', 'unit']);
  if (!s || !cols) return;
  const periods = periodColumns(im, s, cols);
  const raws = periods.filter((p) => !p.reading);
  for (const r of im.rows(s, [cols.get('code')!, ...periods.map((p) => p.col)])) {
    const code = s.text(r, cols.get('code')!);
    const row = byCode.get(code);
    if (!row) {
      im.issue(im.ref(s, r, cols.get('code')!), code ? 'planwb.indicator-unknown' : 'planwb.required', { value: code, field: '指标代码 code' });
      continue;
    }
    const targets = row.src.targets as Src;
    for (const p of raws) {
      const readingCol = periods.find((q) => q.reading && q.period === p.period)?.col;
      const raw = s.text(r, p.col);
      const reading = readingCol ? s.text(r, readingCol) : '';
      if (!raw && !reading) continue;
      const at = im.ref(s, r, reading ? readingCol! : p.col);
      if (!checkPeriod(im, at, p.period, years)) continue;
      im.where.set(`indicators[${row.index}].targets.${p.period}`, at);
      if (!reading) {
        targets[p.period] = raw;
        continue;
      }
      const t = parseReading(reading, raw || reading);
      if (!t) im.issue(at, 'planwb.reading', { value: reading });
      else targets[p.period] = t;
    }
  }
}

function readAllocations(
  im: Importer,
  byCode: Map<string, IndicatorRow>,
  names: UnitNames,
  years: number[],
  districts: Set<string>,
): Src[] {
  const out: Src[] = [];
  const s = im.sheet('allocations', false);
  const cols = s && im.columns(s, ALLOCATION_COLUMNS, ['name', 'unit', 'unitName', 'cityTarget']);
  if (!s || !cols) return out;
  const periods = periodColumns(im, s, cols);
  for (let r = HEADER_ROW + 1; r <= s.maxRow; r++) {
    const filled = periods.filter((p) => s.text(r, p.col) !== '');
    // A line with no target typed is an offer, not an allocation.
    if (!filled.length) continue;
    const codeAt = im.ref(s, r, cols.get('indicator')!);
    const unitAt = im.ref(s, r, cols.get('unitCode')!);
    const code = s.text(r, cols.get('indicator')!);
    const row = byCode.get(code);
    if (!row) im.issue(codeAt, code ? 'planwb.indicator-unknown' : 'planwb.required', { value: code, field: '指标代码 indicator code' });
    const unitWord = s.text(r, cols.get('unitCode')!);
    const unit = unitWord ? unitCodes(im, unitWord, unitAt, names, false)[0] : undefined;
    if (!unitWord) im.issue(unitAt, 'planwb.required', { field: '单位代码 unit code' });
    if (!row || !unit) continue;
    const reporters = expandReporters(row.src, districts);
    if (!reporters.includes(unit)) {
      im.issue(unitAt, 'planwb.allocation-not-reporter', { unit: unitWord, indicator: code });
      continue;
    }
    const direction = (row.src.direction as 'ge' | 'le' | 'eq' | undefined) ?? 'ge';
    for (const p of filled) {
      const text = s.text(r, p.col);
      const at = im.ref(s, r, p.col);
      if (!checkPeriod(im, at, p.period, years)) continue;
      let t = parseTarget(text, direction);
      if (t.op === 'text') t = parseReading(text, text) ?? t;
      if (t.op === 'text' || t.op === 'none') {
        im.issue(at, 'planwb.allocation-target', { value: text });
        continue;
      }
      const path = `allocations[${out.length}]`;
      im.where.set(path, at);
      for (const k of ['unit', 'indicator', 'period', 'target']) im.where.set(`${path}.${k}`, k === 'unit' ? unitAt : k === 'indicator' ? codeAt : at);
      // The text itself where it reads as the target ("450 以上"), else the reading ("= 5").
      out.push({ unit, indicator: code, period: p.period, target: parseTarget(text, direction).op === t.op ? text : t });
    }
  }
  return out;
}

/** The reporters an indicator row names, with the groups expanded as resolvePlan will. */
function expandReporters(ind: Src, districts: Set<string>): string[] {
  const out: string[] = [];
  for (const r of (ind.reporters as string[]) ?? []) {
    if (r === '@districts') out.push(...districts);
    else if (r === '@lead') out.push(...((ind.lead as string[]) ?? []));
    else out.push(r);
  }
  return out;
}
