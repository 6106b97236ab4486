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
import { PlanError, resolvePlan } from '../../core/plan/load';
import type { Plan, ReportingUnit } from '../../core/plan/types';
import { readGrid, GridReadError, type GridSheet } from './grid';
import { UnitNames, splitList } from './cell-text';
import { Importer, type ImportLang, type Src } from './importer';
import { readIndicators } from './import-indicators';
import { readAllocations, readTargets } from './import-targets';
import { CATEGORY_COLUMNS, HEADER_ROW, META_FIELDS, UNIT_COLUMNS, UNIT_KIND_WORDS } from './layout';

export type { ImportLang } from './importer';

/** A plan workbook with problems: every issue's path is "sheet!cell". */
export class PlanWorkbookError extends PlanError {
  override name = 'PlanWorkbookError';
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
