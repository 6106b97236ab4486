/**
 * Last period beside this one: 上期, 增量 and 同比/环比 of each city figure,
 * and whether the city is on the straight path from the plan's first-year
 * target to its final-year target.
 */

import type { Indicator, Plan, Target } from '../plan/types';
import type { CityFigure, IndicatorSummary, PeriodComparison, Trajectory } from './types';
import type { ParsedReturn } from '../return/types';
import { parsePeriod, periodEndMonth, periodKey, type Period } from '../period';

/** Months covered by one period of each kind. */
const SPAN: Record<Period['kind'], number> = { year: 12, half: 6, quarter: 3 };

/** yoy: the same period one year before; pop: the period just before (a quarter after the previous quarter). */
export function comparisonBasis(cur: Period, prev: Period): PeriodComparison['basis'] {
  if (cur.kind !== prev.kind) return null;
  const gap = periodEndMonth(cur) - periodEndMonth(prev);
  if (gap === 12) return 'yoy';
  if (gap === SPAN[cur.kind]) return 'pop';
  return null;
}

/** The latest period, before `cur`, among earlier returns of this plan. */
export function previousPeriodOf(plan: Plan, cur: Period, previous: ParsedReturn[]): Period | null {
  let best: Period | null = null;
  for (const r of previous) {
    if (r.meta?.planId !== plan.id) continue;
    const p = parsePeriod(r.meta.period ?? '');
    if (!p || periodEndMonth(p) >= periodEndMonth(cur)) continue;
    if (!best || periodEndMonth(p) > periodEndMonth(best)) best = p;
  }
  return best;
}

/** Indicator code → the previous period's city figure. */
export type PreviousFigures = ReadonlyMap<string, number | null>;

export function cityFigures(before: readonly IndicatorSummary[]): PreviousFigures {
  return new Map(before.map((b) => [b.code, b.city.value]));
}

export function comparePeriods(cur: Period, prev: Period, now: IndicatorSummary[], before: PreviousFigures): void {
  const basis = comparisonBasis(cur, prev);
  for (const ind of now) {
    if (ind.city.attained === 'qualitative') continue;
    const old = before.get(ind.code) ?? null;
    const value = ind.city.value;
    const change = value !== null && old !== null ? round(value - old) : null;
    const rate = basis && change !== null && old ? round(change / Math.abs(old)) : null;
    ind.previous = { period: periodKey(prev), value: old, change, rate, basis: rate === null ? null : basis };
  }
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** The number a target sets a floor or ceiling at; null for words and absent targets. */
function level(t: Target | undefined): number | null {
  if (!t) return null;
  if (t.op === 'ge' || t.op === 'le' || t.op === 'eq') return t.value;
  if (t.op === 'range') return t.min;
  return null;
}

/**
 * Years only: a half or a quarter is not a point on an annual path. The path
 * runs straight between the earliest and the latest year with a numeric
 * target; "at most" targets are on track at or below it.
 */
export function trajectory(plan: Plan, ind: Indicator, cur: Period, city: Pick<CityFigure, 'value' | 'attained' | 'reported'>): Trajectory | undefined {
  const value = city.value;
  if (cur.kind !== 'year' || ind.kind === 'text') return undefined;
  const years = plan.years.filter((y) => level(ind.targets[String(y)]) !== null);
  if (years.length < 2) return undefined;
  const firstYear = years[0];
  const finalYear = years[years.length - 1];
  if (cur.year < firstYear || cur.year > finalYear) return undefined;
  const firstTarget = level(ind.targets[String(firstYear)])!;
  const finalTarget = level(ind.targets[String(finalYear)])!;
  const expected = round(firstTarget + ((finalTarget - firstTarget) * (cur.year - firstYear)) / (finalYear - firstYear));
  const atMost = ind.targets[String(finalYear)]?.op === 'le';
  let onTrack = value === null ? null : atMost ? value <= expected + 1e-9 : value >= expected - 1e-9;
  // As with attainment: a figure with values still missing or left out for
  // checking is judged only where the missing parts cannot change the verdict
  // (a partial sum already at or above an "at least" path can only rise).
  const incomplete = city.attained === 'unverified' || city.reported.count < city.reported.expected;
  if (incomplete && onTrack !== null) {
    const certain = ind.rollup === 'sum' && city.attained !== 'unverified' && (atMost ? !onTrack : onTrack);
    if (!certain) onTrack = null;
  }
  return { firstYear, firstTarget, finalYear, finalTarget, expected, onTrack };
}
