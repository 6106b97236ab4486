/**
 * Validation of one return against its plan. The checks run in this order:
 * the reader's structural issues, the template's identity (plan, version,
 * period, unit, metadata), then each indicator's row: tampered code/target
 * cells, formulas, how the value reads as a number, ranges, unit slips,
 * targets and cumulative decreases. Rule ids are listed in docs/json.md.
 */

import type { Indicator, Plan, ReportingUnit, Target } from '../plan/types';
import type { CellRef, ParsedReturn, ReturnEntry } from '../return/types';
import type { Finding, Lang, Severity } from './finding';
import { parsePeriod, periodKey, periodLabel, targetKey, type Period } from '../period';
import { evaluateTarget, formatTarget, toHalfWidth } from '../plan/target';
import { planHash } from '../plan/load';
import { META_KEYS, TEMPLATE_FORMAT_VERSION } from '../template/layout';
import { formatNumber, message, type MessageKey, type MessageParams } from '../i18n';
import { isPercentIndicator, readEntry } from './read-number';
import { implausible } from './limits';
import { READER_ISSUES, isReaderIssueRule } from './reader-issues';
import { cachedHash, sameRow, sortFindings, targetMagnitude, targetOf, unitSlip } from './common';
import { entryTarget, targetApplies, unitEntryTarget } from '../template/entry-target';
import { allocationOf } from '../plan/allocation';
import { isReporter, unitOf } from '../plan/lookup';
import { unitIdentityFindings } from './identity';
import { previousPeriodFindings } from './explain';

export interface ValidateOpts {
  lang?: Lang;
  previous?: ParsedReturn[];
  period?: string;
}

class Collector {
  readonly findings: Finding[] = [];
  constructor(readonly lang: Lang) {}

  add(
    severity: Severity,
    rule: string,
    code: string | null,
    at: CellRef | null | undefined,
    text: string,
    extra: Partial<Pick<Finding, 'remarkAt' | 'readAs'>> = {},
  ): void {
    const f: Finding = { severity, rule, code, sheet: at?.sheet ?? null, cell: at?.cell ?? null, message: text };
    if (extra.remarkAt) f.remarkAt = extra.remarkAt;
    if (extra.readAs !== undefined) f.readAs = extra.readAs;
    this.findings.push(f);
  }

  msg(key: MessageKey | string, params: MessageParams = {}): string {
    return message(key, params, this.lang);
  }
}

/** "≥ 6000" for messages; "—" when there is no target. */
function shownTarget(ind: Indicator, tk: string | null): string {
  return formatTarget(targetOf(ind, tk), ind.unit);
}

/**
 * A cell's text as compared with what the generator wrote: spacing and width
 * ignored. Remembered: every row of thousands of returns compares the same
 * few target texts.
 */
const comparableOf = new Map<string, string>();
function comparable(s: string): string {
  let t = comparableOf.get(s);
  if (t !== undefined) return t;
  t = toHalfWidth(s).replace(/\s+/g, '').replace(/[—–-]+/g, '—').replace(/（/g, '(').replace(/）/g, ')');
  if (t === '') t = '—';
  if (s.length <= 200 && comparableOf.size < 50_000) comparableOf.set(s, t);
  return t;
}

/**
 * entryTarget's text for a unit without an own target or entry unit: it
 * depends on the unit only through whether the target applies to it, so it
 * is made once per indicator, period and that answer.
 */
const entryTexts = new WeakMap<Indicator, Map<string, string>>();
function plainEntryTargetText(ind: Indicator, period: Period, unitCode: string, unitKind: ReportingUnit['kind'] | undefined): string {
  const key = `${periodKey(period)}|${targetApplies(ind, unitCode, unitKind)}`;
  let m = entryTexts.get(ind);
  if (!m) entryTexts.set(ind, (m = new Map()));
  let text = m.get(key);
  if (text === undefined) m.set(key, (text = entryTarget(ind, period, unitCode, { unitKind }).text));
  return text;
}

function structuralFindings(plan: Plan, ret: ParsedReturn, c: Collector): void {
  for (const issue of ret.structural ?? []) {
    const params = issue.params ?? {};
    const code = typeof params.code === 'string' ? params.code : null;
    // A percent-formatted cell of a percent indicator (unit %) is handled by readEntry.
    const ind = plan.indicators.find((i) => i.code === code);
    if (issue.rule === 'reader.value-percent-format' && ind && isPercentIndicator(ind)) continue;
    if (issue.rule === 'reader.meta-hidden-state' && params.state === 'hidden') {
      // LibreOffice and WPS save "very hidden" as plain "hidden": still out
      // of sight, nothing was unhidden. A note, not a warning.
      c.add('info', issue.rule, code, issue.at, c.msg('reader.meta-hidden-state.hidden'));
    } else if (isReaderIssueRule(issue.rule)) {
      c.add(READER_ISSUES[issue.rule].severity, issue.rule, code, issue.at, c.msg(issue.rule, params));
    } else {
      const detail = Object.entries(params)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      c.add('warning', issue.rule, code, issue.at, c.msg('template.reader-issue', { rule: issue.rule, detail }));
    }
  }
}

