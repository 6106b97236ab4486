import type { Plan } from '../plan/types';
import type { ParsedReturn } from '../return/types';
import type { Finding, Lang } from './finding';

export interface ValidateOpts {
  lang?: Lang;
  previous?: ParsedReturn[];
  period?: string;
}

export function validate(_plan: Plan, _ret: ParsedReturn, _opts: ValidateOpts): Finding[] {
  return []; // filled in shortly
}
