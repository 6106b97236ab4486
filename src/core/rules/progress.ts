/**
 * The counts behind the add-in's "已填 42/50 · 达标 30 · 问题 5".
 * - total: indicators this unit must report;
 * - filled: of those, value cells that are not blank (readable or not);
 * - met: filled values that meet the period's target as shown on the sheet
 *   (the same comparison as the status column, whether or not the target
 *   binds this unit);
 * - problems: findings that need action (errors and warnings).
 */

import type { Plan } from '../plan/types';
import type { ParsedReturn } from '../return/types';
import type { Finding } from './finding';
import { parsePeriod, targetKey } from '../period';
import { evaluateTarget } from '../plan/target';
import { readEntry } from './read-number';

export function progressOf(plan: Plan, ret: ParsedReturn, findings: Finding[]) {
  const problems = findings.filter((f) => f.severity !== 'info').length;
  if (!ret.meta) return { filled: 0, total: 0, met: 0, problems };
  const unit = ret.meta.unitCode;
  const period = parsePeriod(ret.meta.period ?? '');
  const tk = period ? targetKey(period) : null;
  let filled = 0;
  let total = 0;
  let met = 0;
  for (const ind of plan.indicators) {
    if (!ind.reporters.includes(unit)) continue;
    total++;
    const entry = ret.entries.get(ind.code);
    if (!entry) continue;
    const reading = readEntry(ret, entry, ind, plan);
    const blank = reading.ok && reading.value === null && reading.text === undefined;
    if (blank) continue;
    filled++;
    if (reading.value !== null && tk) {
      const ev = evaluateTarget(ind.targets[tk], reading.value);
      if (ev?.met) met++;
    }
  }
  return { filled, total, met, problems };
}
