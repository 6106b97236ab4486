/**
 * Shared by the plan transcription tests: the built-in plan under test, its
 * indicators by code, and the seed document it was transcribed from.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { builtinPlan } from '../../src/core/plan/builtin';
import type { Indicator, Plan } from '../../src/core/plan/types';

/** The plan's accessors; each throws a clear error when the plan or code is missing. */
export function planUnderTest(id: string): { plan: () => Plan; ind: (code: string) => Indicator } {
  const plan = (): Plan => {
    const p = builtinPlan(id);
    if (!p) throw new Error(`plan ${id} is not built in`);
    return p;
  };
  const ind = (code: string): Indicator => {
    const i = plan().indicators.find((x) => x.code === code);
    if (!i) throw new Error(`no indicator ${code}`);
    return i;
  };
  return { plan, ind };
}

/**
 * Path of a seed document: `shared/seeds/` stands beside the repository's
 * checkout (on CI and on developers' machines). Tests that re-read a seed are
 * skipped where it is absent.
 */
export function seedPath(file: string): string {
  const candidates = [path.resolve(__dirname, '../../../shared/seeds', file), path.join('/work/shared/seeds', file)];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}
