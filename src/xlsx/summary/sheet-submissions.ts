/**
 * 报送情况: one row per expected unit (did it report, from which file, who to
 * call), then one row per file that was rejected or in conflict, so nothing
 * the office received goes unmentioned.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation, ReturnOutcome } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { STATUS_WORDS, SUBMISSION_HEADERS, SUBMISSIONS_NOTE, SUBMITTED_WORDS, SUMMARY_SHEETS } from './labels';
import { cfFill, COLORS, printSetup, textValue, writeHeader, writeTitle, writeRow } from './cells';
import { unitLabel, type UnitColumn } from './units';
import { wrappedRowHeight } from '../layout-text';

const HEADER_ROW = 2;
// 单位 是否报送 文件 时间 联系人 电话 错误数 警告数 状态/原因
const WIDTHS = [18, 10, 40, 12, 12, 15, 7, 7, 40];
/** Columns whose text wraps (and so decides the row height). */
const WRAPPED = [1, 3, 5, 6, 9];

function outcomeCells(o: ReturnOutcome | undefined): (string | number | null)[] {
  if (!o) return [null, null, null, null, null, null];
  return [
    textValue(o.file),
    // The reporter's own date; the template's generation time would mislead.
    textValue(o.date),
    textValue(o.contact),
    textValue(o.phone),
    o.errors,
    o.warnings,
  ];
}

export function addSubmissionsSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  c: Consolidation,
  units: UnitColumn[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.submissions, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  writeTitle(ws, 1, `报送情况（${plan.title}，${c.period}）`, 12);
  writeHeader(ws, HEADER_ROW, SUBMISSION_HEADERS);

  const rows: (string | number | null)[][] = [];
  for (const u of units) {
    const mine = c.returns.filter((r) => r.unit === u.code);
    const accepted = mine.find((r) => r.status === 'accepted');
    const conflict = mine.filter((r) => r.status === 'conflict');
    const rejected = mine.filter((r) => r.status === 'rejected');
    let submitted: string;
    let reason: string;
    if (accepted) {
      submitted = SUBMITTED_WORDS.yes;
      reason = conflict.length ? `${STATUS_WORDS.accepted}（另有 ${conflict.length} 份重复报送）` : STATUS_WORDS.accepted;
    } else if (conflict.length) {
      submitted = SUBMITTED_WORDS.conflict;
      reason = conflict[0].reason || STATUS_WORDS.conflict;
    } else if (rejected.length) {
      submitted = SUBMITTED_WORDS.rejected;
      reason = rejected[0].reason || STATUS_WORDS.rejected;
    } else {
      submitted = SUBMITTED_WORDS.no;
      reason = c.missing.includes(u.code) ? '缺报' : '';
    }
    rows.push([u.name, submitted, ...outcomeCells(accepted ?? conflict[0] ?? rejected[0]), textValue(reason)]);
  }
  const listed = new Set(units.map((u) => u.code));
  const extra = c.returns.filter((r) => r.status !== 'accepted' || !r.unit || !listed.has(r.unit));
  for (const r of extra) {
    rows.push([
      textValue(r.unit ? unitLabel(plan, r.unit) : '（未识别）'),
      STATUS_WORDS[r.status],
      ...outcomeCells(r),
      textValue(r.reason || STATUS_WORDS[r.status]),
    ]);
  }

  let r = HEADER_ROW + 1;
  rows.forEach((values, i) => {
    if (i === units.length && extra.length) {
      r += 1;
      writeTitle(ws, r, SUBMISSIONS_NOTE, 11);
      r += 1;
      writeHeader(ws, r, SUBMISSION_HEADERS);
      r += 1;
    }
    const row = ws.getRow(r);
    writeRow(row, values);
    // Long file paths, names and reasons wrap; the stored height keeps
    // LibreOffice and WPS from overprinting the next row (layout-text.ts).
    for (let col = 1; col <= values.length; col++)
      row.getCell(col).alignment = WRAPPED.includes(col) ? { wrapText: true, vertical: 'middle' } : { vertical: 'middle' };
    row.height = wrappedRowHeight(WRAPPED.map((col) => ({ text: typeof values[col - 1] === 'string' ? (values[col - 1] as string) : null, width: WIDTHS[col - 1] })));
    r += 1;
  });

  const last = Math.max(HEADER_ROW + 1, r - 1);
  ws.addConditionalFormatting({
    ref: `B${HEADER_ROW + 1}:B${last}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formulae: [`"${SUBMITTED_WORDS.yes}"`], priority: 1, style: { fill: cfFill(COLORS.met) } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${SUBMITTED_WORDS.no}"`], priority: 2, style: { fill: cfFill(COLORS.missed) } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${SUBMITTED_WORDS.conflict}"`], priority: 3, style: { fill: cfFill(COLORS.noData) } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${STATUS_WORDS.conflict}"`], priority: 4, style: { fill: cfFill(COLORS.noData) } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${SUBMITTED_WORDS.rejected}"`], priority: 5, style: { fill: cfFill(COLORS.missed) } },
      { type: 'cellIs', operator: 'equal', formulae: [`"${STATUS_WORDS.rejected}"`], priority: 6, style: { fill: cfFill(COLORS.missed) } },
    ],
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws, `1:${HEADER_ROW}`);
  return ws;
}
