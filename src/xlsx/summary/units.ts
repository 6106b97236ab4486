/**
 * Which reporting units get a column in the summary, in which order, and what
 * they are called. Districts come first (the city compares them with each
 * other), then city departments, then anything else.
 */

import type { Consolidation } from '../../core/consolidate/types';
import type { Plan, ReportingUnit, UnitKind } from '../../core/plan/types';
import { treeNodeUnits } from './tree-units';
import { unitOf } from '../../core/plan/lookup';

const KIND_ORDER: Record<UnitKind, number> = { district: 0, department: 1, city: 2, town: 3, other: 4 };

export interface UnitColumn {
  code: string;
  /** Short name for headers (张家港), falling back to the full name. */
  label: string;
  /** Full name (张家港市). */
  name: string;
  kind: UnitKind;
}

export function unitLabel(plan: Plan, code: string | null | undefined): string {
  if (!code) return '';
  return unitOf(plan, code)?.name ?? code;
}

/** Units that report any indicator of the plan, or turn up in the result. */
export function unitColumns(plan: Plan, c: Consolidation): UnitColumn[] {
  const used = new Set<string>();
  for (const ind of plan.indicators) ind.reporters.forEach((u) => used.add(u));
  for (const ind of c.indicators) Object.keys(ind.units).forEach((u) => used.add(u));
  for (const r of c.returns) if (r.status === 'accepted' && r.unit) used.add(r.unit);
  c.missing.forEach((u) => used.add(u));
  // A district made from its towns has a column even without a return of its own.
  treeNodeUnits(c).forEach((u) => used.add(u));

  const order = new Map(plan.units.map((u, i) => [u.code, i]));
  const known = new Map<string, ReportingUnit>(plan.units.map((u) => [u.code, u]));
  return [...used]
    .map((code): UnitColumn => {
      const u = known.get(code);
      return { code, label: u?.shortName ?? u?.name ?? code, name: u?.name ?? code, kind: u?.kind ?? 'other' };
    })
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (order.get(a.code) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.code) ?? Number.MAX_SAFE_INTEGER) ||
        a.code.localeCompare(b.code),
    );
}

/**
 * The units 报送情况 lists: those that report, sent something, or are
 * missing. A district whose figure is made from its towns has a column in
 * 汇总 but no return is asked of it, so it is not listed as 未报送.
 */
export function submittingUnits(plan: Plan, c: Consolidation, units: readonly UnitColumn[]): UnitColumn[] {
  const reporters = new Set(plan.indicators.flatMap((i) => i.reporters));
  const sent = new Set(c.returns.map((r) => r.unit));
  const missing = new Set(c.missing);
  return units.filter((u) => reporters.has(u.code) || sent.has(u.code) || missing.has(u.code));
}
