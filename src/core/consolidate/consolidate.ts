/**
 * Consolidating the returns of one plan and period into the city summary:
 * 1. each input is validated and sorted into accepted / rejected (unreadable,
 *    not a return, another plan, another period, a unit that reports nothing);
 * 2. two accepted returns from one unit are conflicts (see conflicts.ts);
 * 3. the accepted returns' values (read by readEntry: readNumber plus the cell's percent format) make each indicator's
 *    unit values and city figure (see city.ts), with provenance;
 * 4. with all units' values known, a unit's value 1000× off the median of the
 *    others is flagged as a likely unit error;
 * 5. completeness: missing units and the unit × indicator grid.
 */

import type { Plan } from '../plan/types';
import type { ParsedReturn } from '../return/types';
import type { Finding, Lang } from '../rules/finding';
import type { Consolidation, IndicatorSummary, ReturnOutcome, UnreadableFile } from './types';
import { parsePeriod, periodKey, periodLabel, targetKey } from '../period';
import { formatNumber, message } from '../i18n';
import { formatTarget } from '../plan/target';
import { validate, Collector, slipFinding } from '../rules/validate';
import { readEntry } from '../rules/read-number';
import { sortFindings, unitSlip } from '../rules/common';
import { pickLatest } from './conflicts';
import { IDENTITY_RULE } from '../rules/identity';
import { cityFigure, type AbsentReason, type UnitValue } from './city';

export interface ConsolidateOpts {
  lang?: Lang;
  previous?: ParsedReturn[];
  conflict?: 'report' | 'latest';
}

export function isUnreadable(x: ParsedReturn | UnreadableFile): x is UnreadableFile {
  return !(x as ParsedReturn).entries && typeof (x as UnreadableFile).file === 'string';
}

