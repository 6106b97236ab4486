import type { Plan } from '../plan/types';
import type { ParsedReturn } from '../return/types';
import type { Lang } from '../rules/finding';
import type { Consolidation, UnreadableFile } from './types';

export interface ConsolidateOpts {
  lang?: Lang;
  previous?: ParsedReturn[];
  conflict?: 'report' | 'latest';
}

export function consolidateReturns(plan: Plan, period: string, _returns: (ParsedReturn | UnreadableFile)[], _opts: ConsolidateOpts): Consolidation {
  return { plan: plan.id, period, returns: [], missing: [], indicators: [], findings: [], grid: {} };
}
