/**
 * The unit tree in the summary (town → district → city): 汇总 shows one
 * column per district, whose figure is its own return's value or the total of
 * its towns (core/consolidate/tree.ts); the towns go to 镇街明细.
 */

import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { TreeNode } from '../../core/consolidate/tree';
import type { Plan } from '../../core/plan/types';

/** Units below another unit of the tree (towns under a district): they get no 汇总 column. */
export function unitsBelow(plan: Plan, c: Consolidation, shown: ReadonlySet<string>): Set<string> {
  const parentOf = new Map(plan.units.filter((u) => u.parent).map((u) => [u.code, u.parent!]));
  const nodes = new Set(c.indicators.flatMap((i) => (i.tree ?? []).map((n) => n.unit)));
  const below = new Set<string>();
  for (const u of shown) {
    for (let p = parentOf.get(u); p && p !== plan.owner; p = parentOf.get(p)) {
      if (nodes.has(p)) {
        below.add(u);
        break;
      }
    }
  }
  return below;
}

/** Intermediate units (districts made from towns) of any indicator. */
export function treeNodeUnits(c: Consolidation): string[] {
  return [...new Set(c.indicators.flatMap((i) => (i.tree ?? []).map((n) => n.unit)))];
}

export function nodeOf(ind: IndicatorSummary, unit: string): TreeNode | undefined {
  return ind.tree?.find((n) => n.unit === unit);
}

/** A unit's figure for 汇总: its own value, else the figure made from the units below it. */
export function unitFigure(ind: IndicatorSummary, unit: string): number | null {
  const own = ind.units[unit];
  if (typeof own === 'number') return own;
  return nodeOf(ind, unit)?.value ?? null;
}
