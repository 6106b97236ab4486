/**
 * "汇总为本级报表": a district office that collected its towns' returns makes
 * its own filled return from them in the pane, as the CLI's
 * `consolidate --as-return` does (same core, same writer: made-return.ts).
 * The bytes are opened by the host as a new workbook, or downloaded.
 */

import { consolidate } from '../core/engine';
import { message } from '../core/i18n';
import { parsePeriod, periodKey } from '../core/period';
import type { Plan } from '../core/plan/types';
import type { ParsedReturn } from '../core/return/types';
import { templateFileName } from '../xlsx/write/units';
import type { PickedGroup, Skipped } from './flows';
import type { UiLang } from './i18n';

/** A unit the picked returns can be consolidated into, with how many of them are below it. */
export interface OwnReturnChoice {
  code: string;
  name: string;
  below: number;
}

export interface OwnReturnChoices {
  choices: OwnReturnChoice[];
  /** The unit all picked returns belong to (the nearest), or null when they belong to several. */
  preferred: string | null;
  /** The nearest reporting units above the returns, when there are several (say so). */
  parents: OwnReturnChoice[];
}

/** What the clerk is told after the return was made. */
export interface OwnReturnMade {
  bytes: Uint8Array;
  /** 2023_320582_张家港市.xlsx, the name `generate` gives the unit's template. */
  fileName: string;
  unit: string;
  unitName: string;
  /** Accepted returns of the units below that went in, and how many units below report. */
  used: number;
  expected: number;
  /** Units below that sent no accepted return, by name. */
  missing: string[];
  findings: { errors: number; warnings: number; files: string[] };
  filled: number;
  blank: { code: string; note: string }[];
  /** Picked files left out (not below the unit, rejected, other plan). */
  skipped: Skipped[];
}

function ancestors(plan: Plan, code: string): string[] {
  const parentOf = new Map(plan.units.filter((u) => u.parent).map((u) => [u.code, u.parent!]));
  const out: string[] = [];
  for (let p = parentOf.get(code); p && !out.includes(p); p = parentOf.get(p)) out.push(p);
  return out;
}

function reportsItself(plan: Plan, code: string): boolean {
  return plan.indicators.some((i) => i.reporters.includes(code));
}

const nameOf = (plan: Plan, code: string) => plan.units.find((u) => u.code === code)?.name ?? code;

/** The units above the picked returns that have a return of their own to make. */
export function ownReturnChoices(group: PickedGroup): OwnReturnChoices {
  const { plan } = group;
  const counts = new Map<string, number>();
  const nearest = new Map<string, number>();
  for (const r of group.rets) {
    const unit = r.meta?.unitCode;
    if (!unit) continue;
    const up = ancestors(plan, unit).filter((a) => reportsItself(plan, a));
    up.forEach((a) => counts.set(a, (counts.get(a) ?? 0) + 1));
    if (up[0]) nearest.set(up[0], (nearest.get(up[0]) ?? 0) + 1);
  }
  const choice = (code: string, below: number): OwnReturnChoice => ({ code, name: nameOf(plan, code), below });
  // Nearest first (a district before the city above it), then by how many returns are below.
  const depth = (c: string) => ancestors(plan, c).length;
  const choices = [...counts].map(([c, n]) => choice(c, n)).sort((a, b) => depth(b.code) - depth(a.code) || b.below - a.below);
  const all = group.rets.filter((r) => r.meta?.unitCode).length;
  const preferred = choices.find((c) => c.below === all)?.code ?? null;
  const parents = nearest.size > 1 ? [...nearest].map(([c, n]) => choice(c, n)).sort((a, b) => b.below - a.below) : [];
  return { choices, preferred, parents };
}

/**
 * Makes `unit`'s return from the picked returns below it. Returns of other
 * units are left out and listed (the CLI refuses them; in the pane the clerk
 * sees the list and the return is still made from the right towns).
 */
export async function makeOwnReturn(group: PickedGroup, unit: string, lang: UiLang, now: Date = new Date()): Promise<OwnReturnMade> {
  const { plan, period } = group;
  const p = parsePeriod(period);
  if (!p) throw new Error(`invalid period ${period}`);
  const isBelow = (r: ParsedReturn) => !!r.meta?.unitCode && ancestors(plan, r.meta.unitCode).includes(unit);
  const below = group.rets.filter(isBelow);
  const outside: Skipped[] = group.rets
    .filter((r) => !isBelow(r))
    .map((r) => ({ file: r.source, reason: message('tree.outside', { file: r.source, unit: r.meta?.unitCode ?? '?', target: `${nameOf(plan, unit)}（${unit}）` }, lang) }));
  const result = consolidate(plan, period, [...below, ...group.unreadable], { lang });

  // The writer (ExcelJS inside) is loaded when first used: the pane starts without it.
  const { makeReturnFromBelow } = await import(/* webpackChunkName: "made-return" */ '../xlsx/fill/made-return');
  const made = await makeReturnFromBelow(plan, p, result, unit, lang, { generator: 'PlanSheet Excel 加载项', now });

  const descendants = plan.units.filter((u) => ancestors(plan, u.code).includes(unit) && reportsItself(plan, u.code)).map((u) => u.code);
  const rejected: Skipped[] = result.returns.filter((o) => o.status !== 'accepted').map((o) => ({ file: o.file, reason: o.reason }));
  const u = plan.units.find((x) => x.code === unit)!;
  return {
    bytes: made.bytes,
    fileName: templateFileName(periodKey(p), u),
    unit,
    unitName: u.name,
    used: made.made.count,
    expected: descendants.length,
    missing: result.missing.filter((m) => descendants.includes(m)).map((m) => nameOf(plan, m)),
    findings: { errors: made.made.belowFindings.errors, warnings: made.made.belowFindings.warnings, files: made.findingFiles },
    filled: made.items.filter((i) => i.value !== null).length,
    blank: made.items.filter((i) => i.value === null).map((i) => ({ code: i.code, note: i.note })),
    skipped: [...rejected, ...outside, ...group.skipped],
  };
}
