/**
 * The pure pieces behind the plan workbook and own targets: target readings,
 * multi-value cells, allocation checks, the own target on the entry sheet,
 * and own-target attainment in the summary.
 */

import { builtinPlans, UNIT_REGISTRY } from '../../src/core/plan/builtin';
import { PlanError, resolvePlan } from '../../src/core/plan/load';
import { parseReading, readingOf } from '../../src/core/plan/target-reading';
import type { IndicatorSummary } from '../../src/core/consolidate/types';
import { ownTargets } from '../../src/core/consolidate/own-targets';
import { entryTarget, unitEntryTarget } from '../../src/core/template/entry-target';
import { parsePeriod } from '../../src/core/period';
import { entryUnitsText, parseEntryUnits, reportersText } from '../../src/xlsx/plan/cell-text';
import { ALLOC_PLAN_SOURCE, allocPlan } from './plans';

test('every target of the built-in plans reads back from its reading', () => {
  let n = 0;
  for (const p of builtinPlans())
    for (const ind of p.indicators)
      for (const t of Object.values(ind.targets)) {
        expect(parseReading(readingOf(t), t.raw)).toEqual(t);
        n++;
      }
  expect(n).toBeGreaterThan(200);
  expect(parseReading('大约一个', 'x')).toBeNull();
  expect(parseReading('= 1；注：建成即可', '建成1个')).toEqual({ op: 'eq', value: 1, raw: '建成1个', note: '建成即可' });
});

test('entry units are written and read in one syntax; a malformed one is refused', () => {
  const list = [
    { unit: '亿元', factor: 0.0001, kinds: ['district' as const, 'town' as const] },
    { unit: '万元', factor: 1e-8, kinds: ['department' as const] },
  ];
  expect(entryUnitsText(list)).toBe('区县、镇街：亿元 × 0.0001；部门：万元 × 1e-8');
  expect(parseEntryUnits(entryUnitsText(list))).toEqual(list);
  expect(parseEntryUnits('district: 亿元 x 0.0001')).toEqual([{ unit: '亿元', factor: 0.0001, kinds: ['district'] }]);
  expect(parseEntryUnits('区县 亿元 0.0001')).toBeNull();
  expect(parseEntryUnits('省：亿元 × 0.0001')).toBeNull();
  expect(parseEntryUnits('区县：亿元 × 0')).toBeNull();
});

test('填报单位 is written with the group words only where they expand to the same list', () => {
  const plan = allocPlan();
  const byCode = new Map(plan.units.map((u) => [u.code, u]));
  const districts = plan.units.filter((u) => u.kind === 'district' && u.parent === plan.owner).map((u) => u.code);
  const tge = plan.indicators.find((i) => i.code === 'T-GE')!;
  expect(reportersText(tge, districts, byCode)).toBe('全部区县、牵头单位');
  expect(reportersText({ ...tge, reporters: ['320582', 'SZ-GXJ'] }, districts, byCode)).toBe('张家港市、苏州市工业和信息化局');
  expect(reportersText({ ...tge, reporters: ['SZ-GXJ', '320582'] }, districts, byCode)).toBe('苏州市工业和信息化局、张家港市');
});

test('allocations in a plan file are checked: unknown unit, not a reporter, outside the years, twice, not a number', () => {
  const src = structuredClone(ALLOC_PLAN_SOURCE) as Record<string, unknown>;
  src.allocations = [
    { unit: '999999', indicator: 'T-GE', period: '2023', target: '1' },
    { unit: 'SZ-KJJ', indicator: 'T-GE', period: '2023', target: '1' },
    { unit: '320582', indicator: 'T-GE', period: '2030', target: '1' },
    { unit: '320582', indicator: 'T-GE', period: '2023', target: '1' },
    { unit: '320582', indicator: 'T-GE', period: '2023', target: '2' },
    { unit: '320581', indicator: 'T-GE', period: '2023', target: '尽力' },
    { unit: '320581', indicator: 'NOPE', period: '2023', target: '1' },
  ];
  let err: PlanError | undefined;
  try {
    resolvePlan(src, UNIT_REGISTRY, 'x');
  } catch (e) {
    err = e as PlanError;
  }
  expect(err?.issues.map((i) => i.path)).toEqual([
    'allocations[0].unit',
    'allocations[1].unit',
    'allocations[2].period',
    'allocations[4].period',
    'allocations[5].target',
    'allocations[6].indicator',
  ]);
  expect(err?.issues[1].message).toBe('unit SZ-KJJ does not report T-GE');
});

test('a half-year shows the own year target and judges only once it is reached', () => {
  const plan = allocPlan();
  const tge = plan.indicators.find((i) => i.code === 'T-GE')!;
  const h1 = parsePeriod('2023H1')!;
  expect(unitEntryTarget(plan, tge, h1, '320582')).toMatchObject({ text: '本单位全年 ≥ 450（全市 ≥ 3000）', judgement: 'met-only', unit: '亿元' });
  const tout = plan.indicators.find((i) => i.code === 'T-OUT')!;
  expect(unitEntryTarget(plan, tout, parsePeriod('2023')!, '320506')).toEqual({
    target: { op: 'ge', value: 12000, raw: '1.2 以上' },
    text: '全市 ≥ 12000',
    judgement: 'none',
    unit: '亿元',
    factor: 0.0001,
  });
  // Without the plan's facts, as before.
  expect(entryTarget(tout, parsePeriod('2023')!, '320506').text).toBe('全市 ≥ 1.2');
});

test('own-target attainment ranks by direction: more is better for ≥, less for a limit', () => {
  const plan = allocPlan();
  plan.allocations = [
    ...plan.allocations!,
    { unit: '320506', indicator: 'T-LE', period: '2023', target: { op: 'le', value: 1.3, raw: '1.3' } },
    { unit: '320581', indicator: 'T-LE', period: '2023', target: { op: 'le', value: 1.5, raw: '1.5' } },
  ];
  const summaries: IndicatorSummary[] = [
    { code: 'T-GE', name: '', unit: '', category: '', units: { '320582': 400, '320581': 420 }, city: {} as IndicatorSummary['city'] },
    { code: 'T-LE', name: '', unit: '', category: '', units: { '320582': 1.2, '320506': 1.1, '320581': null }, city: {} as IndicatorSummary['city'] },
  ];
  const own = new Map(ownTargets(plan, '2023', summaries, 'en').map((s) => [s.code, s]));
  // 420/400 = 1.05 beats 400/450.
  expect(own.get('T-GE')!.rows.map((r) => [r.unit, r.attained])).toEqual([['320581', 'met'], ['320582', 'missed']]);
  expect(own.get('T-GE')!.warnings).toEqual(['The own targets of 2 units add up to 850 亿元, below the city target ≥ 3000 by 2150 亿元']);
  // 1.1 under 1.3 has more room than 1.2 under 1.25; no value last; completion is not a ratio for limits.
  expect(own.get('T-LE')!.rows.map((r) => [r.unit, r.attained, r.completion])).toEqual([
    ['320506', 'met', null],
    ['320582', 'met', null],
    ['320581', 'no-data', null],
  ]);
  expect(own.get('T-LE')!.warnings).toEqual(['The own target of 常熟市 (≤ 1.5) is looser than the city limit ≤ 1.3']);
  expect(ownTargets(plan, '2022', summaries).map((s) => s.code)).toEqual(['T-GE']);
  expect(ownTargets(builtinPlans()[0], '2023', [])).toEqual([]);
});
