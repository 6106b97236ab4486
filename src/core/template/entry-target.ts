/**
 * What the entry sheet says about an indicator's target for one unit and
 * period, and how its status cell judges the value. Shared by the generator
 * (which writes it) and the rules (which check the clerk did not alter it), so
 * the sheet and the validator always agree.
 *
 * A district's share of a city total is not measured against the city target
 * (450 高新技术企业 in 张家港 is not a miss of "≥ 3000"), and a half-year or
 * quarter value is progress towards the year's target, not a miss of it.
 */

import { targetKey, type Period } from '../period';
import { allocationOf, entryUnitOf } from '../plan/allocation';
import { formatTarget } from '../plan/target';
import { unitOf } from '../plan/lookup';
import type { EntryUnit, Indicator, Plan, Target, UnitKind } from '../plan/types';

/**
 * Whether the period's target measures this unit's own value: limits bind
 * every unit (PUE ≤ 1.3); otherwise the target is the city's, and measures the
 * lead department's city-wide figure. A district or town that co-leads the
 * task still reports its own part, which the city's target does not measure.
 */
export function targetApplies(ind: Indicator, unitCode: string, unitKind?: UnitKind): boolean {
  if (ind.rollup === 'limit') return true;
  return ind.lead.includes(unitCode) && unitKind !== 'district' && unitKind !== 'town';
}

/**
 * How the status cell judges a number:
 * - full: 达标 / 未达标;
 * - met-only: 达标 once the year's target is reached, otherwise 已填 (progress);
 * - none: 已填 (the target is the city's, shown for reference).
 */
export type Judgement = 'full' | 'met-only' | 'none';

export interface EntryTarget {
  /** The target the status judges (in the unit the value is typed in). */
  target: Target | undefined;
  /** The 目标值 cell: "≥ 3000", "全市 ≥ 3000", "全年 ≥ 3000", "本单位 ≥ 450（全市 ≥ 3000）", "—". */
  text: string;
  judgement: Judgement;
  /** The unit the value is typed in (the 单位 cell): the indicator's, or the unit's entry unit. */
  unit: string;
  /** value typed × factor = value in the indicator's unit; absent when they are the same. */
  factor?: number;
}

export const SCOPE_PREFIX = { city: '全市', year: '全年', own: '本单位' } as const;

/** What only the plan knows about one unit: its kind, its own target (目标分解) and the unit it types values in. */
export interface UnitScale {
  /** A district or town reports its part, never the city-wide figure (targetApplies). */
  unitKind?: UnitKind;
  /** The unit's own target for the period's target key, in the indicator's unit. */
  allocation?: Target;
  entryUnit?: EntryUnit;
}

/** A target in another unit: every number × k (亿元 ← 万亿元: k = 10000). */
export function scaleTarget(t: Target | undefined, k: number): Target | undefined {
  if (!t || k === 1) return t;
  const x = (n: number) => Number((n * k).toPrecision(12));
  if (t.op === 'ge' || t.op === 'le' || t.op === 'eq') return { ...t, value: x(t.value) };
  if (t.op === 'range') return { ...t, min: x(t.min), max: x(t.max) };
  return t;
}

export function entryTarget(ind: Indicator, period: Period, unitCode: string, own: UnitScale = {}): EntryTarget {
  const factor = own.entryUnit?.factor;
  const unit = own.entryUnit?.unit ?? ind.unit;
  const toEntry = (t: Target | undefined) => (factor ? scaleTarget(t, 1 / factor) : t);
  const target = toEntry(ind.targets[targetKey(period)]);
  const result = (r: Omit<EntryTarget, 'unit' | 'factor'>): EntryTarget => (factor ? { ...r, unit, factor } : { ...r, unit });
  const base = formatTarget(target, ind.unit);
  const numeric = !!target && target.op !== 'none' && target.op !== 'text';
  const yearPart = period.kind !== 'year' ? SCOPE_PREFIX.year : '';
  // A limit holds at every moment; an amount to reach is reached by year end.
  const partJudgement = (t: Target): Judgement => (period.kind !== 'year' && t.op !== 'le' ? 'met-only' : 'full');
  const allocation = toEntry(own.allocation);
  if (allocation) {
    // The unit's own target judges its value; the city's stays beside it for reference.
    const city = numeric ? `（${SCOPE_PREFIX.city} ${base}）` : '';
    return result({ target: allocation, text: `${SCOPE_PREFIX.own}${yearPart} ${formatTarget(allocation, ind.unit)}${city}`, judgement: partJudgement(allocation) });
  }
  if (!numeric) return result({ target, text: base, judgement: 'full' });
  if (!targetApplies(ind, unitCode, own.unitKind)) return result({ target, text: `${SCOPE_PREFIX.city} ${base}`, judgement: 'none' });
  if (period.kind !== 'year') return result({ target, text: `${SCOPE_PREFIX.year} ${base}`, judgement: partJudgement(target) });
  return result({ target, text: base, judgement: 'full' });
}

/** entryTarget with the unit's own target and entry unit looked up in the plan. */
export function unitEntryTarget(plan: Plan, ind: Indicator, period: Period, unitCode: string): EntryTarget {
  return entryTarget(ind, period, unitCode, unitScale(plan, ind, period, unitCode));
}

export function unitScale(plan: Plan, ind: Indicator, period: Period, unitCode: string): UnitScale {
  const allocation = allocationOf(plan, unitCode, ind.code, targetKey(period))?.target;
  const unit = unitOf(plan, unitCode);
  const entryUnit = entryUnitOf(ind, unit);
  return { ...(unit ? { unitKind: unit.kind } : {}), ...(allocation ? { allocation } : {}), ...(entryUnit ? { entryUnit } : {}) };
}
