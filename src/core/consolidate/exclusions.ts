/**
 * Step 5 of a consolidation, per indicator: which values may enter the city
 * figure. A value flagged as a likely unit slip never silently does: it is
 * left out and named (`excluded`, reason `unit-slip`), and the figure is
 * 待核实 unless its verdict is certain without it. A value with an error
 * finding is left out as well (`error`, or `implausible` for a number no unit
 * could report), and shown as the unit's unusable value with the reason.
 */

import type { Indicator, Plan } from '../plan/types';
import type { Lang } from '../rules/finding';
import type { Excluded } from './types';
import type { Item } from './intake';
import type { IndicatorReadings, UnitValue } from './unit-values';
import { formatNumber, message } from '../i18n';
import { unitSlipFinding } from '../rules/usable';
import { unitOf } from '../plan/lookup';

export interface Sorted {
  usable: UnitValue[];
  excluded: Excluded[];
}

function unitLabel(plan: Plan, code: string): string {
  const u = unitOf(plan, code);
  return u ? u.shortName ?? u.name : code;
}

export function sortValues(plan: Plan, ind: Indicator, readings: IndicatorReadings, used: ReadonlyMap<string, Item>, lang: Lang): Sorted {
  const usable: UnitValue[] = [];
  const excluded: Excluded[] = [];
  for (const v of readings.candidates) {
    const slip = unitSlipFinding(used.get(v.unit)!.findings, ind.code);
    if (!slip) {
      usable.push(v);
      continue;
    }
    const suggest = slip.readAs !== undefined ? `${formatNumber(slip.readAs)} ${ind.unit}`.trim() : '?';
    const text = message('excluded.unit-slip', { unit: unitLabel(plan, v.unit), value: formatNumber(v.value), suggest }, lang);
    excluded.push({ unit: v.unit, value: v.value, reason: 'unit-slip', message: text });
    readings.absent.set(v.unit, 'excluded');
  }
  for (const [unit, bad] of readings.unusable) {
    const implausible = bad.finding.rule === 'value.implausible';
    // An error's text is the finding's own string, not a copy with the unit's
    // name: at ten thousand returns there are hundreds of thousands of them.
    const text = implausible
      ? message('excluded.implausible', { unit: unitLabel(plan, unit), value: bad.value === null ? '?' : formatNumber(bad.value) }, lang)
      : bad.finding.message;
    excluded.push({ unit, value: bad.value, reason: implausible ? 'implausible' : 'error', message: text });
    // A number no unit could report is a typing accident to verify, like a unit slip.
    if (implausible) readings.absent.set(unit, 'excluded');
  }
  const position = new Map(ind.reporters.map((u, i) => [u, i]));
  const order = (u: string) => position.get(u) ?? -1;
  excluded.sort((a, b) => order(a.unit) - order(b.unit));
  return { usable, excluded };
}
