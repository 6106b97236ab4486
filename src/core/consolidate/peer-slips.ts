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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Adds a `value.unit-slip` warning to the return of each part far off its peers' median. */
export function flagPeerSlips(ind: Indicator, parts: UnitValue[], used: ReadonlyMap<string, Item>, lang: Lang): void {
  for (const v of parts) {
    const others = parts.filter((p) => p !== v && p.value > 0).map((p) => p.value);
    if (others.length < MIN_PEERS) continue;
    const it = used.get(v.unit)!;
    if (unitSlipFinding(it.findings, ind.code)) continue;
    const ref = median(others);
    const slip = unitSlip(ind, v.value, ref, true);
    if (!slip) continue;
    const c = new Collector(lang);
    const refText = message('ref.median', { median: formatNumber(ref), count: others.length }, lang);
    slipFinding(ind, it.ret!.entries.get(ind.code)!, v.value, slip, refText, c);
    it.findings = sortFindings([...it.findings, ...c.findings]);
  }
}
