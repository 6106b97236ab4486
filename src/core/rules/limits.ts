/**
 * Plausibility limits of one unit's value: a number that no unit could report
 * (1e20 家, a PUE of 5000) is a typing accident, not a figure, and must never
 * make a city figure 达标. The plan may state limits per indicator
 * (`Indicator.limits`); otherwise the defaults of its value kind apply. They
 * are wide on purpose: they catch the absurd, the unit-slip test catches the
 * merely odd.
 */

import type { Indicator, ValueKind } from '../plan/types';

export interface Limits {
  min: number;
  max: number;
}

/** Defaults by value kind, in the indicator's own unit. */
export const DEFAULT_LIMITS: Record<Exclude<ValueKind, 'text'>, Limits> = {
  // No Suzhou count (enterprises, stations, patents) comes near a billion.
  count: { min: 0, max: 1e9 },
  // Amounts are in 亿元 / 万个 and the like: 10^12 of those is beyond any economy.
  amount: { min: 0, max: 1e12 },
  percent: { min: 0, max: 100 },
  // Unitless ratios (PUE ≈ 1.1–2): a thousand is already nonsense.
  ratio: { min: 0, max: 1000 },
  // Growth rates and other signed numbers: ±1,000,000 % is not a growth rate.
  number: { min: -1e6, max: 1e6 },
};

/** The limits that apply to an indicator's value: the plan's, else its kind's defaults. */
export function plausibleLimits(ind: Indicator): Limits | null {
  if (ind.kind === 'text') return null;
  const base = DEFAULT_LIMITS[ind.kind];
  return { min: ind.limits?.min ?? base.min, max: ind.limits?.max ?? base.max };
}

/** The violated limit, or null when the value is plausible. */
export function implausible(ind: Indicator, value: number): { bound: 'min' | 'max'; limit: number } | null {
  const l = plausibleLimits(ind);
  if (!l) return null;
  if (value < l.min) return { bound: 'min', limit: l.min };
  if (value > l.max) return { bound: 'max', limit: l.max };
  return null;
}
