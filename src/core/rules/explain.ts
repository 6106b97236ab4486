/**
 * Forced explanations (强制上报说明): a value that needs a word in the remark
 * column — a missed binding target, a value far from last period's, a
 * cumulative value that went down. Without a remark it is an error on a
 * binding indicator and a warning otherwise; with one it is a note (info),
 * except a missed binding target, which stays a warning the office checks.
 */

import type { Indicator, Plan } from '../plan/types';
import type { ParsedReturn, ReturnEntry } from '../return/types';
import type { Severity } from './finding';
import type { Collector } from './validate';
import { parsePeriod, periodEndMonth, periodLabel, type Period } from '../period';
import { formatNumber } from '../i18n';
import { readEntry } from './read-number';
// The same test as the template's status formula (·请说明), so sheet and rules agree.
import { farFromPrevious } from '../template/previous';
import { groupBy } from '../group-by';


/** Severity of a finding that asks for a remark. */
export function explainSeverity(ind: Indicator, explained: boolean): Severity {
  if (explained) return 'info';
  return ind.attribute === 'binding' ? 'error' : 'warning';
}

/**
 * Earlier returns by plan and unit, indexed once per list: every row of every
 * return asks for its unit's, and a town-scale round has ten thousand on
 * each side. Rebuilt if the list's length changes.
 */
const earlierIndex = new WeakMap<readonly ParsedReturn[], { count: number; byUnit: Map<string, ParsedReturn[]> }>();
const planUnit = (planId: string, unit: string) => `${planId}\u0000${unit}`;

function earlierOf(previous: readonly ParsedReturn[], planId: string, unit: string): readonly ParsedReturn[] {
  let index = earlierIndex.get(previous);
  if (!index || index.count !== previous.length) {
    index = { count: previous.length, byUnit: groupBy(previous, (p) => p.meta && planUnit(p.meta.planId, p.meta.unitCode)) };
    earlierIndex.set(previous, index);
  }
  return index.byUnit.get(planUnit(planId, unit)) ?? [];
}

/** The latest return of the same plan and unit from a period before this one. */
export function previousReturn(plan: Plan, ret: ParsedReturn, period: Period, previous: ParsedReturn[]): { ret: ParsedReturn; period: Period } | null {
  let best: { ret: ParsedReturn; period: Period } | null = null;
  const end = periodEndMonth(period);
  for (const p of earlierOf(previous, plan.id, ret.meta!.unitCode)) {
    const pp = parsePeriod(p.meta!.period ?? '');
    if (!pp || periodEndMonth(pp) >= end) continue;
    if (!best || periodEndMonth(pp) >= periodEndMonth(best.period)) best = { ret: p, period: pp };
  }
  return best;
}

/** "+150%" / "−60%": the change against last period, for messages. */
function changeText(value: number, prev: number): string {
  const pct = ((value - prev) / Math.abs(prev)) * 100;
  return `${pct >= 0 ? '+' : '−'}${formatNumber(Math.abs(Math.round(pct * 10) / 10))}%`;
}

/**
 * Checks one value against the unit's own return of the previous period: a
 * cumulative value must not go down; any value that moved by more than
 * half of last period's (PREVIOUS_JUMP; any move from 0) between periods of the same kind
 * (year on year, quarter on quarter) needs a word.
 */
export function previousPeriodFindings(
  plan: Plan,
  ret: ParsedReturn,
  ind: Indicator,
  entry: ReturnEntry,
  value: number,
  period: Period,
  previous: ParsedReturn[],
  c: Collector,
): void {
  const prev = previousReturn(plan, ret, period, previous);
  const prevEntry = prev?.ret.entries.get(ind.code);
  const prevValue = prevEntry && prev ? readEntry(prev.ret, prevEntry, ind, plan).value : null;
  if (!prev || prevValue === null) return;
  const explained = !!entry.remark;
  const severity = explainSeverity(ind, explained);
  const tail = explained ? c.msg('target.explained', { remark: entry.remark }) : ind.attribute === 'binding' ? c.msg('target.binding') + c.msg('explain.required') : '';
  const params = { value: formatNumber(value), prev: formatNumber(prevValue), prevPeriod: periodLabel(prev.period, c.lang) };
  if (ind.cumulative && value < prevValue - 1e-9) {
    c.add(severity, 'value.cumulative-decrease', ind.code, entry.valueAt, c.msg('value.cumulative-decrease', params) + tail, { remarkAt: entry.remarkAt });
    return;
  }
  if (prev.period.kind !== period.kind) return;
  // The template's status asks ·请说明 by the same test, a move from 0 included.
  if (farFromPrevious(value, prevValue)) {
    const change = prevValue === 0 ? c.msg('value.from-zero') : changeText(value, prevValue);
    const text = c.msg('value.far-from-previous', { ...params, change }) + (explained ? tail : tail || c.msg('target.ask-remark'));
    c.add(severity, 'value.far-from-previous', ind.code, entry.valueAt, text, { remarkAt: entry.remarkAt });
  }
}
