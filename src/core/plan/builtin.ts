/**
 * The plans that ship with PlanSheet. Imported statically so the same list
 * works in Node (CLI) and in the add-in bundle (webpack inlines the JSON).
 * To add a plan: put its file under templates/ and list it here.
 */

import units from '../../../templates/units.json';
import suzhouDigital from '../../../templates/suzhou-digital-economy-2021-2023.json';
import suzhouNewInfra from '../../../templates/suzhou-new-infrastructure-2020-2022.json';
import taicangDigital from '../../../templates/taicang-digital-economy-2021-2023.json';
import kunshanGov from '../../../templates/kunshan-digital-government-2021-2025.json';
import { resolvePlan } from './load';
import type { Plan } from './types';

export const DEFAULT_PLAN_ID = 'suzhou-digital-economy-2021-2023';

const SOURCES: Record<string, unknown> = {
  'suzhou-digital-economy-2021-2023': suzhouDigital,
  'suzhou-new-infrastructure-2020-2022': suzhouNewInfra,
  'taicang-digital-economy-2021-2023': taicangDigital,
  'kunshan-digital-government-2021-2025': kunshanGov,
};

export const UNIT_REGISTRY: unknown = units;

const cache = new Map<string, Plan>();

export function builtinPlanIds(): string[] {
  return Object.keys(SOURCES);
}

/** The resolved built-in plan, or undefined for an unknown id. */
export function builtinPlan(id: string): Plan | undefined {
  if (!(id in SOURCES)) return undefined;
  let plan = cache.get(id);
  if (!plan) {
    plan = resolvePlan(SOURCES[id], UNIT_REGISTRY, `templates/${id}.json`);
    cache.set(id, plan);
  }
  return plan;
}

export function builtinPlans(): Plan[] {
  return builtinPlanIds().map((id) => builtinPlan(id)!);
}
