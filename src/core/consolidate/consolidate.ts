/**
 * Consolidating the returns of one plan and period into the city summary.
 * The steps, each in its own file:
 * 1. intake.ts: each input is validated and accepted or rejected;
 * 2. conflicts.ts: two accepted returns from one unit are conflicts;
 * 3. unit-values.ts: per indicator, each unit's value: absent, unusable (an
 *    error finding) or a candidate;
 * 4. peer-slips.ts: a part 1000× off the median of the other parts is a
 *    likely unit slip;
 * 5. exclusions.ts: slips and unusable values are left out and named;
 * 6. city.ts and measures.ts: the city figure, 完成率, note and ranking;
 * 7. here: completeness (missing units, the grid) and the counts.
 * Units below the district level (towns) roll up through the tree (tree.ts).
 */

import type { Indicator, Plan } from '../plan/types';
import type { ParsedReturn } from '../return/types';
import type { Lang } from '../rules/finding';
import type { Consolidation, GridState, IndicatorSummary, UnreadableFile } from './types';
import { parsePeriod, periodKey, periodLabel, targetKey, type Period } from '../period';
import { message } from '../i18n';
import { formatTarget } from '../plan/target';
import { unitOf } from '../plan/lookup';
import { intake, type Item } from './intake';
import { settleConflicts } from './conflicts';
import { readIndicator, type IndicatorReadings } from './unit-values';
import { flagPeerSlips } from './peer-slips';
import { sortValues, type Sorted } from './exclusions';
import { cityFigure } from './city';
import { ranking } from './measures';
import { partReporters } from './roles';
import { ownTargets } from './own-targets';
import { coveredUnits, effectiveParts, treeFigures, unitTree } from './tree';
import { cityFigures, comparePeriods, previousPeriodOf, trajectory } from './previous-period';
import { dayText, parseDay, judgeReturn, submissions } from './timeliness';

/** The remarks units wrote beside their values: the explanations shown beside the figure. */
function unitRemarks(ind: Indicator, used: ReadonlyMap<string, Item>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const unit of ind.reporters) {
    const remark = used.get(unit)?.ret?.entries.get(ind.code)?.remark;
    if (remark) out[unit] = remark;
  }
  return out;
}

/** --deadline, else the most common deadline the returns' templates carry. */
function roundDeadline(given: string | undefined, returns: (ParsedReturn | UnreadableFile)[]): number | null {
  if (given) return parseDay(given);
  const counts = new Map<number, number>();
  for (const r of returns) {
    const d = 'entries' in r ? parseDay(r.meta?.deadline) : null;
    if (d !== null) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [d, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best) && d < best)) best = d;
  return best;
}

export { isUnreadable } from './intake';

export interface ConsolidateOpts {
  lang?: Lang;
  previous?: ParsedReturn[];
  conflict?: 'report' | 'latest';
  /**
   * The round's deadline (ISO date "2024-01-15"). Without it, the one the
   * templates carry (ParsedReturn.meta.deadline, the most common) is used.
   */
  deadline?: string;
}

interface Context {
  plan: Plan;
  lang: Lang;
  wanted: Period | null;
  /** The target period key (a half or quarter uses its year's). */
  tk: string | null;
  used: ReadonlyMap<string, Item>;
  contested: ReadonlySet<string>;
}

/** Kind `text`: people judge the words; the figure only lists where they are. */
function qualitativeSummary(ctx: Context, ind: Indicator, readings: IndicatorReadings): IndicatorSummary['city'] {
  const t = ctx.tk ? ind.targets[ctx.tk] : undefined;
  const count = readings.textSources.length;
  return {
    value: null,
    target: t && t.op !== 'none' ? formatTarget(t, ind.unit) : null,
    attained: 'qualitative',
    basis: count ? message('basis.text', { count }, ctx.lang) : message('basis.no-values', {}, ctx.lang),
    sources: readings.textSources,
    reported: { count, expected: ind.reporters.length },
  };
}

function summarise(ctx: Context, ind: Indicator): { summary: IndicatorSummary; usable: Set<string> } {
  const readings = readIndicator(ctx.plan, ind, ctx.used, ctx.contested);
  const t = ctx.tk ? ind.targets[ctx.tk] : undefined;
  // Towns below districts: the parts are the tree's (a district return stands for its towns).
  const tree = ind.kind === 'text' ? null : unitTree(ctx.plan, partReporters(ctx.plan, ind));
  const partsOf = (values: { unit: string }[]) => {
    const has = new Set(values.map((v) => v.unit));
    return tree ? effectiveParts(tree, (u) => has.has(u)) : partReporters(ctx.plan, ind);
  };
  const partSet = new Set(partsOf(readings.candidates));
  flagPeerSlips(ind, readings.candidates.filter((v) => partSet.has(v.unit)), ctx.used, ctx.lang);
  const sorted: Sorted = sortValues(ctx.plan, ind, readings, ctx.used, ctx.lang);
  const parts = partsOf(sorted.usable);

  const units: Record<string, number | null> = {};
  for (const u of ind.reporters) units[u] = null;
  for (const v of sorted.usable) units[v.unit] = v.value;
  const isText = ind.kind === 'text';
  const city = isText
    ? qualitativeSummary(ctx, ind, readings)
    : cityFigure({ plan: ctx.plan, ind, tk: ctx.tk, usable: sorted.usable, absent: readings.absent, excluded: sorted.excluded, lang: ctx.lang, ...(tree ? { parts } : {}) });
  // A half or a quarter is set against its year's target: say so beside the figure.
  if (ctx.wanted && ctx.wanted.kind !== 'year' && city.target) city.basis += message('target.interim', { period: periodLabel(ctx.wanted, ctx.lang) }, ctx.lang);

  const summary: IndicatorSummary = {
    code: ind.code,
    name: ctx.lang === 'en' && ind.nameEn ? ind.nameEn : ind.name,
    unit: ind.unit,
    category: ind.category,
    units,
    city,
  };
  if (isText) summary.texts = readings.texts;
  const nodes = tree ? treeFigures(tree, ind, sorted.usable, t) : [];
  if (nodes.length) summary.tree = nodes;
  if (!isText && ind.rollup === 'sum') {
    // In a tree the city compares its districts (each one's own or made-from-towns figure).
    const top = nodes.filter((n) => n.parent === null && n.value !== null).map((n) => ({ unit: n.unit, value: n.value!, at: n.sources[0] }));
    const partUnits = new Set(parts);
    const topNodes = new Set(nodes.filter((n) => n.parent === null).map((n) => n.unit));
    const flat = sorted.usable.filter((v) => partUnits.has(v.unit) && !topNodes.has(v.unit));
    const topUnits = new Set(tree?.top);
    summary.ranking = ranking(ind, t, tree ? [...top, ...flat.filter((v) => topUnits.has(v.unit))] : flat);
  }
  const remarks = unitRemarks(ind, ctx.used);
  if (Object.keys(remarks).length) summary.remarks = remarks;
  if (ctx.wanted) {
    const path = trajectory(ctx.plan, ind, ctx.wanted, city);
    if (path) summary.trajectory = path;
  }
  if (readings.unusable.size) summary.unusable = Object.fromEntries([...readings.unusable].map(([u, bad]) => [u, bad.finding.message]));

  const usable = new Set(isText ? Object.keys(readings.texts).filter((u) => readings.texts[u] !== null) : sorted.usable.map((v) => v.unit));
  return { summary, usable };
}

