/**
 * What the summary's charts show, as plain tables (no ExcelJS): attainment
 * counted per category, and each district's 完成率 on the key indicators.
 */

import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { ATTAINMENT_WORDS } from './labels';
import { periodTarget, planIndicator, unitCompletion } from './figure';
import type { UnitColumn } from './units';

/** The judged verdicts a category bar is stacked from, in order. */
export const ATTAINMENT_SERIES = ['met', 'missed', 'unverified', 'no-data'] as const;

export interface CategoryAttainment {
  category: string;
  /** Count per verdict, in ATTAINMENT_SERIES order. */
  counts: number[];
  /** Qualitative goals and indicators without a target: not judged. */
  notJudged: number;
}

/** Top-level category of an indicator (a sub-category counts for its parent). */
function topCategory(plan: Plan, id: string): string {
  const cat = plan.categories.find((c) => c.id === id);
  const top = cat?.parent ? plan.categories.find((c) => c.id === cat.parent) ?? cat : cat;
  return top?.name ?? id;
}

export function attainmentByCategory(plan: Plan, c: Consolidation): CategoryAttainment[] {
  const rows = new Map<string, CategoryAttainment>();
  for (const ind of c.indicators) {
    const name = topCategory(plan, ind.category);
    let row = rows.get(name);
    if (!row) rows.set(name, (row = { category: name, counts: ATTAINMENT_SERIES.map(() => 0), notJudged: 0 }));
    const k = ATTAINMENT_SERIES.indexOf(ind.city.attained as (typeof ATTAINMENT_SERIES)[number]);
    if (k >= 0) row.counts[k]++;
    else row.notJudged++;
  }
  return [...rows.values()];
}

export const ATTAINMENT_SERIES_WORDS = ATTAINMENT_SERIES.map((a) => ATTAINMENT_WORDS[a]);

/** At most this many key indicators share the district chart (bars stay readable). */
export const MAX_KEY_INDICATORS = 4;

/**
 * The key indicators of the district chart: sums with a numeric "at least"
 * target that districts reported; binding (约束性) first, then those most
 * districts reported, then plan order.
 */
export function keyIndicators(plan: Plan, c: Consolidation, districts: UnitColumn[]): IndicatorSummary[] {
  const candidates = c.indicators
    .map((s, order) => {
      const ind = planIndicator(plan, s.code);
      const t = periodTarget(ind, c.period);
      const numeric = !!t && (t.op === 'ge' || t.op === 'eq' || t.op === 'range');
      const reported = districts.filter((d) => typeof s.units[d.code] === 'number').length;
      return { s, order, ok: !!ind && ind.rollup === 'sum' && ind.kind !== 'text' && numeric && reported > 0, binding: ind?.attribute === 'binding', reported };
    })
    .filter((x) => x.ok);
  candidates.sort((a, b) => Number(b.binding) - Number(a.binding) || b.reported - a.reported || a.order - b.order);
  return candidates
    .slice(0, MAX_KEY_INDICATORS)
    .sort((a, b) => a.order - b.order)
    .map((x) => x.s);
}

export interface DistrictCompletion {
  indicators: { code: string; label: string; against: 'own' | 'city' | 'mixed' }[];
  /** Per district: 完成率 per key indicator (null: no value). */
  rows: { district: UnitColumn; values: (number | null)[] }[];
}

export function districtCompletion(plan: Plan, c: Consolidation, districts: UnitColumn[]): DistrictCompletion {
  const keys = keyIndicators(plan, c, districts);
  const rows = districts.map((d) => ({ district: d, values: keys.map((s) => unitCompletion(plan, c, s, d.code).value) }));
  const indicators = keys.map((s) => {
    const kinds = new Set(districts.map((d) => unitCompletion(plan, c, s, d.code).against));
    const against = kinds.size > 1 ? 'mixed' : ([...kinds][0] ?? 'city');
    return { code: s.code, label: s.name, against } as const;
  });
  return { indicators, rows };
}
