/**
 * 数据溯源: for each city figure, every unit value it was made from and the
 * exact file, sheet and cell it was read from, so any number in 汇总 can be
 * checked against the return it came from. A value from a district return
 * made from its towns (`--as-return`) is followed by the town cells behind it.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { PROVENANCE_HEADERS, SUMMARY_SHEETS } from './labels';
import { numberValue, printSetup, textValue, writeHeader, writeRow } from './cells';
import { unitLabel } from './units';

const HEADER_ROW = 1;

export function addProvenanceSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.provenance, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  writeHeader(ws, HEADER_ROW, PROVENANCE_HEADERS);
  let r = HEADER_ROW + 1;
  for (const ind of c.indicators) {
    for (const src of ind.city.sources) {
      const row = ws.getRow(r++);
      const values = [
        ind.code,
        textValue(ind.name),
        textValue(unitLabel(plan, src.unit)),
        ind.texts?.[src.unit] != null ? textValue(ind.texts[src.unit]) : numberValue(ind.units[src.unit]),
        textValue(src.file),
        textValue(src.sheet),
        textValue(src.cell),
      ];
      writeRow(row, values);
      // A district return made from its towns: the town cells behind its cell, indented under it.
      for (const town of src.via ?? []) {
        const sub = ws.getRow(r++);
        writeRow(sub, [ind.code, textValue(ind.name), textValue(`  └ ${unitLabel(plan, town.unit)}`), numberValue(town.value), textValue(town.file), textValue(town.sheet), textValue(town.cell)]);
        sub.outlineLevel = 1;
      }
    }
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW + 1, r - 1), column: PROVENANCE_HEADERS.length } };
  [14, 36, 14, 12, 36, 12, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws, `1:${HEADER_ROW}`);
  return ws;
}
