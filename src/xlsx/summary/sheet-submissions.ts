/**
 * 报送情况: one row per expected unit (did it report, from which file, who to
 * call), then one row per file that was rejected or in conflict, so nothing
 * the office received goes unmentioned. When the round has a deadline, a
 * 报送及时性 column says 按时 / 逾期 N 天 / 未报 and the units not reported or
 * late come first; a unit that has not reported shows the contact of its
 * latest earlier return.
 */

import type ExcelJS from 'exceljs';
import type { Consolidation, ReturnOutcome, Timeliness } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { STATUS_WORDS, SUBMISSION_HEADERS, SUBMISSIONS_NOTE, SUBMITTED_WORDS, SUMMARY_SHEETS } from './labels';
import { cfFill, COLORS, printSetup, textValue, writeHeader, writeTitle, writeRow } from './cells';
import { submittingUnits, unitLabel, type UnitColumn } from './units';
import { wrappedRowHeight } from '../layout-text';
import { groupBy } from '../../core/group-by';

const HEADER_ROW = 2;
// 单位 是否报送 文件 时间 联系人 电话 错误数 警告数 状态/原因
const WIDTHS = [18, 10, 40, 12, 12, 15, 7, 7, 40, 14];
/** The column added when the round has a deadline. */
const TIMELINESS_HEADER = '报送及时性';
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

/** The workbook is Chinese whatever the CLI's language: 按时 / 逾期 N 天 / 未报. */
function timelinessWord(t: Timeliness, daysLate = 0): string {
  return t === 'late' ? `逾期 ${daysLate} 天` : t === 'missing' ? '未报' : '按时';
}

export function addSubmissionsSheet(
  wb: ExcelJS.Workbook,
  plan: Plan,
  c: Consolidation,
  units: UnitColumn[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEETS.submissions, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const timed = !!c.deadline;
  const headers = timed ? [...SUBMISSION_HEADERS, TIMELINESS_HEADER] : [...SUBMISSION_HEADERS];
  writeTitle(ws, 1, `报送情况（${plan.title}，${c.period}${timed ? `，报送截止 ${c.deadline}` : ''}）`, 12);
  writeHeader(ws, HEADER_ROW, headers);

  const rows: (string | number | null)[][] = [];
  // Each unit's files, found once (a town-scale round has ten thousand units and files).
  const byUnit = groupBy(c.returns, (r) => r.unit);
  const missing = new Set(c.missing);
  const expected = submittingUnits(plan, c, units);
  // Late and missing first (core/consolidate/timeliness.ts orders them).
  const sub = new Map((c.submissions ?? []).map((s, i) => [s.unit, { s, i }]));
  const ordered = timed ? [...expected].sort((a, b) => (sub.get(a.code)?.i ?? 1e9) - (sub.get(b.code)?.i ?? 1e9)) : expected;
  for (const u of ordered) {
    const mine = byUnit.get(u.code) ?? [];
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
      reason = missing.has(u.code) ? '缺报' : '';
    }
    const cells = outcomeCells(accepted ?? conflict[0] ?? rejected[0]);
    const s = sub.get(u.code)?.s;
    // Whom to call: a unit that has not reported is reached through its last contact.
    if (s && cells[2] === null && cells[3] === null) {
      cells[2] = textValue(s.contact ? `${s.contact}${s.contactFrom ? `（${s.contactFrom} 年报表）` : ''}` : undefined);
      cells[3] = textValue(s.phone);
    }
    rows.push([u.name, submitted, ...cells, textValue(reason), ...(timed ? [textValue(s?.timeliness ? timelinessWord(s.timeliness, s.daysLate) : undefined)] : [])]);
  }
  const listed = new Set(expected.map((u) => u.code));
  const extra = c.returns.filter((r) => r.status !== 'accepted' || !r.unit || !listed.has(r.unit));
  for (const r of extra) {
    const late = timed && r.timeliness ? [textValue(timelinessWord(r.timeliness, r.daysLate))] : [];
    rows.push([
      textValue(r.unit ? unitLabel(plan, r.unit) : '（未识别）'),
      STATUS_WORDS[r.status],
      ...outcomeCells(r),
      textValue(r.reason || STATUS_WORDS[r.status]),
      ...late,
    ]);
  }

  let r = HEADER_ROW + 1;
  rows.forEach((values, i) => {
    if (i === expected.length && extra.length) {
      r += 1;
      writeTitle(ws, r, SUBMISSIONS_NOTE, 11);
      r += 1;
      writeHeader(ws, r, headers);
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
  if (timed) {
    const ref = `J${HEADER_ROW + 1}:J${last}`;
    const top = `J${HEADER_ROW + 1}`;
    ws.addConditionalFormatting({
      ref,
      rules: [
        { type: 'expression', formulae: [`ISNUMBER(SEARCH("逾期",${top}))`], priority: 7, style: { fill: cfFill(COLORS.noData), font: { color: { argb: COLORS.noDataText }, bold: true } } },
        { type: 'cellIs', operator: 'equal', formulae: ['"未报"'], priority: 8, style: { fill: cfFill(COLORS.missed), font: { color: { argb: COLORS.missedText }, bold: true } } },
        { type: 'cellIs', operator: 'equal', formulae: ['"按时"'], priority: 9, style: { fill: cfFill(COLORS.met) } },
      ],
    });
  }
  WIDTHS.slice(0, headers.length).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  printSetup(ws, `1:${HEADER_ROW}`);
  return ws;
}
