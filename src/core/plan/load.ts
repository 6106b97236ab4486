/**
 * Loading a plan: schema check, then the cross-references a schema cannot see
 * (unique codes, known categories and units, periods within the plan years),
 * then resolution into the model of `types.ts`. Every problem is collected
 * with the field path, so a bad plan file is reported whole, and nothing is
 * generated from it.
 */

import { ZodError } from 'zod';
import { planSourceSchema, unitRegistrySchema } from './schema';
import { parseTarget } from './target';
import { orderAllocations, resolveAllocations } from './allocation';
import type { Indicator, Plan, ReportingUnit, Target } from './types';
import { stableHash } from '../hash';

export interface PlanIssue {
  /** Field path such as `indicators[3].targets.2023`. */
  path: string;
  message: string;
}

export class PlanError extends Error {
  constructor(
    readonly source: string,
    readonly issues: PlanIssue[],
  ) {
    super(
      `计划文件无效 / invalid plan: ${source}\n` + issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n'),
    );
    this.name = 'PlanError';
  }
}

function pathOf(parts: (string | number)[]): string {
  return parts.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function zodIssues(err: ZodError): PlanIssue[] {
  return err.issues.map((i) => ({ path: pathOf(i.path), message: i.message }));
}

/**
 * Resolves a plan source object against the unit registry.
 * @param sourceName file name or id, used in error messages.
 */
/**
 * One form per meaning: a plan file may say `"band": false` to record that a
 * range was judged a floor, but the model only carries `band` when it is true.
 */
function canonicalTarget(t: Target): Target {
  if (t.op === 'range' && t.band === false) {
    const { band: _floor, ...floor } = t;
    return floor;
  }
  return t;
}

export function resolvePlan(source: unknown, registry: unknown, sourceName = 'plan'): Plan {
  const reg = unitRegistrySchema.safeParse(registry);
  if (!reg.success) throw new PlanError('units.json', zodIssues(reg.error));
  const parsed = planSourceSchema.safeParse(source);
  if (!parsed.success) throw new PlanError(sourceName, zodIssues(parsed.error));
  const src = parsed.data;
  const issues: PlanIssue[] = [];

  // Units: registry first, then the plan's own (which may add towns, or
  // a district's own departments).
  const unitByCode = new Map<string, ReportingUnit>();
  for (const u of reg.data.units) unitByCode.set(u.code, u);
  src.units.forEach((u, i) => {
    if (unitByCode.has(u.code) && !reg.data.units.some((r) => r.code === u.code && r.name === u.name))
      issues.push({ path: `units[${i}].code`, message: `unit code ${u.code} is already used by another unit` });
    unitByCode.set(u.code, u);
  });
  for (const u of unitByCode.values()) {
    if (u.parent && !unitByCode.has(u.parent))
      issues.push({ path: `units(${u.code}).parent`, message: `unknown parent unit ${u.parent}` });
  }
  if (!unitByCode.has(src.owner)) issues.push({ path: 'owner', message: `unknown unit ${src.owner}` });

  const years = [...src.years].sort((a, b) => a - b);
  const categoryIds = new Set(src.categories.map((c) => c.id));
  src.categories.forEach((c, i) => {
    if (c.parent && !categoryIds.has(c.parent))
      issues.push({ path: `categories[${i}].parent`, message: `unknown category ${c.parent}` });
  });
  if (categoryIds.size !== src.categories.length) issues.push({ path: 'categories', message: 'duplicate category id' });

  const districtsOfOwner = [...unitByCode.values()].filter((u) => u.kind === 'district' && u.parent === src.owner).map((u) => u.code);

  const seen = new Set<string>();
  const indicators: Indicator[] = src.indicators.map((ind, i) => {
    const at = `indicators[${i}]`;
    if (seen.has(ind.code)) issues.push({ path: `${at}.code`, message: `duplicate indicator code ${ind.code}` });
    seen.add(ind.code);
    if (!categoryIds.has(ind.category)) issues.push({ path: `${at}.category`, message: `unknown category ${ind.category}` });
    ind.lead.forEach((c, j) => {
      if (!unitByCode.has(c)) issues.push({ path: `${at}.lead[${j}]`, message: `unknown unit ${c}` });
    });
    const reporters: string[] = [];
    // A Set keeps the dedupe linear: a town-level plan lists thousands of reporters.
    const listed = new Set<string>();
    ind.reporters.forEach((r, j) => {
      const add = (codes: string[]) => codes.forEach((c) => listed.has(c) || (listed.add(c), reporters.push(c)));
      if (r === '@districts') add(districtsOfOwner);
      else if (r === '@lead') add(ind.lead);
      else if (unitByCode.has(r)) add([r]);
      else issues.push({ path: `${at}.reporters[${j}]`, message: `unknown unit or group ${r} (groups: @districts, @lead)` });
    });
    const targets: Record<string, Target> = {};
    for (const [period, t] of Object.entries(ind.targets)) {
      const year = Number(period.slice(0, 4));
      if (!years.includes(year))
        issues.push({ path: `${at}.targets.${period}`, message: `period ${period} is outside the plan years ${years.join(', ')}` });
      targets[period] = typeof t === 'string' ? parseTarget(t, ind.direction) : canonicalTarget(stripUndefined(t) as Target);
    }
    if (ind.kind === 'percent' && ind.unit !== '%')
      issues.push({ path: `${at}.unit`, message: 'a percent indicator must have unit "%"' });
    return stripUndefined({
      code: ind.code,
      name: ind.name,
      nameEn: ind.nameEn,
      unit: ind.unit,
      category: ind.category,
      direction: ind.direction,
      attribute: ind.attribute,
      cumulative: ind.cumulative,
      kind: ind.kind,
      rollup: ind.rollup,
      targets,
      lead: ind.lead,
      leadAssumed: ind.leadAssumed,
      reporters,
      reportersAssumed: ind.reportersAssumed,
      source: ind.source,
      note: ind.note,
      tolerance: ind.tolerance,
      limits: ind.limits,
      entryUnits: ind.entryUnits,
      explanation: ind.explanation,
    }) as Indicator;
  });
  const allocated = resolveAllocations(src.allocations ?? [], indicators, new Set(unitByCode.keys()), years);
  issues.push(...allocated.issues);
  if (issues.length) throw new PlanError(sourceName, issues);

  // Keep the units the plan touches, parents before children.
  const used = new Set<string>([src.owner]);
  for (const ind of indicators) [...ind.lead, ...ind.reporters].forEach((c) => used.add(c));
  for (const u of src.units) used.add(u.code);
  for (const c of [...used]) {
    for (let p = unitByCode.get(c)?.parent; p; p = unitByCode.get(p)?.parent) used.add(p);
  }
  const depth = (u: ReportingUnit): number => (u.parent ? 1 + depth(unitByCode.get(u.parent)!) : 0);
  const order = [...unitByCode.keys()];
  const units = [...used]
    .map((c) => unitByCode.get(c)!)
    .sort((a, b) => depth(a) - depth(b) || order.indexOf(a.code) - order.indexOf(b.code));

  return stripUndefined({
    id: src.id,
    title: src.title,
    titleEn: src.titleEn,
    docNumber: src.docNumber,
    issuer: src.issuer,
    formNumber: src.formNumber,
    formAuthority: src.formAuthority,
    date: src.date,
    years,
    owner: src.owner,
    parentPlan: src.parentPlan,
    source: src.source,
    categories: src.categories.map((c) => stripUndefined(c)),
    indicators,
    units,
    allocations: allocated.allocations.length ? orderAllocations(allocated.allocations, indicators, units) : undefined,
  }) as Plan;
}

function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/**
 * A short fingerprint of the resolved plan, written into every template so a
 * return can be matched to the exact plan version it was generated from.
 */
export function planHash(plan: Plan): string {
  return stableHash(plan);
}

/** Parses JSON text with a message that names the file. */
export function parsePlanJson(text: string, sourceName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PlanError(sourceName, [{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
  }
}
