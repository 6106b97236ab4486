/**
 * 填报完成情况: which unit filled which indicator. Rows are indicators and
 * columns units (the same orientation as 汇总); the last row gives each
 * unit's filled/required count.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { GRID_ABSENT_WORDS, GRID_WORDS, SUMMARY_SHEETS } from './labels';
import { cfFill, colLetter, COLORS, GRID_BORDER, printSetup, textValue, writeHeader, writeTitle } from './cells';
import type { UnitColumn } from './units';
import { bulkRows, type BulkRow, type BulkSheet } from './bulk';

const HEADER_ROW = 2;

/** The word for a required cell without a usable number: why it has none. */
const EXCLUDED = new WeakMap<IndicatorSummary, Map<string, { reason: string }>>();

function absentWord(ind: IndicatorSummary | undefined, unit: string, missing: ReadonlySet<string>): string {
  if (missing.has(unit)) return GRID_ABSENT_WORDS.missing;
  let excluded = ind && EXCLUDED.get(ind);
  // Looked up per cell: a map per indicator, not a scan of thousands of left-out values.
  if (ind && !excluded) EXCLUDED.set(ind, (excluded = new Map((ind.city.excluded ?? []).map((e) => [e.unit, e]))));
  const out = excluded?.get(unit);
  if (out) return out.reason === 'error' ? GRID_ABSENT_WORDS.error : GRID_ABSENT_WORDS.verify;
  if (ind?.unusable?.[unit] !== undefined) return GRID_ABSENT_WORDS.error;
  return GRID_WORDS.blank;
}

/** Style slots of the rows (./bulk.ts): framed, framed and centred, bold, bold and centred. */
const STYLES: Partial<ExcelJS.Style>[] = [
  { border: GRID_BORDER },
  { border: GRID_BORDER, alignment: { horizontal: 'center' } },
  { font: { bold: true } },
  { font: { bold: true }, alignment: { horizontal: 'center' } },
];

export function addGridSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation, units: UnitColumn[]): BulkSheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.grid, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  writeTitle(
    ws,
    1,
    `填报完成情况（${GRID_WORDS.filled} / ${GRID_WORDS.blank} / ${GRID_ABSENT_WORDS.missing} 未报送 / ${GRID_ABSENT_WORDS.error} 数值有错误 / ${GRID_ABSENT_WORDS.verify} 未计入待核实 / ${GRID_WORDS['not-required']} 无需填报）`,
    12,
  );
  writeHeader(ws, HEADER_ROW, ['代码', '指标', ...units.map((u) => u.label)]);
  const codes = c.indicators.length ? c.indicators.map((i) => ({ code: i.code, name: i.name })) : plan.indicators;
  function* rows(): Generator<BulkRow> {
    const missing = new Set(c.missing);
    const summaries = new Map(c.indicators.map((i) => [i.code, i]));
    const reporters = new Map(plan.indicators.map((i) => [i.code, new Set(i.reporters)]));
    const filled = new Array<number>(units.length).fill(0);
    const required = new Array<number>(units.length).fill(0);
    const slots = [0, 0, ...units.map(() => 1)];
    for (let i = 0; i < codes.length; i++) {
      const ind = codes[i];
      const values: (string | null)[] = [ind.code, textValue(ind.name)];
      for (let j = 0; j < units.length; j++) {
        const u = units[j];
        const state = c.grid[u.code]?.[ind.code] ?? (reporters.get(ind.code)?.has(u.code) ? 'blank' : 'not-required');
        if (state !== 'not-required') required[j]++;
        if (state === 'filled') filled[j]++;
        values.push(state === 'blank' ? absentWord(summaries.get(ind.code), u.code, missing) : GRID_WORDS[state]);
      }
      yield { r: HEADER_ROW + 1 + i, values, slots };
    }
    const totals = units.map((_, j) => `${filled[j]} / ${required[j]}`);
    yield { r: HEADER_ROW + 1 + codes.length, values: [undefined, '已填 / 应填', ...totals], slots: [2, 2, ...units.map(() => 3)] };
  }
  if (units.length && codes.length) {
    const ref = `C${HEADER_ROW + 1}:${colLetter(2 + units.length)}${HEADER_ROW + codes.length}`;
    ws.addConditionalFormatting({
      ref,
      rules: [
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_WORDS.filled}"`], priority: 1, style: { fill: cfFill(COLORS.met), font: { color: { argb: COLORS.metText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_WORDS.blank}"`], priority: 2, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_WORDS['not-required']}"`], priority: 3, style: { fill: cfFill(COLORS.neutral), font: { color: { argb: COLORS.neutralText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_ABSENT_WORDS.missing}"`], priority: 4, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_ABSENT_WORDS.error}"`], priority: 5, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText } } } },
        { type: 'cellIs', operator: 'equal', formulae: [`"${GRID_ABSENT_WORDS.verify}"`], priority: 6, style: { fill: cfFill(COLORS.noData), font: { color: { argb: COLORS.noDataText } } } },
      ],
    });
  }
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 36;
  units.forEach((_, j) => (ws.getColumn(3 + j).width = 9));
  // A page holds about 25 unit columns legibly; a town-scale grid prints across pages, the indicator columns repeated.
  printSetup(ws, `1:${HEADER_ROW}`, { fitToWidth: Math.max(1, Math.ceil(units.length / 25)), titleColumns: 'A:B' });
  return bulkRows(ws, STYLES, { sheet: SUMMARY_SHEETS.grid, lastRow: HEADER_ROW + 1 + codes.length, lastCol: 2 + units.length, rows });
}
