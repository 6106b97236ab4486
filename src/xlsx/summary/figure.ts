/**
 * What the summary shows beside a city figure: how many units it is made of
 * ("已报 5/10"), 完成率, the districts' ranking, values left out, notes.
 *
 * The consolidation engine states these in the JSON (docs/json.md:
 * `reported`, `completion`, `ranking`, `excluded`, `unusable`, `note`). The
 * summary shows the engine's word where it is given and otherwise derives
 * the same from the plan and the unit values, so a Consolidation made before
 * those fields existed still gives a complete sheet.
 */

import type { CityFigure, Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import { parsePeriod, targetKey } from '../../core/period';
import type { Indicator, Plan, Target } from '../../core/plan/types';
import { indicatorOf } from '../../core/plan/lookup';

/** A value left out of a city figure (docs/json.md `CityFigure.excluded`). */
export interface ExcludedValue {
  unit: string;
  value: number | null;
  reason: string;
  message: string;
}

/** The optional fields of a city figure, as the summary reads them. */
interface FigureFields {
  reported?: { count: number; expected: number };
  excluded?: ExcludedValue[];
  completion?: number | null;
  note?: string;
}
interface IndicatorFields {
  ranking?: string[];
  unusable?: Record<string, string>;
}

const fields = (city: CityFigure): FigureFields => city as unknown as FigureFields;
const indicatorFields = (ind: IndicatorSummary): IndicatorFields => ind as unknown as IndicatorFields;

export function planIndicator(plan: Plan, code: string): Indicator | undefined {
  return indicatorOf(plan, code);
}

/** The period's target of an indicator (a half or a quarter: its year's). */
export function periodTarget(ind: Indicator | undefined, period: string): Target | undefined {
  const p = parsePeriod(period);
  return ind?.targets[p ? targetKey(p) : period];
}

/**
 * The units a sum is made of: every reporter but the lead *departments* (a
 * lead department reports the city-wide figure, compared beside); a district
 * that co-leads still reports its own part.
 */
export function summedUnits(plan: Plan, ind: Indicator): string[] {
  const kind = new Map(plan.units.map((u) => [u.code, u.kind]));
  const parts = ind.reporters.filter((u) => !ind.lead.includes(u) || kind.get(u) === 'district');
  return parts.length ? parts : ind.reporters;
}

/** The units a city figure is expected from, by its roll-up. */
function expectedUnits(plan: Plan, ind: Indicator): string[] {
  if (ind.rollup === 'sum') return summedUnits(plan, ind);
  if (ind.rollup === 'limit') return ind.reporters;
  const leads = ind.reporters.filter((u) => ind.lead.includes(u));
  return leads.length ? leads.slice(0, 1) : ind.reporters;
}

/** "已报 5/10": units whose usable values made the figure, of those expected. */
export function reportedOf(plan: Plan, s: IndicatorSummary): { count: number; expected: number } | null {
  const given = fields(s.city).reported;
  if (given) return given;
  const ind = planIndicator(plan, s.code);
  if (!ind) return null;
  const expected = expectedUnits(plan, ind);
  const has = (u: string) => (s.texts ? s.texts[u] != null : typeof s.units[u] === 'number');
  return { count: expected.filter(has).length, expected: expected.length };
}

/** "5/10" for the 已报 column; null when nothing is expected. */
export function reportedText(plan: Plan, s: IndicatorSummary): string | null {
  const r = reportedOf(plan, s);
  return r && r.expected > 0 ? `${r.count}/${r.expected}` : null;
}

/** The longest 已报 text of the summary ("9162/10000"), for its column's width. */
export function longestReportedText(plan: Plan, indicators: readonly IndicatorSummary[]): number {
  return indicators.reduce((n, s) => Math.max(n, reportedText(plan, s)?.length ?? 0), 0);
}

/**
 * value ÷ target as a fraction, for the targets where that reads as progress
 * ("at least", "equal", a range's minimum); null for "at most" targets,
 * text or no target, and a non-positive target.
 */
export function ratioToTarget(target: Target | undefined, value: number | null | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || !target) return null;
  const goal = target.op === 'ge' || target.op === 'eq' ? target.value : target.op === 'range' ? target.min : null;
  return goal && goal > 0 ? value / goal : null;
}

/** 完成率 of the city figure; null where it means nothing (partial sums too). */
export function completionOf(plan: Plan, c: Consolidation, s: IndicatorSummary): number | null {
  const f = fields(s.city);
  if ('completion' in f) return f.completion ?? null;
  const ind = planIndicator(plan, s.code);
  if (!ind || ind.kind === 'text' || ind.rollup === 'limit') return null;
  const r = reportedOf(plan, s);
  // A partial sum is not the city's total: its ratio would read as a shortfall.
  // (No district value at all: the figure is the lead department's city-wide one.)
  if (ind.rollup === 'sum' && r && r.count > 0 && r.count < r.expected) return null;
  return ratioToTarget(periodTarget(ind, c.period), s.city.value);
}

/** Sum roll-ups: reporting units (not lead departments) with usable values, best first. */
export function rankingOf(plan: Plan, s: IndicatorSummary): string[] {
  const given = indicatorFields(s).ranking;
  if (given) return given;
  const ind = planIndicator(plan, s.code);
  if (!ind || ind.rollup !== 'sum' || ind.kind === 'text') return [];
  const sign = ind.direction === 'le' ? 1 : -1;
  return summedUnits(plan, ind)
    .filter((u) => typeof s.units[u] === 'number')
    .sort((a, b) => sign * ((s.units[a] as number) - (s.units[b] as number)));
}

export function excludedOf(s: IndicatorSummary): ExcludedValue[] {
  return fields(s.city).excluded ?? [];
}

export function unusableOf(s: IndicatorSummary): Record<string, string> {
  return indicatorFields(s).unusable ?? {};
}

export function noteOf(s: IndicatorSummary): string | undefined {
  return fields(s.city).note;
}

/** A unit's own target (目标分解) for the period, where the plan gives one. */
export function unitTarget(plan: Plan, code: string, unit: string, period: string): Target | undefined {
  const p = parsePeriod(period);
  const key = p ? targetKey(p) : period;
  const own = (plan as Plan & { allocations?: { unit: string; indicator: string; period: string; target: Target }[] }).allocations?.find(
    (a) => a.unit === unit && a.indicator === code && a.period === key,
  );
  if (own) return own.target;
  const ind = planIndicator(plan, code);
  // A limit (or a target a unit leads) measures the unit's own value.
  return ind && (ind.rollup === 'limit' || ind.lead.includes(unit)) ? periodTarget(ind, period) : undefined;
}

/**
 * A district's 完成率 on an indicator: against its own target where it has
 * one, otherwise its share of the city target (how much of the city's goal
 * it delivered; the districts' shares add up to the city's 完成率).
 */
export function unitCompletion(
  plan: Plan,
  c: Consolidation,
  s: IndicatorSummary,
  unit: string,
): { value: number | null; against: 'own' | 'city' } {
  const own = unitTarget(plan, s.code, unit, c.period);
  if (own) return { value: ratioToTarget(own, s.units[unit]), against: 'own' };
  return { value: ratioToTarget(periodTarget(planIndicator(plan, s.code), c.period), s.units[unit]), against: 'city' };
}
