/**
 * How the add-in marks problem cells so that the clerk sees them whatever
 * the entry sheet's own formats are. Conditional formats win over a cell's
 * direct fill, and the entry sheet's status rules always have one true rule,
 * so a painted fill never shows. Instead the template carries a conditional
 * format of highest priority over the value column, driven by a mark level
 * the add-in writes beside the row's number in a column of the very hidden
 * metadata sheet (reached through the defined name MARK_NAME). Clearing the
 * marks empties that column: the sheet's formats were never touched.
 *
 * The mark of entry row r is the number in row r of MARK_COLUMN on the
 * metadata sheet: MARK_LEVEL of the worst finding, blank for none.
 */

import type { Severity } from '../rules/finding';
import { SHEETS } from './layout';

/** Workbook-level name of the mark column, used by the conditional format. */
export const MARK_NAME = 'PS_MARKS';
/** Column of the metadata sheet holding the marks (A and B are the key/value rows). */
export const MARK_COLUMN = 'D';
/** Entry rows that can be marked (1 … MARK_ROWS); far more than any plan's indicators. */
export const MARK_ROWS = 2000;

/** The number written for a row's worst finding. */
export const MARK_LEVEL: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** What MARK_NAME refers to: '_plansheet_meta'!$D$1:$D$2000. */
export function markNameRef(): string {
  return `'${SHEETS.meta}'!$${MARK_COLUMN}$1:$${MARK_COLUMN}$${MARK_ROWS}`;
}

/**
 * The condition of the mark rule for a value cell such as "$F5": the row's
 * mark equals `level`. INDEX of a blank cell is 0, so an unmarked row is false.
 */
export function markCondition(valueRef: string, level: number): string {
  return `INDEX(${MARK_NAME},ROW(${valueRef}))=${level}`;
}
