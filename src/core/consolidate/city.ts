/**
 * The city figure of one indicator, by its roll-up:
 * - sum: the sum of the parts (every reporter but the city-wide leads, so a
 *   district that co-leads still counts). When a lead department also
 *   reports a city-wide figure, it is shown beside as `districtsVsLead` for
 *   reconciliation, but the city figure stays the sum, because every part of
 *   it traces to a unit's cell. Only when no part exists at all is the lead's
 *   figure used (and the basis says so).
 * - rate: not additive; the lead department's own figure, else none.
 * - citywide: the lead department's figure (a co-leading district's value is
 *   its own, never the city's).
 * - limit: every unit must comply; the value shown is the worst unit's.
 *
 * A partial sum is never presented as the total: `reported` says how many of
 * the expected units made it, and the verdict is given only when certain.
 * A value left out for verification makes the verdict 待核实 (`unverified`)
 * unless the verdict holds whatever that value turns out to be.
 */

import type { Indicator, Plan, Target } from '../plan/types';
import type { Lang } from '../rules/finding';
import type { Attainment, CityFigure, Excluded } from './types';
import type { AbsentReason, UnitValue } from './unit-values';
import { evaluateTarget, formatTarget, isNumericTarget } from '../plan/target';
import { formatNumber, message } from '../i18n';
import { citywideLeads, partReporters } from './roles';
import { unitOf } from '../plan/lookup';
import { clean, completion, verdictNote } from './measures';
import { nameList } from './name-list';

export type { AbsentReason, UnitValue } from './unit-values';

const ABSENT_ORDER: AbsentReason[] = ['no-return', 'conflict', 'excluded', 'unreadable', 'error', 'blank'];
const SEP: Record<Lang, string> = { zh: '；', en: '; ' };

export interface FigureInput {
  plan: Plan;
  ind: Indicator;
  /** The target period key (a half or quarter uses its year's target). */
  tk: string | null;
  /** Values that may enter the figure. */
  usable: UnitValue[];
  /** Why each expected unit without a usable value has none. */
  absent: ReadonlyMap<string, AbsentReason>;
  /** Values left out, and why. */
  excluded: Excluded[];
  lang: Lang;
  /**
   * The parts whose values make the figure, when the units form a tree
   * (tree.ts: a district's own return stands for its towns); default: every part reporter.
   */
  parts?: string[];
}

type Figure = Omit<CityFigure, 'target' | 'reported'> & { reported: CityFigure['reported'] };

function unitLabel(plan: Plan, code: string): string {
  const u = unitOf(plan, code);
  return u ? u.shortName ?? u.name : code;
}

function verdict(ind: Indicator, t: Target | undefined, value: number | null): Attainment {
  if (!t || t.op === 'none') return 'no-target';
  if (t.op === 'text') return 'qualitative';
  if (value === null) return 'no-data';
  return evaluateTarget(t, value, ind.tolerance)!.met ? 'met' : 'missed';
}

/** Units named per reason in a figure's basis. */
const ABSENT_NAMES = 10;

/** "未报送：昆山；待核实未计入：张家港": the units without a value, by why. */
function absentText(input: FigureInput, codes: string[]): string {
  const msg = (key: string, params: Record<string, string>) => message(key, params, input.lang);
  // Ten names at most, the rest counted: at town scale a reason can cover hundreds (the JSON lists each unit's state in `grid` and `unusable`).
  const labels = (cs: string[]) => nameList(cs.map((c) => unitLabel(input.plan, c)), ABSENT_NAMES, input.lang);
  return ABSENT_ORDER.map((why) => {
    const these = codes.filter((c) => (input.absent.get(c) ?? 'no-return') === why);
    return these.length ? msg(`basis.absent.${why}`, { units: labels(these) }) : '';
  })
    .filter(Boolean)
    .join(SEP[input.lang]);
}

/** Whether a unit was left out for verification (its value may change the verdict). */
function toVerify(input: FigureInput, codes: string[]): boolean {
  return codes.some((c) => input.absent.get(c) === 'excluded');
}

