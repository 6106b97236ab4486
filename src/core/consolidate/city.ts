/**
 * The city figure of one indicator, by its roll-up:
 * - sum: the sum of the non-lead reporters' values (the districts). When the
 *   lead department also reports a city-wide figure, it is shown beside as
 *   `districtsVsLead` for reconciliation, but the city figure stays the sum,
 *   because every part of it traces to a unit's cell. Only when no district
 *   value exists at all is the lead's figure used (and the basis says so).
 * - rate: not additive; the lead department's own figure, else none.
 * - citywide: the lead department's figure.
 * - limit: every unit must comply; the value shown is the worst unit's.
 */

import type { Indicator, Plan } from '../plan/types';
import type { Lang } from '../rules/finding';
import type { Attainment, CityFigure, Provenance } from './types';
import { evaluateTarget, formatTarget } from '../plan/target';
import { formatNumber, message } from '../i18n';

export interface UnitValue {
  unit: string;
  value: number;
  at: Provenance;
}

/**
 * Why an expected unit has no usable value. A unit that returned its
 * workbook with "约100" in the cell did report; only the value is unusable,
 * and the office follows that up differently from a return never sent.
 */
export type AbsentReason = 'no-return' | 'conflict' | 'unreadable' | 'blank';

const ABSENT_ORDER: AbsentReason[] = ['no-return', 'conflict', 'unreadable', 'blank'];
const SEP: Record<Lang, string> = { zh: '；', en: '; ' };

function unitLabel(plan: Plan, code: string): string {
  const u = plan.units.find((x) => x.code === code);
  return u ? u.shortName ?? u.name : code;
}

function attainment(ind: Indicator, tk: string | null, value: number | null): Attainment {
  const t = tk ? ind.targets[tk] : undefined;
  if (!t || t.op === 'none') return 'no-target';
  if (t.op === 'text') return 'qualitative';
  if (value === null) return 'no-data';
  return evaluateTarget(t, value)!.met ? 'met' : 'missed';
}

/**
 * @param values usable values of the units whose returns were consolidated.
 */
export function cityFigure(
  plan: Plan,
  ind: Indicator,
  tk: string | null,
  values: UnitValue[],
  lang: Lang,
  absent: ReadonlyMap<string, AbsentReason> = new Map(),
): CityFigure {
  const fig = figure(plan, ind, tk, values, lang, absent);
  return { ...fig, reported: { count: fig.sources.length, expected: ind.reporters.length } };
}

