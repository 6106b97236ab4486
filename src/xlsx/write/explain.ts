/**
 * 强制上报说明 in the sheet: the status cell appends "·请说明" while a row
 * needs a remark and has none. A row needs one when its target is missed
 * (the status says 未达标), when the value is far from 上期值
 * (core/template/previous.ts), or when a running total (累计) went down.
 * Only functions every spreadsheet shares (IF, AND, OR, NOT, ABS, LEN, TRIM), so
 * Excel, WPS and LibreOffice ask alike; the rules judge the same cases.
 */

import type { Target, ValueKind } from '../../core/plan/types';
import type { Judgement } from '../../core/template/entry-target';
import { EXPLAIN_SEPARATOR, EXPLAIN_SUFFIX } from '../../core/template/layout';
import { PREVIOUS_JUMP } from '../../core/template/previous';
import { formulaNumber, metCondition } from './status';

export interface ExplainRow {
  target: Target | undefined;
  kind: ValueKind;
  judgement: Judgement;
  /** Value and remark cells, e.g. "F5", "H5". */
  valueRef: string;
  remarkRef: string;
  /** The 上期值 cell, when last period's value of this row is a number. */
  previousRef?: string;
  cumulative: boolean;
  /** The indicator's relative tolerance, as the status formula applies it (so "missed" means the same). */
  tolerance?: number;
}

/** The conditions (formula text) under which the row needs a remark; empty when none can arise. */
export function explainConditions(row: ExplainRow): string[] {
  if (row.kind === 'text') return [];
  const out: string[] = [];
  const met = row.judgement === 'full' ? metCondition(row.target, row.valueRef, row.tolerance ?? 0) : null;
  if (met) out.push(`NOT(${met})`);
  const p = row.previousRef;
  if (p) {
    out.push(`ABS(${row.valueRef}-${p})>${formulaNumber(PREVIOUS_JUMP)}*ABS(${p})`);
    if (row.cumulative) out.push(`${row.valueRef}<${p}`);
  }
  return out;
}

/**
 * The text formula statusFormula appends to a number's status word:
 * "·请说明" while a remark is needed and the remark cell is blank, else "".
 * Undefined when the row can never need one.
 */
export function explainSuffix(row: ExplainRow): string | undefined {
  const conds = explainConditions(row);
  if (!conds.length) return undefined;
  const need = conds.length === 1 ? conds[0] : `OR(${conds.join(',')})`;
  return `IF(AND(LEN(TRIM(${row.remarkRef}))=0,${need}),"${EXPLAIN_SEPARATOR}${EXPLAIN_SUFFIX}","")`;
}

/** Conditional-format condition: the status cell (column-absolute, e.g. "$G5") asks for a remark. */
export function explainRuleFormula(statusRef: string): string {
  return `RIGHT(${statusRef},${[...EXPLAIN_SUFFIX].length})="${EXPLAIN_SUFFIX}"`;
}
