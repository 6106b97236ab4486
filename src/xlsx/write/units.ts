/**
 * Which units get a workbook and which indicators each one fills. A unit
 * reports an indicator when the plan lists it among the indicator's reporters.
 */

import type { Indicator, Plan, ReportingUnit } from '../../core/plan/types';

export type UnitScope = 'districts' | 'departments' | 'all';

/** The unit's indicators, in plan order. */
export function indicatorsFor(plan: Plan, unitCode: string): Indicator[] {
  return plan.indicators.filter((i) => i.reporters.includes(unitCode));
}

/** Units that report at least one indicator, in plan unit order, filtered by scope. */
export function reportingUnits(plan: Plan, scope: UnitScope = 'all'): ReportingUnit[] {
  const reporting = new Set<string>();
  for (const ind of plan.indicators) for (const r of ind.reporters) reporting.add(r);
  return plan.units.filter((u) => {
    if (!reporting.has(u.code)) return false;
    if (scope === 'districts') return u.kind === 'district';
    // "departments" = every unit that is not a district: city departments and
    // the city itself when an indicator is reported city-wide.
    if (scope === 'departments') return u.kind !== 'district';
    return true;
  });
}

/** The lead departments (牵头单位) of the given indicators, in plan unit order. */
export function leadUnits(plan: Plan, indicators: Indicator[]): ReportingUnit[] {
  const codes = new Set(indicators.flatMap((i) => i.lead));
  return plan.units.filter((u) => codes.has(u.code));
}

/**
 * A readable, file-system-safe file name: 2023_320582_张家港市.xlsx,
 * 2023H1_SZ-GXJ_苏州市工业和信息化局.xlsx. Characters that Windows, macOS or
 * zip tools reject are replaced by "_".
 */
export function templateFileName(periodKey: string, unit: ReportingUnit): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, '').slice(0, 60);
  return `${safe(periodKey)}_${safe(unit.code)}_${safe(unit.name)}.xlsx`;
}

/** Short names of units by code, joined with 、 (for prompts and contact lines). */
export function unitNames(codes: string[], byCode: Map<string, ReportingUnit>): string {
  return codes.map((c) => byCode.get(c)?.shortName ?? byCode.get(c)?.name ?? c).join('、');
}