/**
 * The verdict of a figure made without some expected units. More parts can
 * only raise a sum of non-negative values, so only "at least" met (or "at
 * most" exceeded) is certain; otherwise 待核实 when a left-out value is to be
 * verified, else no data yet.
 */
function partialVerdict(input: FigureInput, t: Target | undefined, value: number, without: string[]): Attainment {
  const att = verdict(input.ind, t, value);
  if (!without.length || (att !== 'met' && att !== 'missed')) return att;
  // Kind `number` may be negative: a missing part could lower the sum.
  if (input.ind.kind === 'number') return toVerify(input, without) ? 'unverified' : 'no-data';
  const grows = (t?.op === 'ge' || (t?.op === 'range' && !t.band)) && att === 'met';
  const certain = grows || (att === 'missed' && t?.op === 'le');
  if (certain) return att;
  return toVerify(input, without) ? 'unverified' : 'no-data';
}

/** The first city-wide lead (plan order) with a usable value, with a note when co-leads disagree. */
function leadFigure(input: FigureInput): { v: UnitValue; note: string } | null {
  const byUnit = new Map(input.usable.map((v) => [v.unit, v]));
  const values = citywideLeads(input.plan, input.ind)
    .map((c) => byUnit.get(c))
    .filter((v): v is UnitValue => !!v);
  if (!values.length) return null;
  const [first, ...rest] = values;
  const differing = rest.filter((r) => Math.abs(r.value - first.value) > 1e-9);
  const note = differing.length
    ? message('basis.lead-differs', { others: differing.map((d) => `${unitLabel(input.plan, d.unit)} ${formatNumber(d.value)}`).join('、') }, input.lang)
    : '';
  return { v: first, note };
}

function sumFigure(input: FigureInput, t: Target | undefined): Figure {
  const { plan, ind, lang } = input;
  const msg = (key: string, params: Record<string, string | number> = {}) => message(key, params, lang);
  const expected = input.parts ?? partReporters(plan, ind);
  const expectedSet = new Set(expected);
  const parts = input.usable.filter((v) => expectedSet.has(v.unit));
  const l = leadFigure(input);
  if (parts.length) {
    const sum = clean(parts.reduce((s, p) => s + p.value, 0));
    const partUnits = new Set(parts.map((p) => p.unit));
    const without = expected.filter((c) => !partUnits.has(c));
    let basis = without.length
      ? msg('basis.sum-partial', { count: parts.length, expected: expected.length, missing: absentText(input, without) })
      : msg('basis.sum', { count: parts.length });
    const fig: Figure = { value: sum, attained: partialVerdict(input, t, sum, without), basis, sources: parts.map((p) => p.at), reported: { count: parts.length, expected: expected.length } };
    if (l) {
      const difference = clean(sum - l.v.value);
      fig.districtsVsLead = { districtsSum: sum, lead: l.v.value, difference };
      basis += msg('basis.vs-lead', { lead: unitLabel(plan, l.v.unit), leadValue: formatNumber(l.v.value), difference: formatNumber(difference) });
      fig.basis = basis;
    }
    // 完成率 of a partial sum would be read as the city's: none until complete.
    fig.completion = without.length ? null : completion(ind, t, sum);
    return fig;
  }
  if (l) {
    const basis = (expected.length ? msg('basis.sum-lead-fallback', { lead: unitLabel(plan, l.v.unit) }) : msg('basis.lead', { lead: unitLabel(plan, l.v.unit) })) + l.note;
    return { value: l.v.value, attained: verdict(ind, t, l.v.value), basis, sources: [l.v.at], reported: { count: 1, expected: 1 }, completion: completion(ind, t, l.v.value) };
  }
  return emptyFigure(input, t, expected.length ? expected : citywideLeads(plan, ind));
}

/** No value at all: 待核实 when one was left out for verification, else no data. */
function emptyFigure(input: FigureInput, t: Target | undefined, expected: string[], basisKey = 'basis.no-values'): Figure {
  let att = verdict(input.ind, t, null);
  if (att === 'no-data' && toVerify(input, expected)) att = 'unverified';
  const absent = expected.length ? SEP[input.lang] + absentText(input, expected) : '';
  return { value: null, attained: att, basis: message(basisKey, {}, input.lang) + absent, sources: [], reported: { count: 0, expected: expected.length }, completion: null };
}