interface Item {
  file: string;
  ret: ParsedReturn | null;
  outcome: ReturnOutcome;
  findings: Finding[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function consolidateReturns(
  plan: Plan,
  period: string,
  returns: (ParsedReturn | UnreadableFile)[],
  opts: ConsolidateOpts = {},
): Consolidation {
  const lang = opts.lang ?? 'zh';
  const msg = (key: string, params: Record<string, string | number> = {}) => message(key, params, lang);
  const wanted = parsePeriod(period);
  const canonical = wanted ? periodKey(wanted) : period;
  const tk = wanted ? targetKey(wanted) : null;
  const reportingUnits = plan.units.filter((u) => plan.indicators.some((i) => i.reporters.includes(u.code))).map((u) => u.code);
  const unitName = (code: string) => plan.units.find((u) => u.code === code)?.name ?? code;

  // 1. Validate and classify every input.
  const items: Item[] = returns.map((r) => {
    if (isUnreadable(r)) {
      // Readers' messages already name the file and say why, in the user's language.
      const reason = r.message.trim() ? r.message : msg('return.unreadable', {});
      const f: Finding = { severity: 'error', rule: r.rule || 'return.unreadable', code: null, sheet: null, cell: null, message: reason };
      return { file: r.file, ret: null, findings: [f], outcome: { file: r.file, unit: null, status: 'rejected', reason, errors: 1, warnings: 0 } };
    }
    const findings = validate(plan, r, { lang, previous: opts.previous, period: canonical });
    const meta = r.meta;
    const outcome: ReturnOutcome = { file: r.source, unit: meta?.unitCode || null, status: 'accepted', reason: '', errors: 0, warnings: 0 };
    if (r.reporter?.contact) outcome.contact = r.reporter.contact;
    if (r.reporter?.phone) outcome.phone = r.reporter.phone;
    if (r.reporter?.date) outcome.date = r.reporter.date;
    if (meta?.generatedAt) outcome.generatedAt = meta.generatedAt;
    const reject = (reason: string) => {
      outcome.status = 'rejected';
      outcome.reason = reason;
    };
    const got = meta ? parsePeriod(meta.period ?? '') : null;
    if (!meta) reject(msg('return.not-plansheet'));
    else if (meta.planId !== plan.id) reject(msg('return.wrong-plan', { got: meta.planId || '?' }));
    else if (!got || periodKey(got) !== canonical)
      reject(msg('return.wrong-period', { got: got ? periodLabel(got, lang) : meta.period || '?', expected: wanted ? periodLabel(wanted, lang) : period }));
    else if (!reportingUnits.includes(meta.unitCode)) reject(msg('return.unknown-unit', { unit: meta.unitCode || '?' }));
    // Metadata, 填报单位 and file name disagree on the unit: credited to no one, the office decides.
    else if (findings.some((f) => f.rule === IDENTITY_RULE)) reject(findings.find((f) => f.rule === IDENTITY_RULE)!.message);
    return { file: r.source, ret: r, findings, outcome };
  });

  // 2. Conflicts: more than one accepted return from a unit.
  const byUnit = new Map<string, Item[]>();
  for (const it of items) {
    if (it.outcome.status !== 'accepted') continue;
    const u = it.outcome.unit!;
    byUnit.set(u, [...(byUnit.get(u) ?? []), it]);
  }
  const used = new Map<string, Item>();
  for (const [unit, group] of byUnit) {
    if (group.length === 1) {
      used.set(unit, group[0]);
      continue;
    }
    const unitText = `${unitName(unit)} ${unit}`;
    const others = (it: Item) => group.filter((g) => g !== it).map((g) => g.file).join('、');
    const decision = opts.conflict === 'latest' ? pickLatest(group.map((g) => g.ret!), lang) : null;
    if (decision?.kind === 'latest') {
      const kept = group[decision.keep];
      used.set(unit, kept);
      group.forEach((g, i) => {
        if (g === kept) return;
        g.outcome.status = 'conflict';
        g.outcome.reason = msg('return.superseded', { unit: unitText, kept: kept.file, by: msg(decision.by), keptDate: decision.shown[decision.keep], date: decision.shown[i] });
      });
    } else {
      for (const g of group) {
        g.outcome.status = 'conflict';
        g.outcome.reason = msg(decision ? 'return.undecidable' : 'return.conflict', { unit: unitText, others: others(g) });
      }
    }
  }

  // 3. Values and city figures.
  const indicators: IndicatorSummary[] = [];
  const grid: Consolidation['grid'] = {};
  for (const u of reportingUnits) grid[u] = {};
  for (const ind of plan.indicators) {
    const values: UnitValue[] = [];
    const units: Record<string, number | null> = {};
    const texts: Record<string, string | null> = {};
    const textSources: UnitValue['at'][] = [];
    for (const u of ind.reporters) units[u] = null;
    for (const u of ind.reporters) texts[u] = null;
    // Why a unit has no value: no return, returns in conflict, unreadable, blank.
    const absent = new Map<string, AbsentReason>();
    for (const u of ind.reporters) if (!used.has(u)) absent.set(u, byUnit.has(u) ? 'conflict' : 'no-return');
    for (const [unit, it] of used) {
      const entry = it.ret!.entries.get(ind.code);
      if (!ind.reporters.includes(unit)) continue;
      if (!entry) {
        absent.set(unit, 'blank');
        continue;
      }
      const reading = readEntry(it.ret!, entry, ind);
      if (!reading.ok) absent.set(unit, 'unreadable');
      else if (reading.value === null) absent.set(unit, 'blank');
      if (reading.ok && reading.text !== undefined) {
        texts[unit] = reading.text;
        textSources.push({ file: it.file, sheet: entry.valueAt.sheet, cell: entry.valueAt.cell, unit });
      }
      if (!reading.ok || reading.value === null) continue;
      units[unit] = reading.value;
      values.push({ unit, value: reading.value, at: { file: it.file, sheet: entry.valueAt.sheet, cell: entry.valueAt.cell, unit } });
    }
    const isText = ind.kind === 'text';
    for (const u of reportingUnits) {
      const filled = isText ? texts[u] !== null && texts[u] !== undefined : units[u] !== null && units[u] !== undefined;
      grid[u][ind.code] = !ind.reporters.includes(u) ? 'not-required' : filled ? 'filled' : 'blank';
    }

    // 4. Unit slips against the other units (the lead's city-wide figure is
    // of another scale, so leads are left out of the comparison).
    const peers = values.filter((v) => !ind.lead.includes(v.unit));
    for (const v of peers) {
      const others = peers.filter((p) => p !== v && p.value > 0).map((p) => p.value);
      if (others.length < 3) continue;
      const it = used.get(v.unit)!;
      if (it.findings.some((f) => f.rule === 'value.unit-slip' && f.code === ind.code)) continue;
      const ref = median(others);
      const slip = unitSlip(ind, v.value, ref, true);
      if (!slip) continue;
      const c = new Collector(lang);
      slipFinding(ind, it.ret!.entries.get(ind.code)!, v.value, slip, msg('ref.median', { median: formatNumber(ref), count: others.length }), c);
      it.findings = sortFindings([...it.findings, ...c.findings]);
    }

    const summary: IndicatorSummary = {
      code: ind.code,
      name: lang === 'en' && ind.nameEn ? ind.nameEn : ind.name,
      unit: ind.unit,
      category: ind.category,
      units,
      city: isText
        ? {
            value: null,
            target: tk && ind.targets[tk] && ind.targets[tk].op !== 'none' ? formatTarget(ind.targets[tk], ind.unit) : null,
            attained: 'qualitative',
            basis: textSources.length ? msg('basis.text', { count: textSources.length }) : msg('basis.no-values'),
            sources: textSources,
          }
        : cityFigure(plan, ind, tk, values, lang, absent),
    };
    if (isText) summary.texts = texts;
    // A half or a quarter is set against its year's target: say so beside the figure.
    if (wanted && wanted.kind !== 'year' && summary.city.target) summary.city.basis += msg('target.interim', { period: periodLabel(wanted, lang) });
    indicators.push(summary);
  }

  // 5. Completeness and counts.
  const returned = new Set(items.filter((i) => i.outcome.status !== 'rejected').map((i) => i.outcome.unit));
  const missing = reportingUnits.filter((u) => !returned.has(u));
  for (const it of items) {
    it.outcome.errors = it.findings.filter((f) => f.severity === 'error').length;
    it.outcome.warnings = it.findings.filter((f) => f.severity === 'warning').length;
  }
  const findings = items.flatMap((it) => it.findings.map((f) => ({ ...f, file: it.file, unit: it.outcome.unit })));

  return { plan: plan.id, period: canonical, returns: items.map((i) => i.outcome), missing, indicators, findings, grid };
}
