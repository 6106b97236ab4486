/**
 * Small helpers shared by the rules and the consolidation: which target
 * applies to whom, where a row's other cells are, and the unit-slip test.
 */

import type { Indicator, Plan, Target } from '../plan/types';
import type { CellRef } from '../return/types';
import { ENTRY_COLUMNS } from '../template/layout';
import { isPercentIndicator, unitScale } from './read-number';
import type { Finding, Severity } from './finding';

export function targetOf(ind: Indicator, targetPeriod: string | null): Target | undefined {
  return targetPeriod ? ind.targets[targetPeriod] : undefined;
}

/** The single number a target is about (for magnitude comparisons), or null. */
export function targetMagnitude(t: Target | undefined): number | null {
  if (!t) return null;
  if (t.op === 'ge' || t.op === 'le' || t.op === 'eq') return t.value;
  if (t.op === 'range') return (t.min + t.max) / 2;
  return null;
}


/** Row number of an A1 address (F12 → 12); 0 when none. */
export function rowOf(cell: string | null | undefined): number {
  const m = cell ? /(\d+)$/.exec(cell) : null;
  return m ? Number(m[1]) : 0;
}

/** The same row's cell in another entry column (for the code and target cells). */
export function sameRow(at: CellRef, column: keyof typeof ENTRY_COLUMNS): CellRef {
  return { sheet: at.sheet, cell: `${ENTRY_COLUMNS[column]}${rowOf(at.cell)}` };
}

const SCALE_WORDS: [number, string][] = [
  [1, ''],
  [1e3, '千'],
  [1e4, '万'],
  [1e6, '百万'],
  [1e7, '千万'],
  [1e8, '亿'],
  [1e12, '万亿'],
];

/** Drops float noise from a computed suggestion (0.92 × 100 = 92.00000000000001). */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

export interface Slip {
  kind: 'percent' | 'magnitude';
  /** The value the number probably meant, in the indicator's unit. */
  suggest: number;
  /** value / reference, for the message. */
  ratio: number;
  /** The unit the filler probably used ("个", "元"). */
  from: string;
}

/**
 * The unit-slip test: a value off from a plausible reference by a unit's
 * factor. `bothSides` also looks for values 1000× too small, which is only
 * safe when the reference is of the same scale as the unit's own value (a
 * target that applies to the unit, or the median of other units).
 */
export function unitSlip(ind: Indicator, value: number, reference: number | null, bothSides: boolean): Slip | null {
  if (reference === null || !(reference > 0) || !(value > 0)) return null;
  // Any indicator in % (growth rates of kind number too): 0.3 against a 30 % target is 30 % typed as a fraction.
  if (isPercentIndicator(ind)) {
    if (value <= 1 && reference > 1) return { kind: 'percent', suggest: clean(value * 100), ratio: value / reference, from: '' };
    return null;
  }
  // A unit slip needs a unit to slip from: not for unitless ratios (PUE).
  if (!ind.unit || ind.kind === 'ratio' || ind.kind === 'text') return null;
  const ratio = value / reference;
  const far = Math.abs(Math.log10(ratio));
  if (far < 3 || (!bothSides && ratio < 1)) return null;
  const candidates = [1e4, 1e8, 1e-4, 1e-8].filter((f) => (ratio > 1 ? f > 1 : f < 1));
  const factor = candidates.reduce((best, f) =>
    Math.abs(Math.log10(ratio / f)) < Math.abs(Math.log10(ratio / best)) ? f : best,
  );
  const scale = unitScale(ind.unit);
  const base = scale ? scale.base : ind.unit;
  const entered = (scale ? scale.factor : 1) / factor;
  const word = SCALE_WORDS.find(([f]) => Math.abs(f - entered) < entered * 1e-9);
  // No unit the filler could have used (nothing is smaller than 家): a typo
  // perhaps, but not a unit slip.
  if (!word) return null;
  return { kind: 'magnitude', suggest: clean(value / factor), ratio, from: `${word[1]}${base}` };
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; within each, by row (whole-return findings first). */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || rowOf(a.f.cell) - rowOf(b.f.cell) || a.i - b.i,
    )
    .map(({ f }) => f);
}

const hashCache = new WeakMap<Plan, string>();
/** planHash, computed once per plan object (plans are immutable once resolved). */
export function cachedHash(plan: Plan, compute: (p: Plan) => string): string {
  let h = hashCache.get(plan);
  if (h === undefined) {
    h = compute(plan);
    hashCache.set(plan, h);
  }
  return h;
}
