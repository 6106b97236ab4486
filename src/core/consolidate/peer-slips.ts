/**
 * Step 4 of a consolidation, per indicator: with all units' values known, a
 * unit's value 1000× off the median of the other units' parts is flagged as a
 * likely unit slip (a district that typed 120 亿元 into a 万亿元 cell). Only
 * parts are compared: a city-wide lead's figure is of another scale, while a
 * district that co-leads still reports its own part.
 */

import type { Indicator } from '../plan/types';
import type { Lang } from '../rules/finding';
import type { Item } from './intake';
import type { UnitValue } from './unit-values';
import { formatNumber, message } from '../i18n';
import { Collector, slipFinding } from '../rules/validate';
import { sortFindings, unitSlip } from '../rules/common';
import { unitSlipFinding } from '../rules/usable';

/** Fewer other units than this make no trustworthy median. */
const MIN_PEERS = 3;

/** First index of `x` in the ascending `xs` (x is known to be there). */
function indexIn(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Median of the ascending `sorted` with the element at `skip` left out (-1:
 * none). Sorting once per indicator keeps a thousand towns linear-ish
 * instead of sorting every unit's peers again.
 */
function medianWithout(sorted: number[], skip: number): number {
  const n = skip < 0 ? sorted.length : sorted.length - 1;
  const at = (k: number) => sorted[skip < 0 || k < skip ? k : k + 1];
  const m = n >> 1;
  return n % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

/** Adds a `value.unit-slip` warning to the return of each part far off its peers' median. */
export function flagPeerSlips(ind: Indicator, parts: UnitValue[], used: ReadonlyMap<string, Item>, lang: Lang): void {
  const positive = parts.filter((p) => p.value > 0).map((p) => p.value).sort((a, b) => a - b);
  for (const v of parts) {
    const skip = v.value > 0 ? indexIn(positive, v.value) : -1;
    const count = skip < 0 ? positive.length : positive.length - 1;
    if (count < MIN_PEERS) continue;
    const it = used.get(v.unit)!;
    if (unitSlipFinding(it.findings, ind.code)) continue;
    const ref = medianWithout(positive, skip);
    const slip = unitSlip(ind, v.value, ref, true);
    if (!slip) continue;
    const c = new Collector(lang);
    const refText = message('ref.median', { median: formatNumber(ref), count }, lang);
    slipFinding(ind, it.ret!.entries.get(ind.code)!, v.value, slip, refText, c);
    it.findings = sortFindings([...it.findings, ...c.findings]);
  }
}