export function consolidateReturns(
  plan: Plan,
  period: string,
  returns: (ParsedReturn | UnreadableFile)[],
  opts: ConsolidateOpts = {},
): Consolidation {
  const lang = opts.lang ?? 'zh';
  const wanted = parsePeriod(period);
  const canonical = wanted ? periodKey(wanted) : period;
  const reporters = new Set(plan.indicators.flatMap((i) => i.reporters));
  const reportingUnits = plan.units.filter((u) => reporters.has(u.code)).map((u) => u.code);
  const unitName = (code: string) => unitOf(plan, code)?.name ?? code;

  // Last period beside this one: the earlier returns consolidated as their
  // own period, first, so that only its city figures are kept (at town scale
  // the whole of it is as large as this period's).
  const prevPeriod = wanted && opts.previous?.length ? previousPeriodOf(plan, wanted, opts.previous) : null;
  const before = prevPeriod ? cityFigures(consolidateReturns(plan, periodKey(prevPeriod), opts.previous!, { lang, conflict: opts.conflict }).indicators) : null;

  const items = intake({ plan, lang, canonical, wanted, reportingUnits, previous: opts.previous }, returns);
  const { used, contested } = settleConflicts(items, opts.conflict, (u) => `${unitName(u)} ${u}`, lang);
  const ctx: Context = { plan, lang, wanted, tk: wanted ? targetKey(wanted) : null, used, contested };

  const indicators: IndicatorSummary[] = [];
  // Every unit's row has the same keys in the same order: copies of one row
  // share its layout (a few bytes per cell) where rows filled key by key
  // would each become a hash table (about 60 MB at ten thousand units).
  const blankRow: Record<string, GridState> = Object.fromEntries(plan.indicators.map((i) => [i.code, 'not-required']));
  const grid: Consolidation['grid'] = Object.fromEntries(reportingUnits.map((u) => [u, { ...blankRow }]));
  for (const ind of plan.indicators) {
    const { summary, usable } = summarise(ctx, ind);
    indicators.push(summary);
    // "filled" only for a value that made it into the consolidation.
    const required = new Set(ind.reporters);
    for (const u of reportingUnits) grid[u][ind.code] = !required.has(u) ? 'not-required' : usable.has(u) ? 'filled' : 'blank';
  }

  const returned = new Set(items.filter((i) => i.outcome.status !== 'rejected').map((i) => i.outcome.unit));
  // A town whose district sent the district return (or a district whose towns sent theirs) is not missing.
  const covered = coveredUnits(plan, new Set([...returned].filter((u): u is string => !!u)));
  const missing = reportingUnits.filter((u) => !returned.has(u) && !covered.has(u));
  // The findings gain their file and unit in place: a copy of each would
  // double the largest part of a consolidation of thousands of returns.
  const findings: Consolidation['findings'] = [];
  for (const it of items) {
    let errors = 0;
    let warnings = 0;
    for (const f of it.findings as Consolidation['findings']) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      f.file = it.file;
      f.unit = it.outcome.unit;
      findings.push(f);
    }
    it.outcome.errors = errors;
    it.outcome.warnings = warnings;
  }
  const result: Consolidation = { plan: plan.id, period: canonical, returns: items.map((i) => i.outcome), missing, indicators, findings, grid };
  // Own targets (目标分解): attainment per unit and checks of the split (own-targets.ts).
  const own = ctx.tk ? ownTargets(plan, ctx.tk, indicators, lang) : [];
  if (own.length) result.ownTargets = own;

  // Timeliness and contacts (报送情况), late and missing first.
  const deadline = roundDeadline(opts.deadline, returns);
  if (deadline !== null) {
    result.deadline = dayText(deadline);
    for (const it of items) judgeReturn(it.outcome, it.ret, deadline);
  }
  result.submissions = submissions({ reportingUnits, missing, unitName, outcomes: result.returns, previous: opts.previous, deadline, lang });

  if (wanted && prevPeriod && before) comparePeriods(wanted, prevPeriod, indicators, before);
  return result;
}
