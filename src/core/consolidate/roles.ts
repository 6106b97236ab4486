/**
 * Who a unit is for one indicator's city figure. A lead *department* (or a
 * group company leading a task, kind `other`) reports the city-wide figure; a
 * district reports its own part, whether or not it also co-leads the task
 * (相城区 co-leading 区块链 still reports 相城's enterprises, not the city's).
 */

import type { Indicator, Plan, ReportingUnit } from '../plan/types';

/** Kinds of unit whose value is a part of the city, never the city's figure. */
const PART_KINDS: ReadonlySet<ReportingUnit['kind']> = new Set(['district', 'town']);

function kindOf(plan: Plan, code: string): ReportingUnit['kind'] | undefined {
  return plan.units.find((u) => u.code === code)?.kind;
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
