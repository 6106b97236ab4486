/**
 * Loading a plan the way the CLI names it: a built-in id
 * (suzhou-digital-economy-2021-2023), a path to a plan JSON file, or a plan
 * workbook (.xlsx, written by `plansheet plan export` and edited in Excel).
 * A file is resolved against the shipped unit registry.
 */

import * as fs from 'fs';
import { builtinPlan, builtinPlanIds, UNIT_REGISTRY } from '../core/plan/builtin';
import { parsePlanJson, resolvePlan } from '../core/plan/load';
import type { Plan } from '../core/plan/types';
import { importPlanWorkbook, type ImportLang } from '../xlsx/plan/import';

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
  return /[\\/]/.test(arg) || /\.(json|xlsx)$/i.test(arg);
}

/**
 * Returns the resolved plan for an id or a file path.
 * @param lang language of a plan workbook's problems (both by default, Chinese first).
 * @throws PlanNotFoundError, or PlanError (from load.ts) listing field paths,
 *   or for a workbook sheet!cell references.
 */
export function loadPlanArg(arg: string, lang: ImportLang = 'both'): Plan {
  if (!looksLikePath(arg)) {
    const plan = builtinPlan(arg);
    if (plan) return plan;
    if (!fs.existsSync(arg)) throw new PlanNotFoundError(arg);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(arg);
  } catch {
    throw new PlanNotFoundError(arg);
  }
  // A workbook by its name or by its zip signature (a plan saved without the extension).
  if (/\.xlsx$/i.test(arg) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return importPlanWorkbook(new Uint8Array(bytes), arg, UNIT_REGISTRY, lang);
  const text = bytes.toString('utf8');
  return resolvePlan(parsePlanJson(text, arg), UNIT_REGISTRY, arg);
}
