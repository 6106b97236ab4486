/**
 * Forced explanations (强制上报说明) against last period, and the day a
 * return counts as handed in. The returns are the core fixtures' ParsedReturn
 * objects (what every reader produces); the end-to-end proof with real files
 * is round-two-periods.test.ts.
 */

import { consolidate, validateReturn } from '../../src/core/engine';
import type { Finding } from '../../src/core/rules/finding';
import { chinaDay, dayText, handedInDay, parseDay } from '../../src/core/consolidate/timeliness';
import { PLAN, goodValues, makeReturn } from '../core/fixtures';

const rulesOf = (fs: Finding[]) => fs.map((f) => `${f.severity}:${f.rule}:${f.code ?? '-'}`);
const ret = (unit: string, values: Record<string, number>, extra: { period?: string; remarks?: Record<string, string> } = {}) =>
  makeReturn({ unit, period: extra.period ?? '2023', values: { ...goodValues(unit), ...values }, remarks: extra.remarks });

describe('value.far-from-previous', () => {
  // T-AMT: a district's part of a city sum (no target judges it); 1500 is its good value.
  const prev2022 = [ret('320582', { 'T-AMT': 1500 }, { period: '2022' })];

  test('a move of more than half of last year\'s value asks for a remark (as the template\'s ·请说明); less does not', () => {
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-AMT': 3000 }), { previous: prev2022 }))).toEqual(['warning:value.far-from-previous:T-AMT']);
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-AMT': 2251 }), { previous: prev2022 }))).toEqual(['warning:value.far-from-previous:T-AMT']);
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-AMT': 740 }), { previous: prev2022 }))).toEqual(['warning:value.far-from-previous:T-AMT']);
    // ±50 % exactly is not "more than half".
    expect(validateReturn(PLAN, ret('320582', { 'T-AMT': 2250 }), { previous: prev2022 })).toEqual([]);
    expect(validateReturn(PLAN, ret('320582', { 'T-AMT': 750 }), { previous: prev2022 })).toEqual([]);
    const [f] = validateReturn(PLAN, ret('320582', { 'T-AMT': 3000 }), { previous: prev2022 });
    expect(f.message).toBe('与上期差异较大：本期填报 3000，2022年 为 1500（+100%）；请在备注中说明原因');
    expect(f.remarkAt).toEqual({ sheet: '指标填报', cell: f.cell!.replace('F', 'H') });
  });

  test('a move from 0 asks for a remark too, as the template\'s status does; 0 again does not', () => {
    const zero2022 = [ret('320582', { 'T-AMT': 0 }, { period: '2022' })];
    const [f, ...rest] = validateReturn(PLAN, ret('320582', { 'T-AMT': 40 }), { previous: zero2022 });
    expect(rest).toEqual([]);
    expect(`${f.severity}:${f.rule}:${f.code}`).toBe('warning:value.far-from-previous:T-AMT');
    expect(f.message).toBe('与上期差异较大：本期填报 40，2022年 为 0（上期为 0）；请在备注中说明原因');
    expect(validateReturn(PLAN, ret('320582', { 'T-AMT': 40 }), { previous: zero2022, lang: 'en' })[0].message).toContain('(from 0)');
    expect(validateReturn(PLAN, ret('320582', { 'T-AMT': 0 }), { previous: zero2022 })).toEqual([]);
  });

  test('a remark makes it a note that quotes it', () => {
    const fs = validateReturn(PLAN, ret('320582', { 'T-AMT': 3000 }, { remarks: { 'T-AMT': '新增两个重大项目' } }), { previous: prev2022 });
    expect(rulesOf(fs)).toEqual(['info:value.far-from-previous:T-AMT']);
    expect(fs[0].message).toContain('备注已说明：新增两个重大项目');
  });

  test('a half year is not compared with a whole year', () => {
    expect(validateReturn(PLAN, ret('320582', { 'T-AMT': 600 }, { period: '2023H1' }), { previous: prev2022 })).toEqual([]);
  });

  test('on a binding indicator the missing remark is an error, but the value still counts', () => {
    // T-BIND: citywide, binding, reported by SZ-DSJ; 60 last year, 130 now (meets ≥ 50).
    const previous = [ret('SZ-DSJ', { 'T-BIND': 60 }, { period: '2022' })];
    const now = ret('SZ-DSJ', { 'T-BIND': 130 });
    const fs = validateReturn(PLAN, now, { previous });
    expect(rulesOf(fs)).toEqual(['error:value.far-from-previous:T-BIND']);
    expect(fs[0].message).toContain('本指标为约束性指标；须在备注中说明原因（强制上报说明）');
    const c = consolidate(PLAN, '2023', [now], { previous });
    expect(c.indicators.find((i) => i.code === 'T-BIND')!.city.value).toBe(130);
    expect(c.indicators.find((i) => i.code === 'T-BIND')!.previous).toEqual({ period: '2022', value: 60, change: 70, rate: expect.closeTo(70 / 60, 9), basis: 'yoy' });
  });

  test('a quarter after the previous quarter is 环比', () => {
    const previous = [ret('SZ-DSJ', { 'T-BIND': 60 }, { period: '2023Q2' })];
    const c = consolidate(PLAN, '2023Q3', [ret('SZ-DSJ', { 'T-BIND': 66 }, { period: '2023Q3' })], { previous });
    expect(c.indicators.find((i) => i.code === 'T-BIND')!.previous).toEqual({ period: '2023Q2', value: 60, change: 6, rate: expect.closeTo(0.1, 9), basis: 'pop' });
  });
});

describe('the day a return counts as handed in', () => {
  test('dates as units type them', () => {
    for (const t of ['2024-01-15', '2024/1/15', '2024年1月15日', '2024.01.15', '2024-01-15T00:00:00Z']) expect(dayText(parseDay(t)!)).toBe('2024-01-15');
    expect(parseDay('2024-02-30')).toBeNull();
    expect(parseDay('下周一')).toBeNull();
  });

  test('a save time is read as a China-time day', () => {
    expect(dayText(chinaDay('2024-01-15T15:59:59Z')!)).toBe('2024-01-15');
    expect(dayText(chinaDay('2024-01-15T16:00:00Z')!)).toBe('2024-01-16');
  });

  test('the later of the save day and the typed date', () => {
    const r = makeReturn({ unit: '320582', reporterDate: '2024-01-10', modifiedAt: '2024-01-17T01:00:00Z' });
    expect(dayText(handedInDay(r)!)).toBe('2024-01-17');
    const typedLater = makeReturn({ unit: '320582', reporterDate: '2024-01-20', modifiedAt: '2024-01-12T01:00:00Z' });
    expect(dayText(handedInDay(typedLater)!)).toBe('2024-01-20');
    const c = consolidate(PLAN, '2023', [makeReturn({ unit: '320582', values: goodValues('320582'), modifiedAt: '2024-01-17T01:00:00Z' })], { deadline: '2024-01-15' });
    expect(c.returns[0]).toMatchObject({ timeliness: 'late', daysLate: 2 });
    // Without a date at all the return is not judged, the unit is not called missing.
    const undated = consolidate(PLAN, '2023', [makeReturn({ unit: '320582', values: goodValues('320582') })], { deadline: '2024-01-15' });
    expect(undated.returns[0].timeliness).toBeUndefined();
    expect(undated.submissions!.find((s) => s.unit === '320582')!.timeliness).toBeUndefined();
  });
});
