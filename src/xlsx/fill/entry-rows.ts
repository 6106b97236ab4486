/**
 * What a filled entry row shows before anything recalculates: the status
 * cell's cached result, and a row tall enough for the remark written into it.
 *
 * The template stores 未填 as every status formula's cached result (it is
 * blank when generated). LibreOffice, WPS and Excel in protected view or
 * manual calculation show the cached result, so a made return would say 未填
 * beside every filled value. The caller computes the words with the status
 * formula's own rules (core/template/status-word.ts); Excel still
 * recalculates on load (the template's fullCalcOnLoad).
 */

import { ENTRY_COLUMNS } from '../../core/template/layout';
import { wrappedRowHeight } from '../layout-text';
import { columnWidth, rowHeight, setCachedText, setRowHeight } from './sheet-xml';

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)![0]);

/** Writes `word` as the cached result of the status formula in the row of `valueCell` ("F7"). */
export function cacheStatus(xml: string, valueCell: string, word: string): string {
  return setCachedText(xml, `${ENTRY_COLUMNS.status}${rowOf(valueCell)}`, word);
}

/**
 * Grows the remark's row to the wrapped remark (capped at Excel's 409 points);
 * never shrinks it, so the template's height for a long name or target holds.
 */
export function fitRemark(xml: string, remarkCell: string, remark: string): string {
  const r = rowOf(remarkCell);
  const col = /^[A-Z]+/.exec(remarkCell)![0];
  const width = columnWidth(xml, col);
  if (width === undefined) return xml;
  const need = wrappedRowHeight([{ text: remark, width }]);
  const has = rowHeight(xml, r) ?? 0;
  return need > has ? setRowHeight(xml, r, need) : xml;
}
