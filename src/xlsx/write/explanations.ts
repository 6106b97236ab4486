/**
 * The 指标解释 sheet: what each of the unit's indicators counts and how, from
 * the plan's `explanation` (else its note), so the printed form carries the
 * definitions a statistical report prints beside its table.
 */

import type ExcelJS from 'exceljs';
import type { Indicator } from '../../core/plan/types';
import { EXPLANATION_SHEET } from '../../core/template/layout';
import { wrappedRowHeight } from '../layout-text';
import { STYLE } from './styles';

const COLUMNS = [
  { header: '指标代码', width: 13, style: STYLE.cellCenter },
  { header: '指标名称', width: 36, style: STYLE.cellWrap },
  { header: '单位', width: 10, style: STYLE.cellCenter },
  { header: '指标解释', width: 70, style: STYLE.cellWrap },
] as const;

export function writeExplanations(wb: ExcelJS.Workbook, indicators: Indicator[], protect: (ws: ExcelJS.Worksheet) => void): void {
  const ws = wb.addWorksheet(EXPLANATION_SHEET, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const title = ws.getCell(1, 1);
  title.value = EXPLANATION_SHEET;
  title.style = STYLE.title;
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getRow(1).height = 30;
  COLUMNS.forEach((c, i) => {
    const h = ws.getCell(2, i + 1);
    h.value = c.header;
    h.style = STYLE.header;
  });
  indicators.forEach((ind, k) => {
    const r = ws.getRow(k + 3);
    const text = ind.explanation ?? ind.note ?? '—';
    [ind.code, ind.name, ind.unit || '—', text].forEach((v, i) => {
      const c = r.getCell(i + 1);
      c.value = v;
      c.style = COLUMNS[i].style;
    });
    // LibreOffice and WPS do not grow a row to its wrapped text when printing.
    r.height = wrappedRowHeight([
      { text: ind.name, width: COLUMNS[1].width },
      { text, width: COLUMNS[3].width },
    ]);
  });
  protect(ws);
}
