/**
 * Loading a plan the way the CLI names it: a built-in id
 * (suzhou-digital-economy-2021-2023) or a path to a plan JSON file.
 * A file is resolved against the shipped unit registry.
 */

import * as fs from 'fs';
import { builtinPlan, builtinPlanIds, UNIT_REGISTRY } from '../core/plan/builtin';
import { parsePlanJson, resolvePlan } from '../core/plan/load';
import type { Plan } from '../core/plan/types';

/** The argument names neither a built-in plan nor a readable file. */
export class PlanNotFoundError extends Error {
  constructor(readonly arg: string) {
    super(
      `未找到计划“${arg}”：既不是内置计划编号，也不是可读取的文件。内置计划：${builtinPlanIds().join('、')}\n` +
        `Plan "${arg}" not found: not a built-in plan id nor a readable file. Built-in plans: ${builtinPlanIds().join(', ')}`,
    );
    this.name = 'PlanNotFoundError';
  }
}

/** True when the argument looks like a path rather than an id. */
function looksLikePath(arg: string): boolean {
  return /[\\/]/.test(arg) || /\.json$/i.test(arg);
}

/**
 * Returns the resolved plan for an id or a file path.
 * @throws PlanNotFoundError, or PlanError (from load.ts) listing field paths.
 */
export function loadPlanArg(arg: string): Plan {
  if (!looksLikePath(arg)) {
    const plan = builtinPlan(arg);
    if (plan) return plan;
    if (!fs.existsSync(arg)) throw new PlanNotFoundError(arg);
  }
  let text: string;
  try {
    text = fs.readFileSync(arg, 'utf8');
  } catch {
    throw new PlanNotFoundError(arg);
  }
  return resolvePlan(parsePlanJson(text, arg), UNIT_REGISTRY, arg);
}
