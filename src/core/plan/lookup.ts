/**
 * Lookups that a town-level plan (thousands of units, each indicator listing
 * them all as reporters) makes often: built once per list and kept while the
 * list is alive, instead of scanning the list for every row of every return.
 * A list edited in place (its length changed) is indexed again.
 */

import type { Indicator, Plan, ReportingUnit } from './types';

const unitIndex = new WeakMap<readonly ReportingUnit[], { count: number; byCode: Map<string, ReportingUnit> }>();
const reporterIndex = new WeakMap<readonly string[], { count: number; set: Set<string> }>();
const indicatorIndex = new WeakMap<readonly Indicator[], { count: number; byCode: Map<string, Indicator> }>();

/** The plan's unit with this code, if any. */
export function unitOf(plan: Plan, code: string): ReportingUnit | undefined {
  let ix = unitIndex.get(plan.units);
  if (!ix || ix.count !== plan.units.length) {
    // First one wins, as Array.find would.
    const byCode = new Map<string, ReportingUnit>();
    for (const u of plan.units) if (!byCode.has(u.code)) byCode.set(u.code, u);
    unitIndex.set(plan.units, (ix = { count: plan.units.length, byCode }));
  }
  return ix.byCode.get(code);
}

/** The plan's indicator with this code, if any. */
export function indicatorOf(plan: Plan, code: string): Indicator | undefined {
  let ix = indicatorIndex.get(plan.indicators);
  if (!ix || ix.count !== plan.indicators.length) {
    const byCode = new Map<string, Indicator>();
    for (const i of plan.indicators) if (!byCode.has(i.code)) byCode.set(i.code, i);
    indicatorIndex.set(plan.indicators, (ix = { count: plan.indicators.length, byCode }));
  }
  return ix.byCode.get(code);
}

/** Whether the unit reports this indicator. */
export function isReporter(ind: Indicator, code: string): boolean {
  let ix = reporterIndex.get(ind.reporters);
  if (!ix || ix.count !== ind.reporters.length) reporterIndex.set(ind.reporters, (ix = { count: ind.reporters.length, set: new Set(ind.reporters) }));
  return ix.set.has(code);
}