interface Identity {
  period: Period | null;
  unit: ReportingUnit | undefined;
  hashDiffers: boolean;
  /** False when the return is for another plan: its rows mean nothing here. */
  checkRows: boolean;
}

function identityFindings(plan: Plan, ret: ParsedReturn, opts: ValidateOpts, c: Collector): Identity {
  const meta = ret.meta!;
  let missing: string[] = [];
  if (!meta.formatVersion) missing.push(META_KEYS.formatVersion);
  if (!meta.planId) missing.push(META_KEYS.planId);
  if (!meta.planHash) missing.push(META_KEYS.planHash);
  if (!meta.unitCode) missing.push(META_KEYS.unitCode);
  if (!meta.period) missing.push(META_KEYS.period);
  // An empty code list is only suspicious when the unit has something to report.
  const hasWork = plan.indicators.some((i) => isReporter(i, meta.unitCode));
  if (!meta.codes || (meta.codes.length === 0 && hasWork)) missing.push(META_KEYS.codes);
  // Keys the reader already reported (reader.meta-key-missing) are not repeated.
  const told = new Set((ret.structural ?? []).filter((s) => s.rule === 'reader.meta-key-missing').map((s) => String(s.params?.key ?? '')));
  missing = missing.filter((k) => !told.has(k));
  if (missing.length) c.add('error', 'template.meta-missing-keys', null, null, c.msg('template.meta-missing-keys', { keys: missing.join(', ') }));

  if (meta.formatVersion && meta.formatVersion !== TEMPLATE_FORMAT_VERSION)
    c.add('error', 'template.format-version', null, null, c.msg('template.format-version', { got: meta.formatVersion, expected: TEMPLATE_FORMAT_VERSION }));

  if (meta.planId !== plan.id) {
    c.add('error', 'template.plan-mismatch', null, null, c.msg('template.plan-mismatch', { got: meta.planId || '?', expected: plan.id }));
    return { period: null, unit: undefined, hashDiffers: false, checkRows: false };
  }

  const hashDiffers = !!meta.planHash && meta.planHash !== cachedHash(plan, planHash);
  if (hashDiffers)
    c.add('warning', 'template.plan-version', null, null, c.msg('template.plan-version', { got: meta.planHash, expected: cachedHash(plan, planHash) }));

  const period = meta.period ? parsePeriod(meta.period) : null;
  if (meta.period && !period) c.add('error', 'template.period-invalid', null, null, c.msg('template.period-invalid', { got: meta.period }));
  if (period) {
    const expected = opts.period ? parsePeriod(opts.period) : null;
    if (opts.period && (!expected || periodKey(expected) !== periodKey(period)))
      c.add('error', 'template.period-mismatch', null, null, c.msg('template.period-mismatch', { got: periodLabel(period, c.lang), expected: expected ? periodLabel(expected, c.lang) : opts.period }));
    if (!plan.years.includes(period.year))
      c.add('error', 'template.period-outside-plan', null, null, c.msg('template.period-outside-plan', { got: periodLabel(period, c.lang), years: plan.years.join(', ') }));
  }

  const unit = unitOf(plan, meta.unitCode);
  if (meta.unitCode && !unit) c.add('error', 'template.unit-unknown', null, null, c.msg('template.unit-unknown', { unit: meta.unitCode }));
  else if (unit && !plan.indicators.some((i) => isReporter(i, unit.code)))
    c.add('warning', 'template.unit-not-reporter', null, null, c.msg('template.unit-not-reporter', { unit: `${unit.name}（${unit.code}）` }));
  return { period, unit, hashDiffers, checkRows: true };
}

