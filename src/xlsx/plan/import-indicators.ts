/** The 指标 sheet: one indicator a row, choices and unit lists resolved, each problem at its cell. */

import { CODE_RE } from '../../core/plan/schema';
import { UnitNames, parseEntryUnits, splitList } from './cell-text';
import { Importer, type Src } from './importer';
import {
  ATTRIBUTE_WORDS,
  CHECK_WORDS,
  DIRECTION_WORDS,
  INDICATOR_COLUMNS,
  KIND_WORDS,
  REPORTER_GROUPS,
  ROLLUP_WORDS,
  UNIT_KIND_WORDS,
  YES_NO,
} from './layout';

export interface IndicatorRow {
  src: Src;
  index: number;
}

export function readIndicators(im: Importer, categoryIds: Set<string>, names: UnitNames): { list: Src[]; byCode: Map<string, IndicatorRow> } {
  const list: Src[] = [];
  const byCode = new Map<string, IndicatorRow>();
  const s = im.sheet('indicators', true);
  const cols = s && im.columns(s, INDICATOR_COLUMNS, ['nameEn', 'attribute', 'entryUnits', 'note', 'explanation', 'leadAssumed', 'reportersAssumed', 'tolerance', 'limitMin', 'limitMax']);
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
    if (cell('explanation')) ind.explanation = cell('explanation');
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
export function unitCodes(im: Importer, text: string, at: string, names: UnitNames, groups: boolean): string[] {
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
