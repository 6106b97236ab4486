/**
 * Who a unit is for one indicator's city figure. A lead *department* (or a
 * group company leading a task, kind `other`) reports the city-wide figure; a
 * district reports its own part, whether or not it also co-leads the task
 * (相城区 co-leading 区块链 still reports 相城's enterprises, not the city's).
 */

import type { Indicator, Plan, ReportingUnit } from '../plan/types';

/** Kinds of unit whose value is a part of the city, never the city's figure. */
const PART_KINDS: ReadonlySet<ReportingUnit['kind']> = new Set(['district', 'town']);

/** Unit kinds by code, once per plan: a town-level plan has thousands of units. */
const kinds = new WeakMap<ReportingUnit[], { count: number; byCode: Map<string, ReportingUnit['kind']> }>();

function kindOf(plan: Plan, code: string): ReportingUnit['kind'] | undefined {
  let k = kinds.get(plan.units);
  // Rebuilt when the list changed length (a plan edited in place).
  if (!k || k.count !== plan.units.length) kinds.set(plan.units, (k = { count: plan.units.length, byCode: new Map(plan.units.map((u) => [u.code, u.kind])) }));
  return k.byCode.get(code);
}

/** Leads that report the city-wide figure (departments and other city bodies), in plan order. */
export function citywideLeads(plan: Plan, ind: Indicator): string[] {
  return ind.lead.filter((c) => !PART_KINDS.has(kindOf(plan, c) ?? 'department'));
}

/** Reporters whose values are parts of a sum: everyone but the city-wide leads. */
export function partReporters(plan: Plan, ind: Indicator): string[] {
  const leads = new Set(citywideLeads(plan, ind));
  return ind.reporters.filter((c) => !leads.has(c));
}
