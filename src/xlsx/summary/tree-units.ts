/**
 * The unit tree in the summary (town → district → city): 汇总 shows one
 * column per district, whose figure is its own return's value or the total of
 * its towns (core/consolidate/tree.ts); the towns go to 镇街明细.
 */

import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { TreeNode } from '../../core/consolidate/tree';
import type { Plan } from '../../core/plan/types';

export const TOWNS_SHEET = '镇街明细';

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

const NODES = new WeakMap<IndicatorSummary, Map<string, TreeNode>>();

/** The tree node of `unit` for an indicator (looked up in a map: 镇街明细 asks for every town). */
export function nodeOf(ind: IndicatorSummary, unit: string): TreeNode | undefined {
  if (!ind.tree) return undefined;
  let byUnit = NODES.get(ind);
  if (!byUnit) NODES.set(ind, (byUnit = new Map(ind.tree.map((n) => [n.unit, n]))));
  return byUnit.get(unit);
}

/** The units that break a limit anywhere in an indicator's tree. */
export function nonCompliantUnits(ind: IndicatorSummary): Set<string> {
  return new Set((ind.tree ?? []).flatMap((n) => n.nonCompliant ?? []));
}

/** A unit's figure for 汇总: its own value, else the figure made from the units below it. */
export function unitFigure(ind: IndicatorSummary, unit: string): number | null {
  const own = ind.units[unit];
  if (typeof own === 'number') return own;
  return nodeOf(ind, unit)?.value ?? null;
}

/** One row of 镇街明细: a district's subtotal (`node`) or a town, at its depth in the tree. */
export interface TownRow {
  unit: string;
  depth: number;
  node: boolean;
  /** 单位代码, 单位 (indented), 说明, then one value per indicator. */
  cells: (string | number | null)[];
}

/**
 * 镇街明细 as plain rows (no workbook library: the CLI sheet styles them, the
 * add-in writes them through Office.js): each district's subtotal row
 * followed by its towns, at any depth; columns are the indicators with a tree.
 */
export function townRows(plan: Plan, c: Consolidation): { header: string[]; indicators: IndicatorSummary[]; rows: TownRow[] } {
  const inds = c.indicators.filter((i) => i.tree?.length);
  const children = new Map<string, Set<string>>();
  const parent = new Map<string, string | null>();
  for (const ind of inds)
    for (const n of ind.tree!) {
      parent.set(n.unit, n.parent);
      const set = children.get(n.unit) ?? new Set<string>();
      for (const ch of n.children) set.add(ch);
      children.set(n.unit, set);
    }
  const order = new Map(plan.units.map((u, i) => [u.code, i]));
  const byPlan = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const names = new Map(plan.units.map((u) => [u.code, u.name]));
  const name = (code: string) => names.get(code) ?? code;
  const header = ['单位代码', '单位', '说明', ...inds.map((i) => `${i.code} ${i.name}${i.unit ? `（${i.unit}）` : ''}`)];
  const rows: TownRow[] = [];
  const walk = (unit: string, depth: number) => {
    const below = children.get(unit);
    const own = inds.some((ind) => nodeOf(ind, unit)?.from === 'own');
    rows.push({
      unit,
      depth,
      node: !!below,
      cells: [
        unit,
        `${'  '.repeat(depth)}${name(unit)}`,
        below ? `小计：${own ? '本级报表' : '所辖镇街合计'}` : null,
        ...inds.map((ind) => (below ? unitFigure(ind, unit) : ind.units[unit] ?? null)),
      ],
    });
    for (const ch of [...(below ?? [])].sort(byPlan)) walk(ch, depth + 1);
  };
  for (const u of [...parent].filter(([, p]) => p === null).map(([u]) => u).sort(byPlan)) walk(u, 0);
  return { header, indicators: inds, rows };
}
