/**
 * The public entry points of the validation and consolidation engine. The CLI
 * and the add-in import from here only; the modules behind it may move.
 * Pure TypeScript: runs in Node and in the browser.
 *
 * Rule ids, severities, the "number typed as text" table, unit slips, which
 * targets apply to whom, roll-ups and conflicts are documented in
 * docs/json.md (which also describes the JSON the CLI prints).
 */

import type { Indicator, Plan } from './plan/types';
import type { ParsedReturn, RawCell } from './return/types';
import type { Finding, Lang } from './rules/finding';
import type { Consolidation, UnreadableFile } from './consolidate/types';
import { validate } from './rules/validate';
import { readNumber as readNumberImpl, type NumberReading } from './rules/read-number';
import { progressOf } from './rules/progress';
import { consolidateReturns } from './consolidate/consolidate';

export { message } from './i18n';
export type { MessageKey } from './i18n';
export type { ReaderIssueRule } from './rules/reader-issues';
export { READER_ISSUES } from './rules/reader-issues';
export type { Finding, Severity, Lang } from './rules/finding';
export type {
  Attainment,
  CityFigure,
  Consolidation,
  IndicatorSummary,
  Provenance,
  ReturnOutcome,
  ReturnStatus,
  UnreadableFile,
} from './consolidate/types';
export type { NumberReading } from './rules/read-number';
/**
 * Reading one entry of a return as the rules do: readNumber plus the reader's
 * note on a percent-formatted cell. Use it for a live status column.
 */
export { readEntry } from './rules/read-number';

export interface ValidateOptions {
  lang?: Lang;
  /** Returns of earlier periods (same plan), for the cumulative rules. */
  previous?: ParsedReturn[];
  /** The expected period, if the caller knows it ("2023", "2023H1"). */
  period?: string;
}

/** All findings about one return, errors first, then by row. */
export function validateReturn(plan: Plan, ret: ParsedReturn, opts: ValidateOptions = {}): Finding[] {
  return validate(plan, ret, opts);
}

export interface ConsolidateOptions {
  lang?: Lang;
  /** Returns of earlier periods, for the cumulative rules. */
  previous?: ParsedReturn[];
  /** Two returns from one unit: report both as conflicts (default) or keep the later one. */
  conflict?: 'report' | 'latest';
  /** The round's deadline (ISO date) for on-time / late; default: the templates' own. */
  deadline?: string;
}

/**
 * Consolidates the returns of one plan and period. `returns` may contain files
 * that could not be read at all ({ file, message }); they are listed as rejected.
 */
export function consolidate(
  plan: Plan,
  period: string,
  returns: (ParsedReturn | UnreadableFile)[],
  opts: ConsolidateOptions = {},
): Consolidation {
  return consolidateReturns(plan, period, returns, opts);
}

/** Reading a raw cell as a number: the single place the "value typed as text" rules live. */
export function readNumber(cell: RawCell, ind: Indicator): NumberReading {
  return readNumberImpl(cell, ind);
}

/** The plan a return was generated from (by meta.planId), or null. */
export function findReturnPlan(ret: ParsedReturn, plans: Plan[]): Plan | null {
  if (!ret.meta) return null;
  return plans.find((p) => p.id === ret.meta!.planId) ?? null;
}

/** Counts for the add-in's "已填 42/50 · 达标 30 · 问题 5". */
export function progress(
  plan: Plan,
  ret: ParsedReturn,
  findings: Finding[],
): { filled: number; total: number; met: number; problems: number } {
  return progressOf(plan, ret, findings);
}
