/**
 * 镇街明细: the units below the districts (towns, streets), grouped under
 * their district. Rows are units, so a thousand towns make a thousand rows,
 * not a thousand columns; columns are the indicators. Each district's row is
 * its subtotal (its own return's value, or the total of its towns, see
 * core/consolidate/tree.ts) and its towns follow as an outline group.
 * Any depth: a unit with units below it gets its own subtotal row.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { COLORS, GRID_BORDER, numberValue, printSetup, solidFill, textValue, writeHeader, writeTitle } from './cells';
import { nodeOf, TOWNS_SHEET, unitFigure } from './tree-units';

export { TOWNS_SHEET } from './tree-units';
const HEADER_ROW = 2;

export function addTownsSheet(wb: ExcelJS.Workbook, plan: Plan, c: Consolidation): ExcelJS.Worksheet {
  const inds = c.indicators.filter((i) => i.tree?.length);
  const ws = wb.addWorksheet(TOWNS_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }] });
  writeTitle(ws, 1, '镇（街道）明细：按区县分组，区县行为小计（本级报表数，或所辖镇街合计）', 12);
  // Indicator headers wrap to three lines at most.
  writeHeader(ws, HEADER_ROW, ['单位代码', '单位', '说明', ...inds.map((i) => `${i.code} ${i.name}${i.unit ? `（${i.unit}）` : ''}`)]).height = 48;
  ws.columns = [{ width: 12 }, { width: 16 }, { width: 22 }, ...inds.map(() => ({ width: 16 }))];

  // The tree, from the nodes of every indicator (children in plan order).
  const children = new Map<string, string[]>();
  const parent = new Map<string, string | null>();
  for (const ind of inds)
    for (const n of ind.tree!) {
      parent.set(n.unit, n.parent);
      const list = children.get(n.unit) ?? [];
      for (const ch of n.children) if (!list.includes(ch)) list.push(ch);
      children.set(n.unit, list);
    }
  const order = new Map(plan.units.map((u, i) => [u.code, i]));
  const byPlan = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const name = (code: string) => plan.units.find((u) => u.code === code)?.name ?? code;

  let r = HEADER_ROW + 1;
  const writeUnit = (unit: string, depth: number) => {
    const row = ws.getRow(r++);
    const below = children.get(unit);
    const isNode = !!below;
    const notes = inds.map((ind) => nodeOf(ind, unit)).filter((n) => n);
    const from = notes.some((n) => n!.from === 'own') ? '本级报表' : '所辖镇街合计';
    row.getCell(1).value = unit;
    row.getCell(2).value = textValue(`${'  '.repeat(depth)}${name(unit)}`);
    row.getCell(3).value = isNode ? `小计：${from}` : null;
    inds.forEach((ind, j) => {
      const cell = row.getCell(4 + j);
      cell.value = numberValue(isNode ? unitFigure(ind, unit) : ind.units[unit]);
      const node = isNode ? nodeOf(ind, unit) : undefined;
      if (node && node.from === 'below' && !node.complete) cell.note = `已报 ${node.reported.count}/${node.reported.expected}（不完整）`;
      if (!isNode && !(unit in ind.units)) cell.fill = solidFill(COLORS.neutral);
      if (ind.city.nonCompliant?.includes(unit) || node?.nonCompliant?.includes(unit)) cell.font = { color: { argb: COLORS.missedText }, bold: true };
    });
    for (let col = 1; col <= 3 + inds.length; col++) row.getCell(col).border = GRID_BORDER;
    if (isNode) {
      row.font = { bold: true };
      for (let col = 1; col <= 3 + inds.length; col++) row.getCell(col).fill = solidFill(COLORS.header);
    }
    if (depth) row.outlineLevel = Math.min(depth, 7);
    for (const ch of [...(below ?? [])].sort(byPlan)) writeUnit(ch, depth + 1);
  };
  const tops = [...parent].filter(([, p]) => p === null).map(([u]) => u).sort(byPlan);
  for (const u of tops) writeUnit(u, 0);
  printSetup(ws, `$${HEADER_ROW}:$${HEADER_ROW}`, { fitToWidth: Math.max(1, Math.ceil(inds.length / 10)), titleColumns: 'A:C' });
  return ws;
}
