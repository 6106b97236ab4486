/** The periods the 目标 sheet has columns for: every plan year, and any half-year or quarter a target names. */

import type { Plan } from '../../core/plan/types';

export function planPeriods(plan: Plan): string[] {
  const set = new Set(plan.years.map(String));
  for (const i of plan.indicators) for (const p of Object.keys(i.targets)) set.add(p);
  // "2023" < "2023H1" < "2023Q1" < "2024" as strings: years first, then their parts.
  return [...set].sort();
}
