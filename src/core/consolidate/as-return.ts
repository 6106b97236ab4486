/**
 * What goes into a unit's own return when it is made from the returns of the
 * units below it (a district from its towns, `consolidate --as-return`):
 * per indicator of the unit's template, the value (the tree figure of the
 * unit, tree.ts) in the unit it is typed in, a remark, the town cells it was
 * made from, and why a cell is left blank:
 * - a sum or limit is written only when every unit below reported (a partial
 *   sum would reach the city as the district's figure);
 * - a rate or whole-area figure is the unit's own: left for it to fill in.
 * The towns' findings travel up as a count and the files to look at.
 */

import { nameList } from './name-list';
import type { Period } from '../period';
import { periodLabel } from '../period';
import type { Plan } from '../plan/types';
import type { BelowFindings, SourceCell } from '../return/types';
import type { Lang } from '../rules/finding';
import type { Consolidation, IndicatorSummary } from './types';
import { message } from '../i18n';
import { unitEntryTarget } from '../template/entry-target';

export interface AsReturnItem {
  code: string;
  name: string;
  /** The unit the value is typed in. */
  unit: string;
  /** Value to write (in `unit`), null when left blank. */
  value: number | null;
  remark: string | null;
  /** How it was made or why it is blank, for people. */
  note: string;
  sources: SourceCell[];
}

export interface AsReturn {
  unit: string;
  items: AsReturnItem[];
  belowFindings: BelowFindings;
  /** Accepted returns of the units below. */
  count: number;
  title: string;
}

function label(plan: Plan, code: string): string {
  const u = plan.units.find((x) => x.code === code);
  return u ? u.shortName ?? u.name : code;
}

/** Returns accepted in `result` whose unit is not below `unit` (they cannot go into its return). */
export function outsideReturns(plan: Plan, result: Consolidation, unit: string): { file: string; unit: string }[] {
  const parentOf = new Map(plan.units.filter((u) => u.parent).map((u) => [u.code, u.parent!]));
  const below = (c: string) => {
    for (let p = parentOf.get(c); p; p = parentOf.get(p)) if (p === unit) return true;
    return false;
  };
  return result.returns.filter((r) => r.status === 'accepted' && r.unit && !below(r.unit)).map((r) => ({ file: r.file, unit: r.unit! }));
}

function item(plan: Plan, period: Period, unit: string, s: IndicatorSummary, lang: Lang): AsReturnItem {
  const ind = plan.indicators.find((i) => i.code === s.code)!;
  const entry = unitEntryTarget(plan, ind, period, unit);
  const base = { code: s.code, name: s.name, unit: entry.unit };
  const node = s.tree?.find((n) => n.unit === unit);
  const msg = (key: string, params: Record<string, string | number> = {}) => message(key, params, lang);
  if (ind.rollup === 'rate' || ind.rollup === 'citywide' || ind.kind === 'text')
    return { ...base, value: null, remark: null, note: msg('tree.owned'), sources: [] };
  if (!node || node.value === null) return { ...base, value: null, remark: null, note: msg('tree.none'), sources: [] };
  const sources: SourceCell[] = node.sources.map((p) => ({ file: p.file, unit: p.unit, sheet: p.sheet, cell: p.cell, value: s.units[p.unit] ?? null }));
  if (!node.complete) {
    const reported = new Set(node.sources.map((p) => p.unit));
    const missing = nameList(node.children.filter((c) => !reported.has(c)).map((c) => label(plan, c)), 10, lang);
    return { ...base, value: null, remark: null, note: msg('tree.partial', { count: node.reported.count, expected: node.reported.expected, missing }), sources };
  }
  // The value cell takes the unit's entry unit (亿元 where the city counts 万亿元).
  const value = entry.factor ? Number((node.value / entry.factor).toPrecision(12)) : node.value;
  const count = sources.length;
  const note =
    ind.rollup === 'limit'
      ? msg('tree.made-limit', { count, bad: (node.nonCompliant ?? []).map((c) => label(plan, c)).join('、') || '—' })
      : msg('tree.made', { count });
  return { ...base, value, remark: msg('tree.remark', { note }), note, sources };
}

/** The content of `unit`'s return made from `result` (a consolidation of the returns below it). */
export function asReturn(plan: Plan, period: Period, result: Consolidation, unit: string, lang: Lang): AsReturn {
  const items = result.indicators.filter((s) => plan.indicators.find((i) => i.code === s.code)?.reporters.includes(unit)).map((s) => item(plan, period, unit, s, lang));
  const withFindings = result.returns.filter((r) => r.errors + r.warnings > 0);
  const belowFindings: BelowFindings = {
    errors: withFindings.reduce((n, r) => n + r.errors, 0),
    warnings: withFindings.reduce((n, r) => n + r.warnings, 0),
    files: withFindings.map((r) => r.file),
  };
  const u = plan.units.find((x) => x.code === unit);
  return {
    unit,
    items,
    belowFindings,
    count: result.returns.filter((r) => r.status === 'accepted').length,
    title: message('tree.title', { unit: u ? u.name : unit, period: periodLabel(period, lang) }, lang),
  };
}