function rowFindings(
  plan: Plan,
  ret: ParsedReturn,
  ind: Indicator,
  entry: ReturnEntry,
  id: Identity,
  opts: ValidateOpts,
  c: Collector,
): void {
  const unitCode = ret.meta!.unitCode;
  const required = isReporter(ind, unitCode);
  const tk = id.period ? targetKey(id.period) : null;
  const code = ind.code;
  const at = entry.valueAt;

  if (entry.shownCode !== undefined && toHalfWidth(entry.shownCode).trim() !== code)
    c.add('warning', 'template.code-altered', code, sameRow(at, 'code'), c.msg('template.code-altered', { expected: code, shown: entry.shownCode }));
  if (entry.shownTarget !== undefined && tk) {
    const expected = shownTarget(ind, tk);
    // What the generator writes ("全市 ≥ 3000", entry-target.ts); returns of
    // earlier versions showed the bare target, or it with the seed's note.
    // Each form is made only when the ones before it did not match.
    const note = targetOf(ind, tk)?.note;
    const period = id.period;
    const forms: (() => string | null)[] = [
      () => expected,
      () => (note ? `${expected}（${note}）` : null),
      () => (period ? plainEntryTargetText(ind, period, unitCode, id.unit?.kind) : null),
      () => (period ? unitEntryTarget(plan, ind, period, unitCode).text : null),
    ];
    const shown = comparable(entry.shownTarget);
    if (!forms.some((form) => {
      const f = form();
      return f !== null && comparable(f) === shown;
    })) {
      const rule = id.hashDiffers ? 'template.target-changed' : 'template.target-altered';
      c.add(id.hashDiffers ? 'info' : 'warning', rule, code, sameRow(at, 'target'), c.msg(rule, { expected, shown: entry.shownTarget }));
    }
  }

  const reading = readEntry(ret, entry, ind, plan);
  if (reading.how === 'template.formula-no-result') {
    c.add('error', 'template.formula-no-result', code, at, c.msg(reading.how, reading.params));
    return;
  }
  if (reading.formula && (reading.value !== null || reading.text !== undefined)) {
    const shown = reading.value !== null ? formatNumber(reading.value) : `“${reading.text}”`;
    const extra = reading.value !== null ? { readAs: reading.value } : {};
    c.add('warning', 'template.formula-cached', code, at, c.msg('template.formula-cached', { formula: reading.formula, value: shown }), extra);
  }
  if (!reading.ok) {
    c.add('error', ind.kind === 'text' ? 'value.error' : 'value.not-number', code, at, c.msg(reading.how ?? 'num.unreadable', reading.params), { remarkAt: entry.remarkAt });
    return;
  }
  if (reading.how && reading.value !== null) {
    const rule = reading.how === 'num.percent-format' ? 'value.percent-format' : 'value.not-number';
    c.add('warning', rule, code, at, c.msg(reading.how, reading.params), { readAs: reading.value });
  }

  // Qualitative goals reported in words: only presence is checked.
  if (ind.kind === 'text') {
    if (reading.text === undefined && required) c.add('error', 'value.missing', code, at, c.msg('value.missing', { code, name: ind.name }));
    return;
  }

  const value = reading.value;
  if (value === null) {
    if (required) c.add('error', 'value.missing', code, at, c.msg('value.missing', { code, name: ind.name }));
    return;
  }

  // Ranges the kind allows.
  let inRange = true;
  const v = formatNumber(value);
  if (ind.kind === 'percent' && (value < 0 || value > 100)) {
    c.add('error', 'value.out-of-range', code, at, c.msg('value.out-of-range.percent', { value: `${v}%` }));
    inRange = false;
  } else if (value < 0 && ind.kind !== 'number') {
    c.add('error', 'value.out-of-range', code, at, c.msg('value.out-of-range.negative', { value: v, unit: ind.unit || ind.kind }));
    inRange = false;
  } else if (ind.kind === 'count' && !Number.isInteger(value) && !/^[千万亿百]/.test(ind.unit)) {
    c.add('error', 'value.out-of-range', code, at, c.msg('value.out-of-range.fraction', { value: v, shown: formatNumber(Math.sign(value) * Math.round(Math.abs(value))), unit: ind.unit }));
    inRange = false;
  } else {
    // A number no unit could report (1e20 家) is a typing accident, not a figure.
    const off = implausible(ind, value);
    if (off) {
      c.add('error', 'value.implausible', code, at, c.msg(`value.implausible.${off.bound}`, { value: v, limit: formatNumber(off.limit), unit: ind.unit ? ` ${ind.unit}` : '' }), { remarkAt: entry.remarkAt });
      inRange = false;
    }
  }

  // The unit's own target (目标分解), where the city allocated one, judges its value instead.
  const own = tk ? allocationOf(plan, unitCode, code, tk)?.target : undefined;
  const target = own ?? targetOf(ind, tk);
  const applies = !!own || targetApplies(ind, unitCode, id.unit?.kind);
  let slipped = false;
  if (inRange) {
    const slip = unitSlip(ind, value, targetMagnitude(target), applies);
    if (slip) slipFinding(ind, entry, value, slip, c.msg('ref.target', { target: shownTarget(ind, tk) }), c);
    slipped = !!slip;
  }

  // A likely unit slip is resolved first: measuring 0.92 against "≥ 90%"
  // would only repeat the same problem as a missed target.
  if (applies && target && id.period && inRange && !slipped) targetFinding(ind, entry, value, tk!, id.period, c, own);

  // Last period's value (a cumulative decrease, a value far from it) asks for a remark.
  if (id.period && opts.previous?.length && inRange && !slipped) previousPeriodFindings(plan, ret, ind, entry, value, id.period, opts.previous, c);
}

