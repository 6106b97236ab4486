/**
 * The word the entry sheet's status cell shows for a value, computed in
 * TypeScript: the result the status formula (xlsx/write/status.ts,
 * explain.ts) gives, for writers that fill a return and must store that
 * result as the cell's cached value. LibreOffice, WPS and Excel in protected
 * view show the cached value, not a recalculation, so a filled cell whose
 * cache still says 未填 would misinform whoever opens the file.
 *
 * The same target and judgement as the formula (entry-target.ts) and the same
 * comparison as the rules (evaluateTarget, with its epsilon and tolerance).
 */

import { evaluateTarget } from '../plan/target';
import type { ValueKind } from '../plan/types';
import type { EntryTarget } from './entry-target';
import { EXPLAIN_SEPARATOR, EXPLAIN_SUFFIX, STATUS } from './layout';
import { farFromPrevious } from './previous';

export interface StatusCell {
  /** The row's target and how it judges a number (entryTarget / unitEntryTarget). */
  entry: Pick<EntryTarget, 'target' | 'judgement'>;
  kind: ValueKind;
  /** The indicator's relative tolerance of an approximate target. */
  tolerance?: number;
  /** The value cell: a number, text, or null for blank. */
  value: number | string | null;
  /** The remark cell; a blank remark leaves a needed explanation asked for. */
  remark?: string | null;
  /** The 上期值 cell, when the row has a number there (generate --previous). */
  previous?: number;
  cumulative?: boolean;
}

/** "达标", "未达标·请说明", "未填", …: what the status formula evaluates to. */
export function statusWord(cell: StatusCell): string {
  const { entry, value } = cell;
  if (cell.kind === 'text') return value !== null && String(value).trim() ? STATUS.qualitative : STATUS.blank;
  if (typeof value !== 'number' || !Number.isFinite(value)) return STATUS.blank;
  const met = entry.judgement === 'none' ? null : (evaluateTarget(entry.target, value, cell.tolerance ?? 0)?.met ?? null);
  const word = met === null ? (entry.judgement === 'none' ? STATUS.filled : STATUS.noTarget) : met ? STATUS.met : entry.judgement === 'met-only' ? STATUS.filled : STATUS.missed;
  return word + (needsRemark(cell, value, met) && !(cell.remark ?? '').trim() ? EXPLAIN_SEPARATOR + EXPLAIN_SUFFIX : '');
}

/** The 强制上报说明 conditions of explain.ts: a missed target that judges fully, a jump from 上期值, a running total that fell. */
function needsRemark(cell: StatusCell, value: number, met: boolean | null): boolean {
  if (cell.entry.judgement === 'full' && met === false) return true;
  const p = cell.previous;
  if (p === undefined) return false;
  return farFromPrevious(value, p) || (!!cell.cumulative && value < p);
}
