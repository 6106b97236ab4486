/**
 * 数据溯源: for each city figure, every unit value it was made from and the
 * exact file, sheet and cell it was read from, so any number in 汇总 can be
 * checked against the return it came from. A value from a district return
 * made from its towns (`--as-return`) is followed by the town cells behind it.
 * One row per value: tens of thousands at town scale, so the rows are bulk
 * rows (./bulk.ts), streamed into the zip.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { PROVENANCE_HEADERS, SUMMARY_SHEETS } from './labels';
import { GRID_BORDER, numberValue, printSetup, textValue, writeHeader } from './cells';
import { unitLabel } from './units';
import { bulkRows, type BulkRow, type BulkSheet } from './bulk';

const HEADER_ROW = 1;
/** Excel's last row: links beyond it are left to the JSON (`--json`). */
const MAX_ROW = 1048575;

function* provenanceRows(plan: Plan, c: Consolidation): Generator<BulkRow> {
  let r = HEADER_ROW + 1;
  const labels = new Map<string, string | null>();
  const label = (unit: string) => {
    let l = labels.get(unit);
    if (l === undefined) labels.set(unit, (l = textValue(unitLabel(plan, unit))));
    return l;
  };
  for (const ind of c.indicators) {
    const name = textValue(ind.name);
    for (const src of ind.city.sources) {
      if (r > MAX_ROW) return;
      const value = ind.texts?.[src.unit] != null ? textValue(ind.texts[src.unit]) : numberValue(ind.units[src.unit]);
      yield { r: r++, values: [ind.code, name, label(src.unit), value, textValue(src.file), textValue(src.sheet), textValue(src.cell)], slots: 0 };
      // A district return made from its towns: the town cells behind its cell, indented under it.
      for (const town of src.via ?? []) {
        if (r > MAX_ROW) return;
        const values = [ind.code, name, textValue(`  └ ${unitLabel(plan, town.unit)}`), numberValue(town.value), textValue(town.file), textValue(town.sheet), textValue(town.cell)];
        yield { r: r++, values, slots: 0, outline: 1 };
      }
    }
  }
}

function countRows(c: Consolidation): number {
  let n = 0;
  for (const ind of c.indicators) for (const src of ind.city.sources) n += 1 + (src.via?.length ?? 0);
  return Math.min(n, MAX_ROW - HEADER_ROW);
}

export function addProvenanceSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): BulkSheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.provenance, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  writeHeader(ws, HEADER_ROW, PROVENANCE_HEADERS);
  const count = countRows(c);
  const nested = c.indicators.some((i) => i.city.sources.some((s) => s.via?.length));
  const last = HEADER_ROW + count;
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW + 1, last), column: PROVENANCE_HEADERS.length } };
  [14, 36, 14, 12, 36, 12, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws, `1:${HEADER_ROW}`);
  const sheet = { sheet: SUMMARY_SHEETS.provenance, lastRow: Math.max(HEADER_ROW, last), lastCol: PROVENANCE_HEADERS.length, rows: () => provenanceRows(plan, c) };
  return bulkRows(ws, [{ border: GRID_BORDER }], sheet, nested ? 1 : 0);
}
