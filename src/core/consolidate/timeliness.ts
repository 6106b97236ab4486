/**
 * Timeliness (报送及时性): each unit's return is on time, late by N days, or
 * missing, against the round's deadline. A return counts as handed in on the
 * later of the day its file was last saved (docProps/core.xml, else the file
 * time) and the 填报日期 the unit typed: a file saved after the deadline is
 * late whatever date it carries. Days are calendar days in China time
 * (UTC+8); the deadline day itself is on time.
 */

import type { ParsedReturn } from '../return/types';
import type { Lang } from '../rules/finding';
import type { ReturnOutcome, Submission } from './types';
import { message } from '../i18n';
import { groupBy } from '../group-by';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Day number (days since 1970-01-01) of a calendar date, or null. */
function dayOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCMonth() === m - 1 ? Math.round(t / DAY_MS) : null;
}

/** "2024-01-15", "2024/1/15", "2024年1月15日", "2024-01-15T00:00:00Z" → day number. */
export function parseDay(text: string | undefined): number | null {
  if (!text) return null;
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text);
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The China-time calendar day of an ISO timestamp. */
export function chinaDay(iso: string | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
}

export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day a return counts as handed in, or null when neither date is known. */
export function handedInDay(ret: ParsedReturn): number | null {
  const days = [chinaDay(ret.modifiedAt), parseDay(ret.reporter?.date)].filter((d): d is number => d !== null);
  return days.length ? Math.max(...days) : null;
}

/** On time or late, for one return; the outcome is filled in place. */
export function judgeReturn(outcome: ReturnOutcome, ret: ParsedReturn | null, deadline: number): void {
  if (!ret) return;
  if (ret.modifiedAt) outcome.savedAt = ret.modifiedAt;
  const day = handedInDay(ret);
  if (day === null) return;
  const late = day - deadline;
  outcome.timeliness = late > 0 ? 'late' : 'on-time';
  outcome.daysLate = Math.max(0, late);
}

/** 按时 / 逾期 N 天 / 未报. */
export function timelinessText(s: Pick<Submission, 'timeliness' | 'daysLate'>, lang: Lang): string {
  if (!s.timeliness) return '';
  return s.timeliness === 'late' ? message('timeliness.late', { days: s.daysLate ?? 0 }, lang) : message(`timeliness.${s.timeliness}`, {}, lang);
}

export interface SubmissionInput {
  reportingUnits: string[];
  /** Units with no return that are not covered by another's (a town whose district sent the district return). */
  missing: string[];
  unitName: (code: string) => string;
  /** Outcomes of this period's inputs (only those not rejected count as handed in). */
  outcomes: ReturnOutcome[];
  /** Earlier returns: the contact of a unit that has not reported is taken from its latest one. */
  previous?: ParsedReturn[];
  deadline: number | null;
  lang: Lang;
}

/**
 * One row per reporting unit for 报送情况: late and missing first (most days
 * late first), then on time, each with its contact person and phone.
 */
export function submissions(input: SubmissionInput): Submission[] {
  const rows: Submission[] = [];
  // Grouped once: thousands of units each looking through every outcome would grow with the product.
  const handedIn = groupBy(input.outcomes.filter((o) => o.status !== 'rejected'), (o) => o.unit);
  const earlierOf = groupBy(input.previous ?? [], (r) => r.meta?.unitCode);
  const missing = new Set(input.missing);
  for (const unit of input.reportingUnits) {
    const mine = handedIn.get(unit) ?? [];
    // The latest handed-in return speaks for the unit.
    const o = mine.sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0))[0];
    const row: Submission = { unit, name: input.unitName(unit), timeliness: o ? o.timeliness : missing.has(unit) ? 'missing' : undefined };
    if (o) {
      row.file = o.file;
      if (o.daysLate !== undefined) row.daysLate = o.daysLate;
      if (o.savedAt) row.savedAt = o.savedAt;
      if (o.date) row.date = o.date;
    }
    let contact = o?.contact;
    let phone = o?.phone;
    if (!contact && !phone) {
      const earlier = (earlierOf.get(unit) ?? []).filter((r) => r.reporter?.contact || r.reporter?.phone);
      earlier.sort((a, b) => (b.meta?.period ?? '').localeCompare(a.meta?.period ?? ''));
      if (earlier[0]) {
        contact = earlier[0].reporter.contact;
        phone = earlier[0].reporter.phone;
        row.contactFrom = earlier[0].meta?.period;
      }
    }
    if (contact) row.contact = contact;
    if (phone) row.phone = phone;
    if (row.timeliness) row.status = timelinessText(row, input.lang);
    rows.push(row);
  }
  const rank = (s: Submission) => (s.timeliness === 'missing' ? 0 : s.timeliness === 'late' ? 1 : 2);
  // (A unit covered by another's return keeps no timeliness of its own.)
  return rows.sort((a, b) => rank(a) - rank(b) || (b.daysLate ?? 0) - (a.daysLate ?? 0));
}