function leadOnlyFigure(input: FigureInput, t: Target | undefined): Figure {
  const { plan, ind, lang } = input;
  const leads = citywideLeads(plan, ind);
  const l = leadFigure(input);
  if (l) {
    const basis = message('basis.lead', { lead: unitLabel(plan, l.v.unit) }, lang) + l.note;
    return { value: l.v.value, attained: verdict(ind, t, l.v.value), basis, sources: [l.v.at], reported: { count: 1, expected: 1 }, completion: completion(ind, t, l.v.value) };
  }
  const fig = emptyFigure(input, t, leads, ind.rollup === 'rate' ? 'basis.rate-no-lead' : 'basis.citywide-no-lead');
  fig.reported = { count: 0, expected: 1 };
  return fig;
}

function limitFigure(input: FigureInput, t: Target | undefined): Figure {
  const { ind, lang } = input;
  // In a tree, a district's own return (its worst town) stands for its towns.
  const parts = input.parts ? new Set(input.parts) : null;
  const partSet = parts ? new Set(partReporters(input.plan, ind)) : null;
  const reporters = parts ? ind.reporters.filter((c) => parts.has(c) || !partSet!.has(c)) : ind.reporters;
  const reporterSet = new Set(reporters);
  const reported = input.usable.filter((v) => reporterSet.has(v.unit));
  const reportedUnits = new Set(reported.map((v) => v.unit));
  const unreported = reporters.filter((c) => !reportedUnits.has(c));
  const numeric = isNumericTarget(t);
  const check = (v: UnitValue) => evaluateTarget(t, v.value, ind.tolerance)!;
  const nonCompliant = numeric ? reported.filter((v) => !check(v).met).map((v) => v.unit) : [];
  const worse = (a: UnitValue, b: UnitValue) => (ind.direction === 'le' ? a.value > b.value : a.value < b.value);
  let worst: UnitValue | null = null;
  for (const v of reported) {
    if (!worst) worst = v;
    else if (numeric && check(v).gap !== check(worst).gap) {
      if (check(v).gap > check(worst).gap) worst = v;
    } else if (worse(v, worst)) worst = v; // all comply so far: the one closest to the limit
  }
  let attained = verdict(ind, t, worst ? worst.value : null);
  if (numeric && reported.length) {
    if (nonCompliant.length) attained = 'missed';
    else if (!unreported.length) attained = 'met';
    else attained = toVerify(input, unreported) ? 'unverified' : 'no-data';
  } else if (numeric && toVerify(input, unreported)) attained = 'unverified';
  const absent = reported.length && unreported.length ? SEP[lang] + absentText(input, unreported) : '';
  return {
    value: worst ? worst.value : null,
    attained,
    basis:
      (reported.length
        ? message('basis.limit', { count: reported.length, expected: reporters.length, bad: nonCompliant.length }, lang)
        : message('basis.no-values', {}, lang)) + absent,
    nonCompliant,
    sources: reported.map((v) => v.at),
    reported: { count: reported.length, expected: reporters.length },
    completion: null,
  };
}

export function cityFigure(input: FigureInput): CityFigure {
  const t = input.tk ? input.ind.targets[input.tk] : undefined;
  const target = t && t.op !== 'none' ? formatTarget(t, input.ind.unit) : null;
  const fig =
    input.ind.rollup === 'sum' ? sumFigure(input, t) : input.ind.rollup === 'limit' ? limitFigure(input, t) : leadOnlyFigure(input, t);
  const { value, attained, basis, ...rest } = fig;
  const out: CityFigure = { value, target, attained, basis, ...rest };
  if (input.excluded.length) out.excluded = input.excluded;
  const note = fig.attained === 'met' ? verdictNote(input.ind, t, fig.value, input.lang) : undefined;
  if (note) out.note = note;
  if (out.attained !== 'met' && out.attained !== 'missed') out.completion = null;
  return out;
}
