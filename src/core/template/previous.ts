/**
 * Last period's values beside this period's (generate --previous): what the
 * 上期值 column shows, and when a value is far enough from it, or a running
 * total (累计) has gone down, that the clerk must explain it (强制上报说明).
 * Pure data, so the writer, the rules and the add-in read it alike.
 */

import { parsePeriod, periodEndMonth, periodKey, type Period } from '../period';
import type { Plan } from '../plan/types';
import type { ParsedReturn } from '../return/types';
import { readEntry } from '../rules/read-number';

/** One unit's last-period values by indicator code: a number, or the words of a qualitative answer. */
export type UnitPrevious = Map<string, number | string>;

export interface PreviousValues {
  /** The period the values belong to ("2022"), shown in the column header. */
  period: string;
  /** Unit code → its values. */
  byUnit: Map<string, UnitPrevious>;
}

/**
 * A change of more than this fraction of last period's value (up or down)
 * asks for a remark: 0.5 = more than half again or less than half of 上期值.
 */
export const PREVIOUS_JUMP = 0.5;

/** Whether `value` is far from `previous` in the sense of PREVIOUS_JUMP (a previous 0 makes any change far). */
export function farFromPrevious(value: number, previous: number): boolean {
  return Math.abs(value - previous) > PREVIOUS_JUMP * Math.abs(previous);
}

/**
 * Last period's values from earlier returns of the same plan: for each unit,
 * its latest return of a period before `period` (the latest of those periods
 * names the column). Values are in the indicator's unit; a value the reader
 * could not take as a number is left out, never guessed.
 */
export function previousFromReturns(plan: Plan, period: Period, returns: ParsedReturn[]): PreviousValues | null {
  const end = periodEndMonth(period);
  const best = new Map<string, { ret: ParsedReturn; period: Period }>();
  for (const ret of returns) {
    const m = ret.meta;
    if (!m || m.planId !== plan.id || !m.unitCode) continue;
    const p = parsePeriod(m.period);
    if (!p || periodEndMonth(p) >= end) continue;
    const had = best.get(m.unitCode);
    if (!had || periodEndMonth(p) > periodEndMonth(had.period)) best.set(m.unitCode, { ret, period: p });
  }
  if (!best.size) return null;
  const byInd = new Map(plan.indicators.map((i) => [i.code, i]));
  const byUnit = new Map<string, UnitPrevious>();
  let latest: Period | null = null;
  for (const [unit, { ret, period: p }] of best) {
    if (!latest || periodEndMonth(p) > periodEndMonth(latest)) latest = p;
    const values: UnitPrevious = new Map();
    for (const [code, entry] of ret.entries) {
      const ind = byInd.get(code);
      if (!ind) continue;
      if (ind.kind === 'text') {
        const text = entry.value.type === 'text' ? entry.value.value.trim() : '';
        if (text) values.set(code, text);
        continue;
      }
      const r = readEntry(ret, entry, ind, plan);
      if (r.ok && r.value !== null) values.set(code, r.value);
    }
    byUnit.set(unit, values);
  }
  // Blank templates of last period are no last-period values.
  if (![...byUnit.values()].some((m) => m.size)) return null;
  return { period: periodKey(latest!), byUnit };
}
