/**
 * What a city figure says beside its value, computed once here so the CLI
 * workbook and the add-in show the same: 完成率 (value ÷ target), the verdict
 * note of a range beaten from above or an approximate target met within its
 * tolerance, and the ranking of the units that make a sum.
 */

import type { Indicator, Target } from '../plan/types';
import type { Lang } from '../rules/finding';
import type { UnitValue } from './unit-values';
import { evaluateTarget } from '../plan/target';
import { formatNumber, message } from '../i18n';

/** Twelve significant digits: no float noise (0.1 + 0.2) in the JSON. */
export function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * 完成率 as a fraction (1 = 100 %), direction-aware:
 * at least (and a "力争 a～b" floor, against a): value ÷ target;
 * at most: target ÷ value (being under is doing better), but null for a
 * limit every unit must keep (PUE ≤ 1.3), where only compliance means something;
 * exactly: value ÷ target. Null with no numeric target, a true band, or a zero target.
 */
export function completion(ind: Indicator, t: Target | undefined, value: number | null): number | null {
  if (!t || value === null) return null;
  const ratio = (a: number, b: number) => (b > 0 && a >= 0 ? clean(a / b) : null);
  switch (t.op) {
    case 'ge':
    case 'eq':
      return ratio(value, t.value);
    case 'le':
      return ind.rollup === 'limit' ? null : ratio(t.value, value);
    case 'range':
      return t.band ? null : ratio(value, t.min);
    default:
      return null;
  }
}

/** "超过目标上限 5" for a floor range beaten from above; the tolerance note for an approximate target. */
export function verdictNote(ind: Indicator, t: Target | undefined, value: number | null, lang: Lang): string | undefined {
  if (!t || value === null) return undefined;
  const ev = evaluateTarget(t, value, ind.tolerance);
  if (!ev?.met) return undefined;
  const unit = ind.unit === '%' ? message('unit.points', {}, lang) : ind.unit;
  if (ev.aboveMax !== undefined) return message('note.above-max', { excess: `${formatNumber(ev.aboveMax)} ${unit}`.trim() }, lang);
  if (ev.tolerated) return message('note.tolerated', { tolerance: `${formatNumber((ind.tolerance ?? 0) * 100)}%` }, lang);
  return undefined;
}

/** Units best first: highest first for "at least" goals, lowest first for "at most". */
export function ranking(ind: Indicator, t: Target | undefined, parts: UnitValue[]): string[] {
  const lowerIsBetter = t ? t.op === 'le' : ind.direction === 'le';
  const position = new Map(ind.reporters.map((u, i) => [u, i]));
  const order = (u: string) => position.get(u) ?? -1;
  return [...parts]
    .sort((a, b) => (lowerIsBetter ? a.value - b.value : b.value - a.value) || order(a.unit) - order(b.unit))
    .map((p) => p.unit);
}