export function slipFinding(ind: Indicator, entry: ReturnEntry, value: number, slip: ReturnType<typeof unitSlip> & object, ref: string, c: Collector): void {
  const params =
    slip.kind === 'percent'
      ? { value: formatNumber(value), ref, suggest: formatNumber(slip.suggest) }
      : {
          value: formatNumber(value),
          ref,
          ratio: slip.ratio >= 1 ? formatNumber(Number(slip.ratio.toPrecision(2))) : `1/${formatNumber(Number((1 / slip.ratio).toPrecision(2)))}`,
          from: slip.from,
          suggest: formatNumber(slip.suggest),
          unit: ind.unit,
        };
  c.add('warning', 'value.unit-slip', ind.code, entry.valueAt, c.msg(slip.kind === 'percent' ? 'value.unit-slip.percent' : 'value.unit-slip.magnitude', params), {
    readAs: slip.suggest,
  });
}

function targetFinding(ind: Indicator, entry: ReturnEntry, value: number, tk: string, period: Period, c: Collector, own?: Target): void {
  const target = own ?? ind.targets[tk];
  const ev = evaluateTarget(target, value, ind.tolerance);
  if (!ev || ev.met) return;
  const gapUnit = ind.unit === '%' ? ` ${c.msg('unit.points')}` : ind.unit ? ` ${ind.unit}` : '';
  const below = (target.op === 'ge' && value < target.value) || (target.op === 'range' && value < target.min);
  const above = (target.op === 'le' || target.op === 'range') && !below;
  const key = below ? 'target.below' : above ? 'target.above' : 'target.off';
  let text = c.msg(key, { gap: `${formatNumber(ev.gap)}${gapUnit}`, target: formatTarget(target, ind.unit), value: formatNumber(value) });
  // A half or a quarter is measured against its year's "at least" target:
  // falling short of it mid-year is progress, not a miss.
  const interim = period.kind !== 'year' && below && target.op === 'ge';
  if (interim) text += c.msg('target.interim', { period: periodLabel(period, c.lang) });
  const binding = ind.attribute === 'binding';
  const explained = !!entry.remark;
  let severity: Severity;
  if (interim) severity = 'info';
  else if (binding) {
    // 强制上报说明: a binding miss without a remark is an error; explained, the office checks it (warning).
    severity = explained ? 'warning' : 'error';
    text += c.msg('target.binding');
  } else severity = explained ? 'info' : 'warning';
  if (!interim) text += explained ? c.msg('target.explained', { remark: entry.remark }) : binding ? c.msg('explain.required') : c.msg('target.ask-remark');
  c.add(severity, 'target.missed', ind.code, entry.valueAt, text, { remarkAt: entry.remarkAt });
}

export { Collector };

export function validate(plan: Plan, ret: ParsedReturn, opts: ValidateOpts = {}): Finding[] {
  const c = new Collector(opts.lang ?? 'zh');
  structuralFindings(plan, ret, c);
  if (!ret.meta) {
    c.add('error', 'template.not-plansheet', null, null, c.msg('template.not-plansheet'));
    return sortFindings(c.findings);
  }
  const id = identityFindings(plan, ret, opts, c);
  if (!id.checkRows) return sortFindings(c.findings);
  c.findings.push(...unitIdentityFindings(plan, ret, c.lang));

  // Entries the reader already explained (a deleted name or row) are not reported twice.
  const reportedMissing = new Set<string>();
  for (const s of ret.structural ?? []) {
    if ((s.rule === 'reader.name-missing' || s.rule === 'reader.name-broken') && typeof s.params?.code === 'string') reportedMissing.add(s.params.code);
    if (s.rule === 'reader.row-deleted' && typeof s.params?.codes === 'string') s.params.codes.split(',').forEach((c) => reportedMissing.add(c.trim()));
  }
  const known = new Set(plan.indicators.map((i) => i.code));
  for (const ind of plan.indicators) {
    const entry = ret.entries.get(ind.code);
    if (!entry) {
      if (isReporter(ind, ret.meta.unitCode) && !reportedMissing.has(ind.code))
        c.add('error', 'template.entry-missing', ind.code, null, c.msg('template.entry-missing', { code: ind.code, name: ind.name }));
      continue;
    }
    rowFindings(plan, ret, ind, entry, id, opts, c);
  }
  for (const [code, entry] of ret.entries) {
    if (!known.has(code)) c.add('warning', 'template.unknown-code', code, entry.valueAt, c.msg('template.unknown-code', { code }));
  }
  return sortFindings(c.findings);
}
