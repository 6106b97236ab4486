/**
 * The cells of the 汇总 sheet's leading columns for one indicator
 * (SUMMARY_LEADING_HEADERS: 代码 … 区县合计与牵头部门差异), as plain values.
 * The CLI workbook and the add-in both write these, so the two summaries
 * read the same. No ExcelJS here.
 */

import { nameList } from '../../core/consolidate/name-list';
import type { Consolidation, IndicatorSummary } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { ATTAINMENT_WORDS } from './labels';
import { cleanText, numberValue } from './cells';
import { completionOf, excludedOf, noteOf, rankingOf, reportedText } from './figure';
import { unitColumns, unitLabel } from './units';
import { nodeOf } from './tree-units';

export type LeadingValue = string | number | null;

/** 1-based columns of the leading block, in SUMMARY_LEADING_HEADERS order. */
export const LEADING_COL = {
  code: 1,
  category: 2,
  name: 3,
  unit: 4,
  city: 5,
  reported: 6,
  target: 7,
  attained: 8,
  completion: 9,
  basis: 10,
  ranking: 11,
  diff: 12,
} as const;

export function categoryName(plan: Plan, id: string): string {
  const cat = plan.categories.find((c) => c.id === id);
  if (!cat) return id;
  const parent = cat.parent ? plan.categories.find((c) => c.id === cat.parent) : undefined;
  return parent ? `${parent.name} › ${cat.name}` : cat.name;
}

/** Short unit names (张家港) for the lists in a cell. */
function shortNames(plan: Plan, c: Consolidation): Map<string, string> {
  return new Map(unitColumns(plan, c).map((u) => [u.code, u.label]));
}

/**
 * 计算方式: how the figure was made, then who breaks a limit, what was left
 * out of the figure and why, and the engine's note on the verdict.
 */
/** Units named per list in 计算方式, as many as a city has districts. */
const NAMED = 10;

export function basisText(plan: Plan, ind: IndicatorSummary): string {
  const parts = [ind.city.basis];
  // At town scale these lists name hundreds of units: the first are named, the rest counted (问题清单 has them all).
  if (ind.city.nonCompliant?.length) parts.push(`不达标单位：${nameList(ind.city.nonCompliant.map((u) => unitLabel(plan, u)), NAMED)}`);
  const excluded = excludedOf(ind);
  if (excluded.length)
    // A likely slip or an implausible value is to be verified; a value with an error is simply wrong.
    parts.push(
      `未计入全市数：${nameList(
        excluded.map((e) => `${unitLabel(plan, e.unit)}${e.value === null ? '' : ` ${numberValue(e.value)}`}（${e.reason === 'error' ? '数值有错误' : '待核实'}）`),
        NAMED,
      )}`,
    );
  const note = noteOf(ind);
  if (note) parts.push(note);
  return cleanText(parts.filter(Boolean).join('；'));
}

/**
 * 区县排名: "1 昆山 · 2 张家港 · 3 常熟 …" for sums; empty otherwise. A
 * district whose figure is made from only some of its towns says how many
 * ("张家港（已报 2/100）"): its place may change when the rest report.
 */
export function rankingText(plan: Plan, c: Consolidation, ind: IndicatorSummary, names = shortNames(plan, c)): string {
  return rankingOf(plan, ind)
    .map((u, i) => {
      const node = nodeOf(ind, u);
      const partial = node && !node.complete ? `（已报 ${node.reported.count}/${node.reported.expected}）` : '';
      return `${i + 1} ${names.get(u) ?? unitLabel(plan, u)}${partial}`;
    })
    .join(' · ');
}

/** The leading cells of one indicator's row, in SUMMARY_LEADING_HEADERS order. */
export function leadingValues(plan: Plan, c: Consolidation, ind: IndicatorSummary, names = shortNames(plan, c)): LeadingValue[] {
  const text = (t: string | null | undefined) => (t ? cleanText(t) : null);
  const completion = completionOf(plan, c, ind);
  return [
    ind.code,
    text(categoryName(plan, ind.category)),
    text(ind.name),
    text(ind.unit),
    numberValue(ind.city.value),
    reportedText(plan, ind),
    text(ind.city.target),
    ATTAINMENT_WORDS[ind.city.attained] ?? ind.city.attained,
    completion === null ? null : numberValue(completion),
    text(basisText(plan, ind)),
    text(rankingText(plan, c, ind, names)),
    ind.city.districtsVsLead ? numberValue(ind.city.districtsVsLead.difference) : null,
  ];
}

/** Every indicator's leading cells (unit names computed once). */
export function allLeadingValues(plan: Plan, c: Consolidation): LeadingValue[][] {
  const names = shortNames(plan, c);
  return c.indicators.map((ind) => leadingValues(plan, c, ind, names));
}
