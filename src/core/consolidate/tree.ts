/**
 * Consolidation through the unit tree (city → district → town, any depth):
 * the tree is data, the units' `parent`, never code.
 *
 * For one indicator, the part reporters (roles.ts) hang under the plan owner
 * by their parents. A unit that sent its own return (a district return made
 * from its towns with `--as-return`) stands for everything below it; a unit
 * without one is made from the units below it, by the indicator's roll-up:
 * - sum: the subtotal of the units below;
 * - limit: every unit below is checked, the figure is the worst one;
 * - rate, citywide: not additive; only the level that owns it reports it.
 */

import type { Indicator, Plan, Target } from '../plan/types';
import type { Provenance } from './types';
import type { UnitValue } from './unit-values';
import { evaluateTarget, isNumericTarget } from '../plan/target';
import { clean } from './measures';
import { isReporter } from '../plan/lookup';

/** An intermediate unit's figure, made from the units below it. */
export interface TreeNode {
  unit: string;
  parent: string | null;
  /** The units directly below it that report (or have reporters below). */
  children: string[];
  /** The unit's figure: its own return's value when it sent one, else made from the units below. */
  value: number | null;
  /** `own`: its own return; `below`: made from the units below; `none`: no figure. */
  from: 'own' | 'below' | 'none';
  /** The figure of the units below (also when the unit sent its own, for reconciliation). */
  belowValue: number | null;
  /** Units below with a figure vs units below expected ("已报 3/5"). */
  reported: { count: number; expected: number };
  /** Every unit below, at every depth, has a figure (the made figure is not partial). */
  complete: boolean;
  /** For limits: the units below that do not comply. */
  nonCompliant?: string[];
  /** The cells the figure was made from. */
  sources: Provenance[];
}

/** The part reporters of one indicator arranged under the plan owner. */
export interface UnitTree {
  /** Units directly below the owner that are reporters or have reporters below, in plan order. */
  top: string[];
  children: ReadonlyMap<string, string[]>;
  parent: ReadonlyMap<string, string>;
  reporters: ReadonlySet<string>;
}

/**
 * The tree of `parts`, or null when it is flat (every part directly below the
 * owner, or outside its tree), so flat plans keep their figures exactly.
 */
export function unitTree(plan: Plan, parts: readonly string[]): UnitTree | null {
  const parentOf = new Map(plan.units.filter((u) => u.parent).map((u) => [u.code, u.parent!]));
  const chainOf = (code: string): string[] | null => {
    const chain = [code];
    for (let p = parentOf.get(code); p !== undefined; p = parentOf.get(p)) {
      if (p === plan.owner) return chain;
      if (chain.includes(p)) return null;
      chain.push(p);
    }
    return null;
  };
  const children = new Map<string, string[]>();
  const linked = new Set<string>();
  const parent = new Map<string, string>();
  const top = new Set<string>();
  let deep = false;
  for (const p of parts) {
    const chain = chainOf(p);
    if (!chain) {
      top.add(p);
      continue;
    }
    if (chain.length > 1) deep = true;
    top.add(chain[chain.length - 1]);
    for (let i = 0; i + 1 < chain.length; i++) {
      const child: string = chain[i];
      const up: string = chain[i + 1];
      parent.set(child, up);
      const list: string[] = children.get(up) ?? [];
      // A unit has one parent: child → up is linked once.
      if (!linked.has(child)) {
        linked.add(child);
        list.push(child);
      }
      children.set(up, list);
    }
  }
  if (!deep) return null;
  const order = new Map(plan.units.map((u, i) => [u.code, i]));
  const byPlan = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  for (const list of children.values()) list.sort(byPlan);
  return { top: [...top].sort(byPlan), children, parent, reporters: new Set(parts) };
}

/** Whether the unit or any unit below it has a value. */
function anyBelow(tree: UnitTree, unit: string, has: (u: string) => boolean): boolean {
  return has(unit) || (tree.children.get(unit) ?? []).some((c) => anyBelow(tree, c, has));
}

/**
 * The units whose values make the city figure: a unit with its own value
 * stands for everything below it; otherwise the units below it do. A
 * reporting unit with nothing below it either is expected itself (the
 * district return that did not come).
 */
export function effectiveParts(tree: UnitTree, has: (u: string) => boolean): string[] {
  const walk = (u: string): string[] => {
    if (tree.reporters.has(u) && has(u)) return [u];
    const below = tree.children.get(u) ?? [];
    if (!below.length) return tree.reporters.has(u) ? [u] : [];
    if (tree.reporters.has(u) && !anyBelow(tree, u, has)) return [u];
    return below.flatMap(walk);
  };
  return tree.top.flatMap(walk);
}

