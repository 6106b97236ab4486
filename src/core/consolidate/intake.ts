/**
 * Step 1 of a consolidation: every input is validated and sorted into
 * accepted or rejected (unreadable, not a return, another plan, another
 * period, a unit that reports nothing). Rejected inputs keep their findings
 * so the office sees why.
 */

import { IDENTITY_RULE } from '../rules/identity';
import type { Plan } from '../plan/types';
import type { ParsedReturn } from '../return/types';
import type { Finding, Lang } from '../rules/finding';
import type { ReturnOutcome, UnreadableFile } from './types';
import { parsePeriod, periodKey, periodLabel, type Period } from '../period';
import { message } from '../i18n';
import { validate } from '../rules/validate';

/** One input of the consolidation as it moves through the steps. */
export interface Item {
  file: string;
  ret: ParsedReturn | null;
  outcome: ReturnOutcome;
  findings: Finding[];
}

export interface IntakeContext {
  plan: Plan;
  lang: Lang;
  /** The period asked for, canonical key, and its parsed form (null when invalid). */
  canonical: string;
  wanted: Period | null;
  /** Units that report at least one indicator. */
  reportingUnits: string[];
  previous?: ParsedReturn[];
}

export function isUnreadable(x: ParsedReturn | UnreadableFile): x is UnreadableFile {
  return !(x as ParsedReturn).entries && typeof (x as UnreadableFile).file === 'string';
}

function unreadableItem(r: UnreadableFile, lang: Lang): Item {
  // Readers' messages already name the file and say why, in the user's language.
  const reason = r.message.trim() ? r.message : message('return.unreadable', {}, lang);
  const f: Finding = { severity: 'error', rule: r.rule || 'return.unreadable', code: null, sheet: null, cell: null, message: reason };
  return { file: r.file, ret: null, findings: [f], outcome: { file: r.file, unit: null, status: 'rejected', reason, errors: 1, warnings: 0 } };
}

/** Why a readable return cannot be consolidated here, or null when it can. */
function rejection(ctx: IntakeContext, r: ParsedReturn, findings: readonly Finding[]): string | null {
  const msg = (key: string, params: Record<string, string | number> = {}) => message(key, params, ctx.lang);
  const meta = r.meta;
  if (!meta) return msg('template.not-plansheet');
  if (meta.planId !== ctx.plan.id) return msg('return.wrong-plan', { got: meta.planId || '?' });
  const got = parsePeriod(meta.period ?? '');
  if (!got || periodKey(got) !== ctx.canonical)
    return msg('return.wrong-period', {
      got: got ? periodLabel(got, ctx.lang) : meta.period || '?',
      expected: ctx.wanted ? periodLabel(ctx.wanted, ctx.lang) : ctx.canonical,
    });
  if (!ctx.reportingUnits.includes(meta.unitCode)) return msg('return.unknown-unit', { unit: meta.unitCode || '?' });
  // Metadata, 填报单位 and file name disagree on the unit: credited to no one, the office decides.
  const identity = findings.find((f) => f.rule === IDENTITY_RULE);
  if (identity) return identity.message;
  return null;
}

function returnItem(ctx: IntakeContext, r: ParsedReturn): Item {
  const findings = validate(ctx.plan, r, { lang: ctx.lang, previous: ctx.previous, period: ctx.canonical });
  const outcome: ReturnOutcome = { file: r.source, unit: r.meta?.unitCode || null, status: 'accepted', reason: '', errors: 0, warnings: 0 };
  if (r.reporter?.contact) outcome.contact = r.reporter.contact;
  if (r.reporter?.phone) outcome.phone = r.reporter.phone;
  if (r.reporter?.date) outcome.date = r.reporter.date;
  if (r.meta?.generatedAt) outcome.generatedAt = r.meta.generatedAt;
  if (r.meta?.belowFindings) outcome.belowFindings = r.meta.belowFindings;
  const reason = rejection(ctx, r, findings);
  if (reason !== null) {
    outcome.status = 'rejected';
    outcome.reason = reason;
  }
  return { file: r.source, ret: r, findings, outcome };
}

export function intake(ctx: IntakeContext, returns: (ParsedReturn | UnreadableFile)[]): Item[] {
  return returns.map((r) => (isUnreadable(r) ? unreadableItem(r, ctx.lang) : returnItem(ctx, r)));
}
