/**
 * A unit's own targets (目标分解) and the unit it types a value in.
 *
 * The seeds set city targets; a city office then splits them among districts.
 * An allocation is one unit's target for one indicator and period, in the same
 * forms as the city's (≥ 450, ≤ 1.3, 3～5). Where a unit has none, its sheet
 * behaves as before (the city target shown for reference).
 *
 * An entry unit lets a district type 电子信息制造业产值 in 亿元 while the city
 * reports 万亿元: value × factor is the value in the indicator's unit.
 */

import type { PeriodKey } from '../period';
import { parseTarget } from './target';
import type { Allocation, EntryUnit, Indicator, Plan, ReportingUnit, Target } from './types';

/** An allocation as written in a plan file: the target as raw text or as an object. */
export interface AllocationSource {
  unit: string;
  indicator: string;
  period: string;
  target: string | (Omit<Target, 'op'> & { op: Target['op'] });
}

export interface AllocationIssue {
  /** Field path, e.g. `allocations[2].unit`. */
  path: string;
  message: string;
}

/**
 * Checks and normalises the plan file's allocations. Every problem is
 * collected (unknown unit or indicator, a unit that does not report the
 * indicator, a period outside the plan, a duplicate, a target that is not a
 * number target).
 */
export function resolveAllocations(
  sources: readonly AllocationSource[],
  indicators: readonly Indicator[],
  unitCodes: ReadonlySet<string>,
  years: readonly number[],
): { allocations: Allocation[]; issues: AllocationIssue[] } {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const issues: AllocationIssue[] = [];
  const seen = new Set<string>();
  const allocations: Allocation[] = [];
  sources.forEach((a, i) => {
    const at = `allocations[${i}]`;
    const ind = byCode.get(a.indicator);
    let ok = true;
    const fail = (field: string, message: string) => {
      issues.push({ path: `${at}.${field}`, message });
      ok = false;
    };
    if (!ind) fail('indicator', `unknown indicator ${a.indicator}`);
    if (!unitCodes.has(a.unit)) fail('unit', `unknown unit ${a.unit}`);
    else if (ind && !ind.reporters.includes(a.unit)) fail('unit', `unit ${a.unit} does not report ${a.indicator}`);
    if (!years.includes(Number(a.period.slice(0, 4))))
      fail('period', `period ${a.period} is outside the plan years ${years.join(', ')}`);
    const key = `${a.unit}|${a.indicator}|${a.period}`;
    if (seen.has(key)) fail('period', `a second target for unit ${a.unit}, ${a.indicator}, ${a.period}`);
    seen.add(key);
    if (!ind || !ok) return;
    const target = typeof a.target === 'string' ? parseTarget(a.target, ind.direction) : (a.target as Target);
    if (target.op === 'text' || target.op === 'none') {
      fail('target', `"${target.raw}" is not a number target (≥ 450, ≤ 1.3, 3～5)`);
      return;
    }
    allocations.push({ unit: a.unit, indicator: a.indicator, period: a.period, target });
  });
  return { allocations, issues };
}

/** Index of allocations by unit, indicator and period; built once per plan. */
const indexCache = new WeakMap<Plan, Map<string, Allocation>>();

function allocationKey(unit: string, indicator: string, period: PeriodKey): string {
  return `${unit}|${indicator}|${period}`;
}

/** The unit's own target for the indicator and period, if the city allocated one. */
export function allocationOf(plan: Plan, unit: string, indicator: string, period: PeriodKey): Allocation | undefined {
  if (!plan.allocations?.length) return undefined;
  let index = indexCache.get(plan);
  if (!index) {
    index = new Map(plan.allocations.map((a) => [allocationKey(a.unit, a.indicator, a.period), a]));
    indexCache.set(plan, index);
  }
  return index.get(allocationKey(unit, indicator, period));
}

/** The unit a unit of this kind types the indicator's value in, when it differs from the indicator's own. */
export function entryUnitOf(ind: Indicator, unit: Pick<ReportingUnit, 'kind'> | undefined): EntryUnit | undefined {
  if (!unit || !ind.entryUnits) return undefined;
  return ind.entryUnits.find((e) => e.kinds.includes(unit.kind));
}

/** Allocations in one order whatever the file's: by indicator, then unit (plan order), then period. */
export function orderAllocations(allocations: Allocation[], indicators: readonly Indicator[], units: readonly ReportingUnit[]): Allocation[] {
  const ind = new Map(indicators.map((i, k) => [i.code, k]));
  const unit = new Map(units.map((u, k) => [u.code, k]));
  return [...allocations].sort(
    (a, b) =>
      ind.get(a.indicator)! - ind.get(b.indicator)! ||
      (unit.get(a.unit) ?? 0) - (unit.get(b.unit) ?? 0) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
}