function figure(
  plan: Plan,
  ind: Indicator,
  tk: string | null,
  values: UnitValue[],
  lang: Lang,
  absent: ReadonlyMap<string, AbsentReason>,
): Omit<CityFigure, 'reported'> {
  const t = tk ? ind.targets[tk] : undefined;
  const target = t && t.op !== 'none' ? formatTarget(t, ind.unit) : null;
  const msg = (key: string, params: Record<string, string | number> = {}) => message(key, params, lang);
  const byUnit = new Map(values.map((v) => [v.unit, v]));
  const leadValues = ind.lead.map((c) => byUnit.get(c)).filter((v): v is UnitValue => !!v);
  const labels = (codes: string[]) => codes.map((c) => unitLabel(plan, c)).join('、');
  /** "未报送：昆山；数值无法识别：张家港": the units without a value, by why. */
  const absentText = (codes: string[]) =>
    ABSENT_ORDER.map((why) => {
      const these = codes.filter((c) => (absent.get(c) ?? 'no-return') === why);
      return these.length ? msg(`basis.absent.${why}`, { units: labels(these) }) : '';
    })
      .filter(Boolean)
      .join(SEP[lang]);

  /** The lead department's figure, with a note when co-leads disagree. */
  const lead = (): { v: UnitValue; note: string } | null => {
    if (!leadValues.length) return null;
    const [first, ...rest] = leadValues;
    const differing = rest.filter((r) => Math.abs(r.value - first.value) > 1e-9);
    const note = differing.length
      ? msg('basis.lead-differs', { others: differing.map((d) => `${unitLabel(plan, d.unit)} ${formatNumber(d.value)}`).join('、') })
      : '';
    return { v: first, note };
  };

  if (ind.rollup === 'sum') {
    const partsExpected = ind.reporters.filter((c) => !ind.lead.includes(c));
    const parts = values.filter((v) => partsExpected.includes(v.unit));
    const l = lead();
    if (parts.length) {
      // Twelve significant digits: no float noise (0.1 + 0.2) in the JSON.
      const sum = Number(parts.reduce((s, p) => s + p.value, 0).toPrecision(12));
      const missing = partsExpected.filter((c) => !byUnit.has(c));
      let basis = missing.length
        ? msg('basis.sum-partial', { count: parts.length, expected: partsExpected.length, missing: absentText(missing) })
        : msg('basis.sum', { count: parts.length });
      const fig: Omit<CityFigure, 'reported'> = { value: sum, target, attained: 'no-data', basis, sources: parts.map((p) => p.at) };
      if (l) {
        const difference = Number((sum - l.v.value).toPrecision(12));
        fig.districtsVsLead = { districtsSum: sum, lead: l.v.value, difference };
        basis += msg('basis.vs-lead', { lead: unitLabel(plan, l.v.unit), leadValue: formatNumber(l.v.value), difference: formatNumber(difference) });
        fig.basis = basis;
      }
      let att = attainment(ind, tk, sum);
      // A partial sum proves little: more units can only raise it, so only
      // "at least" met (or "at most" exceeded) is certain.
      if (missing.length && (att === 'met' || att === 'missed')) {
        const certain = (att === 'met' && t?.op === 'ge') || (att === 'missed' && t?.op === 'le');
        if (!certain) att = 'no-data';
      }
      fig.attained = att;
      return fig;
    }
    if (l) {
      const basis = (partsExpected.length ? msg('basis.sum-lead-fallback', { lead: unitLabel(plan, l.v.unit) }) : msg('basis.lead', { lead: unitLabel(plan, l.v.unit) })) + l.note;
      return { value: l.v.value, target, attained: attainment(ind, tk, l.v.value), basis, sources: [l.v.at] };
    }
    return { value: null, target, attained: attainment(ind, tk, null), basis: msg('basis.no-values'), sources: [] };
  }

  if (ind.rollup === 'rate' || ind.rollup === 'citywide') {
    const l = lead();
    if (l) return { value: l.v.value, target, attained: attainment(ind, tk, l.v.value), basis: msg('basis.lead', { lead: unitLabel(plan, l.v.unit) }) + l.note, sources: [l.v.at] };
    return { value: null, target, attained: attainment(ind, tk, null), basis: msg(ind.rollup === 'rate' ? 'basis.rate-no-lead' : 'basis.citywide-no-lead'), sources: [] };
  }

  // limit
  const reported = values.filter((v) => ind.reporters.includes(v.unit));
  const unreported = ind.reporters.filter((c) => !reported.some((v) => v.unit === c));
  const limitAbsent = reported.length && unreported.length ? SEP[lang] + absentText(unreported) : '';
  const numeric = !!t && (t.op === 'ge' || t.op === 'le' || t.op === 'eq' || t.op === 'range');
  const nonCompliant = numeric ? reported.filter((v) => !evaluateTarget(t, v.value)!.met).map((v) => v.unit) : [];
  let worst: UnitValue | null = null;
  for (const v of reported) {
    if (!worst) worst = v;
    else if (numeric) {
      if (evaluateTarget(t, v.value)!.gap > evaluateTarget(t, worst.value)!.gap) worst = v;
      else if (evaluateTarget(t, worst.value)!.gap === 0 && evaluateTarget(t, v.value)!.gap === 0) {
        // All comply so far: the worst is the one closest to the limit.
        if (ind.direction === 'le' ? v.value > worst.value : v.value < worst.value) worst = v;
      }
    } else if (ind.direction === 'le' ? v.value > worst.value : v.value < worst.value) worst = v;
  }
  let attained = attainment(ind, tk, worst ? worst.value : null);
  if (numeric && reported.length) {
    if (nonCompliant.length) attained = 'missed';
    else attained = reported.length === ind.reporters.length ? 'met' : 'no-data';
  }
  return {
    value: worst ? worst.value : null,
    target,
    attained,
    basis:
      (reported.length
        ? msg('basis.limit', { count: reported.length, expected: ind.reporters.length, bad: nonCompliant.length })
        : msg('basis.no-values')) + limitAbsent,
    nonCompliant,
    sources: reported.map((v) => v.at),
  };
}
