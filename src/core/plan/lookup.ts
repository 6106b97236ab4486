/**
 * Lookups that a town-level plan (thousands of units, each indicator listing
 * them all as reporters) makes often: built once per list and kept while the
 * list is alive, instead of scanning the list for every row of every return.
 * A list edited in place (its length changed) is indexed again.
 */

import type { Indicator, Plan, ReportingUnit } from './types';

const codeIndex = new WeakMap<readonly { code: string }[], { count: number; byCode: Map<string, { code: string }> }>();
const reporterIndex = new WeakMap<readonly string[], { count: number; set: Set<string> }>();

/** The item of `list` with this code; the first one wins, as Array.find would. */
function byCode<T extends { code: string }>(list: readonly T[], code: string): T | undefined {
  let ix = codeIndex.get(list);
  if (!ix || ix.count !== list.length) {
    const map = new Map<string, T>();
    for (const it of list) if (!map.has(it.code)) map.set(it.code, it);
    codeIndex.set(list, (ix = { count: list.length, byCode: map }));
  }
  return ix.byCode.get(code) as T | undefined;
}

/** The plan's unit with this code, if any. */
export function unitOf(plan: Plan, code: string): ReportingUnit | undefined {
  return byCode(plan.units, code);
}

/** The plan's indicator with this code, if any. */
export function indicatorOf(plan: Plan, code: string): Indicator | undefined {
  return byCode(plan.indicators, code);
}

/** Whether the unit reports this indicator. */
export function isReporter(ind: Indicator, code: string): boolean {
  let ix = reporterIndex.get(ind.reporters);
  if (!ix || ix.count !== ind.reporters.length) reporterIndex.set(ind.reporters, (ix = { count: ind.reporters.length, set: new Set(ind.reporters) }));
  return ix.set.has(code);
}
