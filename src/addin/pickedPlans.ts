/**
 * Plan files picked beside the returns. The add-in knows the built-in plans;
 * a plan of the office's own (a plan JSON, or a plan workbook written by
 * `plansheet plan export`), e.g. one with towns below the districts, is
 * picked together with its returns and read in the pane, against the same
 * unit registry as the CLI's `--plan <file>`.
 */

import { UNIT_REGISTRY } from '../core/plan/builtin';
import { PlanError, parsePlanJson, resolvePlan } from '../core/plan/load';
import type { Plan } from '../core/plan/types';
import { importPlanWorkbook } from '../xlsx/plan/import';
import type { PickedFile, Skipped } from './flows';
import type { UiLang } from './i18n';

const decoder = new TextDecoder();

/** Splits the picked files into plan JSON files (read) and the rest. */
export function plansAmong(files: PickedFile[], lang: UiLang): { plans: Plan[]; rest: PickedFile[]; skipped: Skipped[] } {
  const plans: Plan[] = [];
  const rest: PickedFile[] = [];
  const skipped: Skipped[] = [];
  for (const f of files) {
    if (!/\.json$/i.test(f.name)) {
      rest.push(f);
      continue;
    }
    try {
      plans.push(resolvePlan(parsePlanJson(decoder.decode(f.bytes), f.name), UNIT_REGISTRY, f.name));
    } catch (e) {
      const detail = e instanceof PlanError ? e.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('；') : String(e instanceof Error ? e.message : e);
      skipped.push({ file: f.name, reason: lang === 'en' ? `Not a valid plan file: ${detail}` : `不是有效的规划文件：${detail}` });
    }
  }
  return { plans, rest, skipped };
}

/** A workbook that is not a return may be a plan workbook (`plan export`): the plan, or null. */
export function planWorkbookOf(f: PickedFile): Plan | null {
  try {
    return importPlanWorkbook(f.bytes, f.name, UNIT_REGISTRY, 'zh');
  } catch {
    return null;
  }
}
