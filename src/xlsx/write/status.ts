/**
 * The entry sheet's status formula: 未填 / 达标 / 未达标 / 无目标 from the
 * value cell and the period's target, written with functions every
 * spreadsheet shares (IF, ISNUMBER, AND, ABS) so Excel, WPS and LibreOffice
 * compute the same word.
 *
 * `judgement` (core/template/entry-target.ts) says whether the target judges
 * this unit's value: a district's share of a city total, or a half-year's
 * progress, shows 已填 instead of 未达标.
 *
 * A cell that does not hold a number (blank, spaces, text) counts as 未填:
 * only a number is a return. Qualitative ("全面推广") and absent targets give
 * 无目标 once a number is entered.
 */

import type { Target, ValueKind } from '../../core/plan/types';
import type { Severity } from '../../core/rules/finding';
import { MARK_LEVEL, markCondition } from '../../core/template/marks';
import type { ExpressionRule } from './validation';
import type { Judgement } from '../../core/template/entry-target';
import { STATUS } from '../../core/template/layout';

/** A number as a formula literal: no exponent, no float noise. */
export function formulaNumber(n: number): string {
  const r = Math.round(n * 1e9) / 1e9;
  // toFixed avoids "1e-7" style output, which some spreadsheets reject.
  return Number.isInteger(r) ? String(r) : r.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The comparison that means "met", or null when the target is not numeric.
 * `tolerance` is the plan's relative tolerance of an approximate target
 * ("2000 家左右"): the bounds widen as in evaluateTarget, so a district at 1950
 * sees 达标 on its sheet exactly when the rules say met.
 */
export function metCondition(t: Target | undefined, ref: string, tolerance = 0): string | null {
  if (!t) return null;
  // The same epsilon as evaluateTarget (target.ts), so the sheet and the rules agree.
  const eps = '0.000000001';
  const slack = (n: number) => Math.abs(n) * Math.max(0, tolerance);
  const atLeast = (n: number) => `${ref}>=${formulaNumber(n - slack(n))}-${eps}`;
  const atMost = (n: number) => `${ref}<=${formulaNumber(n + slack(n))}+${eps}`;
  switch (t.op) {
    case 'ge':
      return atLeast(t.value);
    case 'le':
      return atMost(t.value);
    case 'eq':
      return `ABS(${ref}-${formulaNumber(t.value)})<=${slack(t.value) ? `${formulaNumber(slack(t.value))}+` : ''}${eps}`;
    case 'range':
      // A "力争 a～b" range is met from a on; only a true band has an upper bound.
      if (!t.band) return atLeast(t.min);
      return `AND(${atLeast(t.min)},${atMost(t.max)})`;
    default:
      return null;
  }
}

/**
 * The formula (without "=") for the status cell of a value cell such as "F5".
 * A qualitative indicator (kind "text") is answered in words: any non-blank
 * answer shows 定性.
 */
export function statusFormula(t: Target | undefined, ref: string, kind?: ValueKind, judgement: Judgement = 'full', tolerance = 0): string {
  if (kind === 'text') return `IF(LEN(TRIM(${ref}))>0,${q(STATUS.qualitative)},${q(STATUS.blank)})`;
  const met = judgement === 'none' ? null : metCondition(t, ref, tolerance);
  const otherwise = judgement === 'met-only' ? STATUS.filled : STATUS.missed;
  const filled = met ? `IF(${met},${q(STATUS.met)},${q(otherwise)})` : q(judgement === 'none' ? STATUS.filled : STATUS.noTarget);
  return `IF(ISNUMBER(${ref}),${filled},${q(STATUS.blank)})`;
}

/**
 * Colours of the add-in's marks: saturated, so they stand out from the pastel
 * status colours they cover (white or black bold text stays readable).
 */
export const MARK_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: 'FFE03C31', font: 'FFFFFFFF' },
  warning: { fill: 'FFFFA500', font: 'FF000000' },
  info: { fill: 'FF2F75B5', font: 'FFFFFFFF' },
};

/** A status rule's shape, with bold text. */
export type MarkRule = Omit<ExpressionRule, 'style'> & {
  style: { fill: ExpressionRule['style']['fill']; font: { color: { argb: string }; bold: true } };
};

/**
 * The mark rules over the value column (see core/template/marks.ts): one per
 * severity, priorities 1–3, so they come before the status rules and win
 * where both apply (Excel applies the higher-priority rule's fill and font;
 * LibreOffice and WPS apply the first true rule).
 * @param firstRow the first value row, e.g. 5.
 */
export function markRules(firstRow: number): MarkRule[] {
  return (['error', 'warning', 'info'] as const).map((sev, i) => ({
    type: 'expression',
    priority: i + 1,
    formulae: [markCondition(firstRow, MARK_LEVEL[sev])],
    style: {
      fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: MARK_COLORS[sev].fill } },
      font: { color: { argb: MARK_COLORS[sev].font }, bold: true },
    },
  }));
}
