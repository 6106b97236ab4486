/**
 * Each unit's attainment of its own target (目标分解), for the city summary:
 * which district is behind its share, ranked by how far it got, and whether
 * the split itself holds together (the own targets of a sum indicator add up
 * to less than the city target; an own limit looser than the city's).
 *
 * Pure: works on the plan and the consolidated unit values (already in the
 * indicator's unit, entry units converted), so the CLI, the add-in and the
 * summary writer agree.
 */

import type { Lang } from '../rules/finding';
import { message, formatNumber } from '../i18n';
import { evaluateTarget, formatTarget } from '../plan/target';
import type { Indicator, Plan, Target } from '../plan/types';
import type { PeriodKey } from '../period';
import type { IndicatorSummary } from './types';

export interface OwnTargetRow {
  unit: string;
  /** The own target, readable: "≥ 450". */
  target: string;
  value: number | null;
  attained: 'met' | 'missed' | 'no-data';
  /** Value ÷ own target for "at least" targets (1 = reached); null for limits and exact targets. */
  completion: number | null;
}

export interface OwnTargetSummary {
  code: string;
  /** Units with an own target, best attainment first (direction-aware), those without a value last. */
  rows: OwnTargetRow[];
  /** Problems of the split itself, in the user's language. */
  warnings: string[];
}

/** How far a value got towards a target: higher is better, whatever the direction. */
function score(t: Target, value: number): number {
  switch (t.op) {
    case 'ge':
      return t.value === 0 ? value : value / t.value;
    case 'range':
      return t.min === 0 ? value : value / t.min;
    case 'le':
      // Below the limit is better: the margin under it, relative to it.
      return t.value === 0 ? -value : 1 + (t.value - value) / t.value;
    case 'eq':
      return t.value === 0 ? -Math.abs(value) : 1 - Math.abs(value - t.value) / Math.abs(t.value);
    default:
      return 0;
  }
}

function completionOf(t: Target, value: number): number | null {
  if (t.op === 'ge' && t.value !== 0) return value / t.value;
  if (t.op === 'range' && t.min !== 0) return value / t.min;
  return null;
}

/** The number a target is about, for adding own targets up. */
function floorOf(t: Target): number | null {
  if (t.op === 'ge' || t.op === 'eq') return t.value;
  if (t.op === 'range') return t.min;
  return null;
}

/** Whether an own limit lets through what the city's forbids. */
function looser(own: Target, city: Target): boolean {
  if (city.op === 'le' && own.op === 'le') return own.value > city.value + 1e-9;
  if (city.op === 'ge' && own.op === 'ge') return own.value < city.value - 1e-9;
  return false;
}

function splitWarnings(plan: Plan, ind: Indicator, own: { unit: string; target: Target }[], city: Target | undefined, lang: Lang): string[] {
  if (!city) return [];
  const name = (code: string) => plan.units.find((u) => u.code === code)?.name ?? code;
  const out: string[] = [];
  if (ind.rollup === 'sum') {
    const floors = own.map((o) => floorOf(o.target));
    const cityFloor = floorOf(city);
    if (cityFloor !== null && floors.every((f) => f !== null)) {
      const sum = floors.reduce<number>((a, f) => a + f!, 0);
      if (sum < cityFloor - 1e-9)
        out.push(
          message(
            'own.sum-short',
            { sum: formatNumber(sum), units: own.length, target: formatTarget(city, ind.unit), gap: formatNumber(cityFloor - sum), unit: ind.unit },
            lang,
          ),
        );
    }
  }
  if (ind.rollup === 'limit') {
    for (const o of own)
      if (looser(o.target, city))
        out.push(message('own.looser', { unit: name(o.unit), own: formatTarget(o.target, ind.unit), target: formatTarget(city, ind.unit) }, lang));
  }
  return out;
}

/**
 * Own-target attainment per indicator that has allocations for the period.
 * `indicators` are the consolidation's summaries (unit values already read).
 */
export function ownTargets(plan: Plan, period: PeriodKey, indicators: readonly IndicatorSummary[], lang: Lang = 'zh'): OwnTargetSummary[] {
  if (!plan.allocations?.length) return [];
  const out: OwnTargetSummary[] = [];
  for (const ind of plan.indicators) {
    const own = plan.allocations.filter((a) => a.indicator === ind.code && a.period === period);
    if (!own.length) continue;
    const values = indicators.find((s) => s.code === ind.code)?.units ?? {};
    const rows = own.map((a) => {
      const value = values[a.unit] ?? null;
      const ev = value === null ? null : evaluateTarget(a.target, value);
      const row: OwnTargetRow = {
        unit: a.unit,
        target: formatTarget(a.target, ind.unit),
        value,
        attained: value === null ? 'no-data' : ev?.met ? 'met' : 'missed',
        completion: value === null ? null : completionOf(a.target, value),
      };
      return { row, rank: value === null ? -Infinity : score(a.target, value) };
    });
    rows.sort((x, y) => y.rank - x.rank);
    out.push({ code: ind.code, rows: rows.map((r) => r.row), warnings: splitWarnings(plan, ind, own, ind.targets[period], lang) });
  }
  return out;
}
