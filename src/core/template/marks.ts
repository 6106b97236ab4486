/**
 * How the add-in marks problem cells so that the clerk sees them whatever
 * the entry sheet's own formats are. Conditional formats win over a cell's
 * direct fill, and the entry sheet's status rules always have one true rule,
 * so a painted fill never shows. Instead the template carries a conditional
 * format of highest priority over the value column, driven by a mark level
 * the add-in writes into a hidden, unlocked helper column of the entry sheet
 * itself, right after the remark column (so a hidden column adds no blank
 * width to the print, and a sheet copied into another workbook with Move or
 * Copy brings its marks rule without a link back to its workbook). The
 * defined name MARK_NAME says where the column is, so the add-in finds it
 * after columns were inserted. Clearing empties the column: the sheet's
 * formats were never touched.
 *
 * The mark of entry row r is the number in row r of the mark column:
 * MARK_LEVEL of the worst finding, blank for none.
 */

import type { Severity } from '../rules/finding';
import { SHEETS } from './layout';

/** Workbook-level name of the mark column, used by the conditional format. */
export const MARK_NAME = 'PS_MARKS';
/** The entry sheet's hidden helper column holding the marks (right after the remark column H). */
export const MARK_COLUMN = 'I';
/** Entry rows that can be marked (1 … MARK_ROWS); far more than any plan's indicators. */
export const MARK_ROWS = 2000;

/** The number written for a row's worst finding. */
export const MARK_LEVEL: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** What MARK_NAME refers to: '指标填报'!$I$1:$I$2000. */
export function markNameRef(): string {
  return `'${SHEETS.entry}'!$${MARK_COLUMN}$1:$${MARK_COLUMN}$${MARK_ROWS}`;
}

/**
 * The condition of the mark rule for the first value row (e.g. 5): that
 * row's mark equals `level`. Row-relative and on the same sheet, so it
 * follows inserted rows and survives a copy; a blank mark is 0, so false.
 */
export function markCondition(firstRow: number, level: number): string {
  return `$${MARK_COLUMN}${firstRow}=${level}`;
}
