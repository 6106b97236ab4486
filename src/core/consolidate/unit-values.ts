/**
 * Step 3 of a consolidation, per indicator: what each expected unit has for
 * it. A unit's value is one of
 * - absent: no return, returns in conflict, or a blank cell;
 * - unusable: the return has an error finding about it (−5 家, 12.5 家, 120%,
 *   "约100", a lost row); shown with the reason, like a blank;
 * - a candidate: a number the rules accepted, still to be compared with the
 *   other units (a likely unit slip is left out later, see exclusions.ts).
 */

import type { Indicator, Plan } from '../plan/types';
import type { Finding } from '../rules/finding';
import type { Provenance } from './types';
import type { Item } from './intake';
import { readEntry } from '../rules/read-number';
import { unusableFinding } from '../rules/usable';

export interface UnitValue {
  unit: string;
  value: number;
  at: Provenance;
}

/**
 * Why an expected unit has no usable value. A unit that returned its
 * workbook with "约100" in the cell did report; only the value is unusable,
 * and the office follows that up differently from a return never sent.
 */
export type AbsentReason = 'no-return' | 'conflict' | 'unreadable' | 'error' | 'excluded' | 'blank';

export interface Unusable {
  /** The number as read, when one was (−5, 12.5); null for text such as "约100". */
  value: number | null;
  finding: Finding;
}

export interface IndicatorReadings {
  /** Numbers the rules accepted, in the order of the used returns. */
  candidates: UnitValue[];
  absent: Map<string, AbsentReason>;
  unusable: Map<string, Unusable>;
  /** Kind `text` only (empty for other kinds): what each unit wrote. */
  texts: Record<string, string | null>;
  textSources: Provenance[];
}

export function readIndicator(plan: Plan, ind: Indicator, used: ReadonlyMap<string, Item>, contested: ReadonlySet<string>): IndicatorReadings {
  const out: IndicatorReadings = { candidates: [], absent: new Map(), unusable: new Map(), texts: {}, textSources: [] };
  // Only a text indicator's words are shown: an object keyed by thousands of unit codes costs, so no other kind builds one.
  const isText = ind.kind === 'text';
  for (const u of ind.reporters) {
    if (isText) out.texts[u] = null;
    if (!used.has(u)) out.absent.set(u, contested.has(u) ? 'conflict' : 'no-return');
  }
  const reporters = new Set(ind.reporters);
  for (const [unit, it] of used) {
    if (!reporters.has(unit)) continue;
    const entry = it.ret!.entries.get(ind.code);
    const bad = unusableFinding(it.findings, ind.code);
    const reading = entry ? readEntry(it.ret!, entry, ind, plan) : null;
    if (bad) {
      out.unusable.set(unit, { value: reading?.ok ? reading.value : null, finding: bad });
      out.absent.set(unit, reading && !reading.ok ? 'unreadable' : 'error');
      continue;
    }
    if (!entry || !reading || !reading.ok) {
      out.absent.set(unit, 'blank');
      continue;
    }
    const at: Provenance = { file: it.file, sheet: entry.valueAt.sheet, cell: entry.valueAt.cell, unit };
    // A district return made from its towns: the town cells behind this one.
    const via = it.ret!.meta?.sources?.[ind.code];
    if (via?.length) at.via = via;
    if (reading.text !== undefined && isText) {
      out.texts[unit] = reading.text;
      out.textSources.push(at);
    }
    if (reading.value === null) {
      if (reading.text === undefined) out.absent.set(unit, 'blank');
      continue;
    }
    out.candidates.push({ unit, value: reading.value, at });
  }
  return out;
}