interface Made {
  value: number | null;
  complete: boolean;
  sources: Provenance[];
  nonCompliant: string[];
}

/**
 * Every intermediate unit's figure, bottom-up. `values` holds the usable
 * values; `t` is the period's target (limits check every unit against it).
 */
export function treeFigures(tree: UnitTree, ind: Indicator, values: readonly UnitValue[], t: Target | undefined): TreeNode[] {
  const byUnit = new Map(values.map((v) => [v.unit, v]));
  const nodes: TreeNode[] = [];
  const fails = (v: number) => isNumericTarget(t) && !evaluateTarget(t, v, ind.tolerance)!.met;
  const worse = (a: number, b: number) => (ind.direction === 'le' ? a > b : a < b);

  const figure = (u: string): Made => {
    const below = tree.children.get(u) ?? [];
    const own = byUnit.get(u);
    if (!below.length) {
      return own
        ? { value: own.value, complete: true, sources: [own.at], nonCompliant: ind.rollup === 'limit' && fails(own.value) ? [u] : [] }
        : { value: null, complete: false, sources: [], nonCompliant: [] };
    }
    const made = below.map(figure);
    const got = made.filter((m) => m.value !== null);
    let belowValue: number | null = null;
    if (got.length && ind.rollup === 'sum') belowValue = clean(got.reduce((s, m) => s + m.value!, 0));
    if (got.length && ind.rollup === 'limit') belowValue = got.map((m) => m.value!).reduce((w, v) => (worse(v, w) ? v : w));
    const nonCompliant = ind.rollup === 'limit' ? made.flatMap((m) => m.nonCompliant) : [];
    const complete = below.length === got.length && made.every((m) => m.complete);
    const node: TreeNode = {
      unit: u,
      parent: tree.parent.get(u) ?? null,
      children: below,
      value: own ? own.value : belowValue,
      from: own ? 'own' : belowValue !== null ? 'below' : 'none',
      belowValue,
      reported: { count: got.length, expected: below.length },
      // A unit's own return stands complete for everything below it.
      complete: own ? true : complete,
      sources: own ? [own.at] : got.flatMap((m) => m.sources),
    };
    if (ind.rollup === 'limit') node.nonCompliant = own && fails(own.value) ? [u] : nonCompliant;
    nodes.push(node);
    if (own) return { value: own.value, complete: true, sources: [own.at], nonCompliant: node.nonCompliant ?? [] };
    return { value: belowValue, complete, sources: node.sources, nonCompliant };
  };
  for (const u of tree.top) figure(u);
  // Parents first, in the order of the tree.
  const depth = (u: string): number => {
    const up = tree.parent.get(u);
    return up ? 1 + depth(up) : 0;
  };
  const position = new Map(nodes.map((n, i) => [n.unit, i]));
  return nodes.sort((a, b) => depth(a.unit) - depth(b.unit) || position.get(a.unit)! - position.get(b.unit)!);
}

/**
 * Units that need not send a return of their own: a town whose district sent
 * the district return, a district whose towns sent theirs. Used for the
 * missing list.
 */
export function coveredUnits(plan: Plan, returned: ReadonlySet<string>): Set<string> {
  const parentOf = new Map(plan.units.filter((u) => u.parent).map((u) => [u.code, u.parent!]));
  const isBelow = (c: string, up: string) => {
    for (let p = parentOf.get(c); p; p = parentOf.get(p)) if (p === up) return true;
    return false;
  };
  // A district's own indicators (a rate no town reports) still need its own return.
  // Asked for every returned town's district: answered once per district.
  const answers = new Map<string, boolean>();
  const coveredByBelow = (up: string) => {
    let a = answers.get(up);
    if (a === undefined) answers.set(up, (a = plan.indicators.filter((i) => isReporter(i, up)).every((i) => i.reporters.some((r) => isBelow(r, up)))));
    return a;
  };
  const covered = new Set<string>();
  for (const u of returned) {
    for (let p = parentOf.get(u); p && p !== plan.owner; p = parentOf.get(p)) if (coveredByBelow(p)) covered.add(p);
  }
  for (const u of plan.units) {
    for (let p = parentOf.get(u.code); p && p !== plan.owner; p = parentOf.get(p)) {
      if (returned.has(p)) {
        covered.add(u.code);
        break;
      }
    }
  }
  return covered;
}
