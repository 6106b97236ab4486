/**
 * The one rule for every consumer (city figures, the completeness grid,
 * provenance, the add-in): a value with an error finding is not usable. It is
 * shown as the unit's unusable value with the finding's reason, like a blank.
 */

import type { Finding } from './finding';

/**
 * Error findings that are not about the value itself: a missed binding target
 * (the number is right, the target is not met), a blank required cell (no
 * value to use in the first place), and an unexplained change against last
 * period on a binding indicator (the remark is missing, not the number).
 */
const NOT_ABOUT_THE_VALUE: ReadonlySet<string> = new Set(['target.missed', 'value.missing', 'value.cumulative-decrease', 'value.far-from-previous']);

const isUnusable = (f: Finding) => f.severity === 'error' && !NOT_ABOUT_THE_VALUE.has(f.rule);
const isSlip = (f: Finding) => f.rule === 'value.unit-slip';

/**
 * The first finding of each indicator code that passes `test`, per findings
 * list. A consolidation asks once per unit and indicator (a thousand towns ×
 * ninety indicators); scanning a return's findings every time would grow
 * with the product. Indexed once per list and kept while the list is alive;
 * a list that grew or shrank since is indexed again.
 */
function firstByCode(test: (f: Finding) => boolean) {
  const cache = new WeakMap<readonly Finding[], { count: number; byCode: Map<string, Finding> }>();
  return <F extends Finding>(findings: readonly F[], code: string): F | undefined => {
    let ix = cache.get(findings);
    if (!ix || ix.count !== findings.length) {
      const byCode = new Map<string, Finding>();
      for (const f of findings) if (f.code !== null && !byCode.has(f.code) && test(f)) byCode.set(f.code, f);
      cache.set(findings, (ix = { count: findings.length, byCode }));
    }
    return ix.byCode.get(code) as F | undefined;
  };
}

/** The error finding that makes the indicator's value unusable, if any. */
export const unusableFinding: <F extends Finding>(findings: readonly F[], code: string) => F | undefined = firstByCode(isUnusable);

/** The warning that flags the value as a likely unit slip, if any. */
export const unitSlipFinding: <F extends Finding>(findings: readonly F[], code: string) => F | undefined = firstByCode(isSlip);
