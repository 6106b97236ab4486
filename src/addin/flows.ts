/**
 * What the pane's buttons do, apart from drawing: the check of the open
 * return and the consolidation of picked files and copied sheets. Engine and
 * reader calls live here; Excel calls go through ExcelHost.
 */

import { consolidate, findReturnPlan, progress, validateReturn, type Consolidation, type Finding, type UnreadableFile } from '../core/engine';
import { planHash } from '../core/plan/load';
import { builtinPlans } from '../core/plan/builtin';
import type { Plan } from '../core/plan/types';
import type { ParsedReturn } from '../core/return/types';
import { TEMPLATE_FORMAT_VERSION } from '../core/template/layout';
import { SUMMARY_SHEETS } from '../xlsx/summary/labels';
import { readReturn } from '../xlsx/read';
import type { ExcelHost } from './host';
import type { UiLang } from './i18n';
import { planWorkbookOf, plansAmong } from './pickedPlans';
import { copiedReturnOf, type CopiedReturn, periodFromTitle, unitCodeFromTitle } from './office/copiedSheets';
import type { HighlightResult } from './office/highlight';
import type { OpenWorkbook } from './office/readOpen';
import { buildSummaryTables, CHART_SHEET } from './summaryTables';

export interface Progress {
  filled: number;
  total: number;
  met: number;
  problems: number;
}

export type OpenState =
  | { mode: 'clerk'; state: OpenWorkbook; ret: ParsedReturn; plan: Plan; findings: Finding[]; progress: Progress }
  | { mode: 'unknown-plan'; state: OpenWorkbook; ret: ParsedReturn }
  | { mode: 'city'; state: OpenWorkbook };

/** Reads the open workbook and, for a return, validates it (no highlighting). */
export async function inspectOpen(host: ExcelHost, lang: UiLang, plans: Plan[] = builtinPlans()): Promise<OpenState> {
  const state = await host.readOpen();
  if (state.kind !== 'return' || !state.ret) return { mode: 'city', state };
  const ret = state.ret;
  const plan = findReturnPlan(ret, plans);
  if (!plan) return { mode: 'unknown-plan', state, ret };
  const findings = validateReturn(plan, ret, { lang, period: ret.meta?.period });
  return { mode: 'clerk', state, ret, plan, findings, progress: progress(plan, ret, findings) };
}

/** "检查本表": read everything again (values may have changed), validate, highlight. */
export async function checkOpen(
  host: ExcelHost,
  lang: UiLang,
  plans: Plan[] = builtinPlans(),
): Promise<{ open: OpenState; highlight: HighlightResult | null }> {
  const open = await inspectOpen(host, lang, plans);
  if (open.mode !== 'clerk') return { open, highlight: null };
  const highlight = await host.highlight(open.state, open.findings);
  return { open, highlight };
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
  lastModified?: number;
}

export interface Skipped {
  file: string;
  reason: string;
}

export interface ConsolidationRun {
  plan: Plan;
  period: string;
  result: Consolidation;
  /** Files and sheets left out before consolidating (other plan/period, unreadable when nothing else). */
  skipped: Skipped[];
}

const OUR_SHEETS = [SUMMARY_SHEETS.summary, CHART_SHEET, SUMMARY_SHEETS.submissions, SUMMARY_SHEETS.findings];

// The pane reads the picked files when they are picked (to offer 汇总为本级报表)
// and again on 汇总报表: the same bytes are parsed once.
const readCache = new WeakMap<Uint8Array, { lang: UiLang; result: ReturnType<typeof readReturn> }>();
function readOnce(f: PickedFile, lang: UiLang): ReturnType<typeof readReturn> {
  const hit = readCache.get(f.bytes);
  if (hit && hit.lang === lang) return hit.result;
  const result = readReturn(f.bytes, f.name, { lang, modifiedAt: f.lastModified ? new Date(f.lastModified).toISOString() : undefined });
  readCache.set(f.bytes, { lang, result });
  return result;
}

/** The picked files read once: the largest group of one plan and period, and what was left out. */
export interface PickedGroup {
  plan: Plan;
  period: string;
  rets: ParsedReturn[];
  unreadable: UnreadableFile[];
  skipped: Skipped[];
}

/**
 * Reads the picked files: plan files (a plan JSON, or a plan workbook from
 * `plansheet plan export`) join the built-in plans, so returns of a plan with
 * towns can be consolidated too; returns are grouped by plan and period and
 * the largest group is kept. `extra` are returns from elsewhere (copied sheets).
 */
