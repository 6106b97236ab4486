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

/** The error finding that makes the indicator's value unusable, if any. */
export function unusableFinding<F extends Finding>(findings: readonly F[], code: string): F | undefined {
  return findings.find((f) => f.severity === 'error' && f.code === code && !NOT_ABOUT_THE_VALUE.has(f.rule));
}

/** The warning that flags the value as a likely unit slip, if any. */
export function unitSlipFinding<F extends Finding>(findings: readonly F[], code: string): F | undefined {
  return findings.find((f) => f.rule === 'value.unit-slip' && f.code === code);
}
