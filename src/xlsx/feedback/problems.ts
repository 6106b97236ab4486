/**
 * Which findings go back to a unit: its errors, and its warnings that are not
 * yet explained (a warning that asks for a remark, answered by one, is for
 * the office, not the unit). Notes (info) are never sent back.
 */

import type { Plan } from '../../core/plan/types';
import { indicatorOf } from '../../core/plan/lookup';
import type { Finding } from '../../core/rules/finding';
import type { Problem } from './problem-sheet';

/** What of a return the list needs: each indicator's remark (a ParsedReturn is one). */
export interface RemarksOf {
  entries: ReadonlyMap<string, { remark: string | null }>;
}

export function problemsOf(plan: Plan, ret: RemarksOf, findings: readonly Finding[], lang: 'zh' | 'en'): Problem[] {
  const out: Problem[] = [];
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const remark = f.code ? ret.entries.get(f.code)?.remark : null;
    if (f.severity === 'warning' && f.remarkAt && remark) continue;
    const ind = f.code ? indicatorOf(plan, f.code) : undefined;
    const name = ind ? (lang === 'en' && ind.nameEn ? ind.nameEn : ind.name) : '';
    out.push({ severity: f.severity, code: f.code, name, sheet: f.sheet, cell: f.cell, message: f.message });
  }
  // Errors first, then in sheet order.
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