export function readPicked(
  files: PickedFile[],
  lang: UiLang,
  plans: Plan[] = builtinPlans(),
  extra: ParsedReturn[] = [],
  extraSkipped: Skipped[] = [],
): { group: PickedGroup | null; skipped: Skipped[] } {
  const returns: ParsedReturn[] = [];
  const unreadable: UnreadableFile[] = [];
  const picked = plansAmong(files, lang);
  const known = [...picked.plans, ...plans.filter((p) => !picked.plans.some((q) => q.id === p.id))];
  for (const f of picked.rest) {
    const r = readOnce(f, lang);
    if (r.ok && r.ret.meta) {
      returns.push(r.ret);
      continue;
    }
    // Not a return: perhaps the plan itself, as a workbook.
    const plan = planWorkbookOf(f);
    if (plan) known.unshift(plan);
    else if (r.ok) returns.push(r.ret);
    else unreadable.push({ file: f.name, message: r.message });
  }
  returns.push(...extra);

  // Group by plan and period; the largest group is consolidated.
  const skipped: Skipped[] = [...picked.skipped, ...extraSkipped];
  const groups = new Map<string, { plan: Plan; period: string; rets: ParsedReturn[] }>();
  for (const ret of returns) {
    const plan = findReturnPlan(ret, known);
    if (!plan || !ret.meta) {
      skipped.push({ file: ret.source, reason: lang === 'en' ? 'Not a PlanSheet return of a built-in or picked plan.' : '不是内置规划或所选规划文件的 PlanSheet 填报表。' });
      continue;
    }
    const key = `${plan.id} ${ret.meta.period}`;
    const g = groups.get(key) ?? { plan, period: ret.meta.period, rets: [] };
    g.rets.push(ret);
    groups.set(key, g);
  }
  const ordered = [...groups.values()].sort((a, b) => b.rets.length - a.rets.length);
  const main = ordered[0];
  if (!main) return { group: null, skipped: [...unreadable.map((u) => ({ file: u.file, reason: u.message })), ...skipped] };
  for (const g of ordered.slice(1)) {
    for (const r of g.rets) {
      skipped.push({
        file: r.source,
        reason:
          lang === 'en'
            ? `Belongs to ${g.plan.title} ${g.period}; this run consolidates ${main.plan.title} ${main.period}.`
            : `属于${g.plan.title}（${g.period}），本次汇总的是${main.plan.title}（${main.period}）。`,
      });
    }
  }
  return { group: { plan: main.plan, period: main.period, rets: main.rets, unreadable, skipped }, skipped };
}

/**
 * Reads the files (and, if asked, the sheets copied into the workbook) and
 * consolidates the largest group of one plan and period. Returns null with
 * the reasons when nothing can be consolidated.
 */
export async function prepareConsolidation(
  host: ExcelHost,
  files: PickedFile[],
  useCopied: boolean,
  lang: UiLang,
  plans: Plan[] = builtinPlans(),
): Promise<{ run: ConsolidationRun | null; skipped: Skipped[] }> {
  const copied: ParsedReturn[] = [];
  const copiedSkipped: Skipped[] = [];
  if (useCopied) {
    // Copied sheets are matched against the built-in plans and any plan file picked.
    const known = [...plansAmong(files, lang).plans, ...plans];
    for (const grid of await host.readSheetGrids(OUR_SHEETS)) {
      const c = copiedReturnOf(grid);
      if (!c) continue;
      const made = copiedToReturn(c, known, lang);
      if ('ret' in made) copied.push(made.ret);
      else copiedSkipped.push({ file: c.sheet, reason: made.reason });
    }
  }
  const { group, skipped } = readPicked(files, lang, plans, copied, copiedSkipped);
  if (!group) return { run: null, skipped };
  const result = consolidate(group.plan, group.period, [...group.rets, ...group.unreadable], { lang });
  return { run: { plan: group.plan, period: group.period, result, skipped }, skipped };
}

/** Writes the run's sheets; `confirmReplace` is asked only when some exist. */
export async function writeRun(
  host: ExcelHost,
  run: ConsolidationRun,
  confirmReplace: (existing: string[]) => Promise<boolean>,
): Promise<{ written: boolean; chart: boolean; sheets: string[] }> {
  const tables = buildSummaryTables(run.plan, run.result);
  const names = tables.sheets.map((s) => s.name);
  const existing = await host.existingSheets(names);
  if (existing.length && !(await confirmReplace(existing))) return { written: false, chart: false, sheets: names };
  const w = await host.writeSummary(tables, existing);
  return { written: true, chart: w.chart, sheets: names };
}

/**
 * A copied entry sheet has no metadata: the plan is the built-in plan that
 * has all its codes, the period and unit come from the title rows.
 */
function copiedToReturn(copied: CopiedReturn, plans: Plan[], lang: UiLang): { ret: ParsedReturn } | { reason: string } {
  const plan = plans.find((p) => copied.codes.every((c) => p.indicators.some((i) => i.code === c)));
  const period = periodFromTitle(copied.titleText);
  const unit = unitCodeFromTitle(copied.titleText);
  const en = lang === 'en';
  if (!plan)
    return { reason: en ? 'A copied entry sheet whose indicator codes match no built-in plan.' : '复制进来的填报表工作表，但指标代码与内置规划不符。' };
  if (!period || !unit)
    return { reason: en ? 'A copied entry sheet without its title rows (period, unit).' : '复制进来的填报表工作表缺少标题行中的填报期或填报单位。' };
  return { ret: {
    source: copied.sheet,
    meta: {
      formatVersion: TEMPLATE_FORMAT_VERSION,
      planId: plan.id,
      planHash: planHash(plan),
      unitCode: unit,
      unitName: plan.units.find((u) => u.code === unit)?.name,
      period,
      codes: copied.codes,
    },
    reporter: {},
    entries: copied.entries,
    structural: [],
  } };
}
