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
import { formatTarget } from '../plan/target';
import type { Indicator, Target, UnitKind } from '../plan/types';

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
  target: Target | undefined;
  /** The 目标值 cell: "≥ 3000", "全市 ≥ 3000", "全年 ≥ 3000", "—". */
  text: string;
  judgement: Judgement;
}

export const SCOPE_PREFIX = { city: '全市', year: '全年' } as const;

export function entryTarget(ind: Indicator, period: Period, unitCode: string, unitKind?: UnitKind): EntryTarget {
  const target = ind.targets[targetKey(period)];
  const base = formatTarget(target, ind.unit);
  const numeric = !!target && target.op !== 'none' && target.op !== 'text';
  if (!numeric) return { target, text: base, judgement: 'full' };
  if (!targetApplies(ind, unitCode, unitKind)) return { target, text: `${SCOPE_PREFIX.city} ${base}`, judgement: 'none' };
  if (period.kind !== 'year') {
    // A limit holds at every moment; an amount to reach is reached by year end.
    const judgement = target.op === 'le' ? 'full' : 'met-only';
    return { target, text: `${SCOPE_PREFIX.year} ${base}`, judgement };
  }
  return { target, text: base, judgement: 'full' };
}
