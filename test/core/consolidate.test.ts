import { consolidate } from '../../src/core/engine';
import type { ParsedReturn } from '../../src/core/return/types';
import { DISTRICTS, PLAN, goodValues, makeReturn } from './fixtures';

const UNITS = [...DISTRICTS, 'SZ-GXJ', 'SZ-FGW', 'SZ-DSJ'];
const good = (unit: string, values: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  makeReturn({ unit, ...extra, values: { ...goodValues(unit), ...values } as never });
const all = () => UNITS.map((u) => good(u));
const ind = (c: ReturnType<typeof consolidate>, code: string) => c.indicators.find((i) => i.code === code)!;

describe('a complete set of returns', () => {
  const c = consolidate(PLAN, '2023', all());

  test('every return accepted, nobody missing, no findings', () => {
    expect(c.plan).toBe('test-plan');
    expect(c.period).toBe('2023');
    expect(c.returns.map((r) => r.status)).toEqual(UNITS.map(() => 'accepted'));
    expect(c.returns[0]).toMatchObject({ file: '320582-2023.xlsx', unit: '320582', reason: '', contact: '张三', phone: '0512-1234', errors: 0, warnings: 0 });
    expect(c.missing).toEqual([]);
    expect(c.findings).toEqual([]);
  });

  test('sum: the districts are added; the lead figure is compared beside', () => {
    const s = ind(c, 'T-SUM');
    expect(s.units).toEqual({ '320582': 30, '320581': 30, '320585': 30, '320583': 30, 'SZ-GXJ': 120 });
    expect(s.city).toMatchObject({ value: 120, target: '≥ 100', attained: 'met', districtsVsLead: { districtsSum: 120, lead: 120, difference: 0 } });
    const a = ind(c, 'T-AMT').city;
    expect(a.value).toBe(6000);
    expect(a.districtsVsLead).toEqual({ districtsSum: 6000, lead: 6100, difference: -100 });
    expect(a.basis).toBe('4 个单位合计；牵头部门 苏州市发展和改革委员会 报全市数 6100，各单位合计与之相差 -100');
    expect(a.attained).toBe('met');
  });

  test('provenance of every value used', () => {
    const s = ind(c, 'T-SUM').city.sources;
    expect(s).toHaveLength(4);
    expect(s[0]).toEqual({ file: '320582-2023.xlsx', sheet: '指标填报', cell: 'F5', unit: '320582' });
    expect(ind(c, 'T-PCT').city.sources).toEqual([{ file: 'SZ-DSJ-2023.xlsx', sheet: '指标填报', cell: 'F5', unit: 'SZ-DSJ' }]);
  });

  test('rate: the lead department figure, not a sum', () => {
    expect(ind(c, 'T-PCT').city).toMatchObject({ value: 92, target: '≥ 90%', attained: 'met', basis: '牵头部门 苏州市大数据管理局 的报表' });
  });

  test('limit: all comply; the worst value shown', () => {
    expect(ind(c, 'T-PUE').city).toMatchObject({ value: 1.25, attained: 'met', nonCompliant: [] });
  });

  test('citywide with a qualitative target; cumulative sum', () => {
    expect(ind(c, 'T-CW').city).toMatchObject({ value: 3, target: '全面推广', attained: 'qualitative' });
    expect(ind(c, 'T-CUM').city.value).toBeCloseTo(3.2);
    expect(ind(c, 'T-CUM').city.attained).toBe('met');
  });

  test('the grid', () => {
    expect(c.grid['320582']).toEqual({ 'T-SUM': 'filled', 'T-AMT': 'filled', 'T-PCT': 'filled', 'T-PUE': 'filled', 'T-CW': 'not-required', 'T-CUM': 'filled', 'T-BIND': 'not-required', 'T-TXT': 'filled' });
    expect(c.grid['SZ-FGW']['T-AMT']).toBe('filled');
    expect(Object.keys(c.grid).sort()).toEqual([...UNITS].sort());
  });
});

describe('completeness', () => {
  test('a missing unit: listed, the sum marked partial, the limit undecided', () => {
    const c = consolidate(PLAN, '2023', all().filter((r) => r.meta!.unitCode !== '320583'));
    expect(c.missing).toEqual(['320583']);
    const s = ind(c, 'T-SUM');
    expect(s.units['320583']).toBeNull();
    expect(s.city).toMatchObject({ value: 90, attained: 'no-data' });
    expect(s.city.basis).toContain('3/4 个单位合计（未报送：昆山）');
    expect(ind(c, 'T-PUE').city).toMatchObject({ attained: 'no-data', nonCompliant: [] });
    expect(c.grid['320583']['T-SUM']).toBe('blank');
  });

  test('a partial sum that already meets an "at least" target is met', () => {
    const rs = UNITS.filter((u) => u !== '320583').map((u) => good(u, u.startsWith('32') ? { 'T-SUM': 40 } : {}));
    expect(ind(consolidate(PLAN, '2023', rs), 'T-SUM').city).toMatchObject({ value: 120, attained: 'met' });
  });

  test('blank values are null and not filled', () => {
    const rs = all();
    rs[0] = good('320582', { 'T-AMT': null });
    const c = consolidate(PLAN, '2023', rs);
    expect(ind(c, 'T-AMT').units['320582']).toBeNull();
    expect(c.grid['320582']['T-AMT']).toBe('blank');
    expect(c.returns[0]).toMatchObject({ status: 'accepted', errors: 1 });
  });
});

describe('rejected returns', () => {
  test('unreadable, not a return, another plan, another period, unknown unit', () => {
    const notReturn: ParsedReturn = { ...good('320582'), source: 'notes.xlsx', meta: null };
    const inputs = [
      ...all(),
      { file: 'broken.xlsx', message: '不是有效的 xlsx 文件' },
      notReturn,
      good('320581', {}, { file: 'other-plan.xlsx', meta: { planId: 'another-plan' } }),
      good('320585', {}, { file: '2022.xlsx', period: '2022' }),
      good('320599', {}, { file: 'stranger.xlsx' }),
    ];
    const c = consolidate(PLAN, '2023', inputs);
    const byFile = Object.fromEntries(c.returns.map((r) => [r.file, r]));
    expect(byFile['broken.xlsx']).toMatchObject({ status: 'rejected', unit: null, reason: '不是有效的 xlsx 文件', errors: 1 });
    expect(byFile['notes.xlsx']).toMatchObject({ status: 'rejected', reason: '不是 PlanSheet 填报表（没有 PlanSheet 元数据），无法识别所属计划、单位和期别' });
    expect(byFile['other-plan.xlsx']).toMatchObject({ status: 'rejected', reason: '属于其他计划（another-plan）' });
    expect(byFile['2022.xlsx']).toMatchObject({ status: 'rejected', reason: '期别为 2022年，应为 2023年' });
    expect(byFile['stranger.xlsx']).toMatchObject({ status: 'rejected', reason: '单位代码 320599 不是本计划的填报单位' });
    // Rejected returns change nothing in the figures.
    expect(ind(c, 'T-SUM').city.value).toBe(120);
    // Their findings are listed with the file.
    expect(c.findings.filter((f) => f.file === 'broken.xlsx')).toMatchObject([{ rule: 'return.unreadable', unit: null }]);
    expect(c.findings.filter((f) => f.file === '2022.xlsx').map((f) => f.rule)).toContain('template.period-mismatch');
  });
});

describe('conflicts: two returns from one unit', () => {
  test("'report': both set aside, never summed twice", () => {
    const rs = [...all(), good('320582', { 'T-SUM': 35 }, { file: '张家港-更正.xlsx' })];
    const c = consolidate(PLAN, '2023', rs);
    const conflicts = c.returns.filter((r) => r.status === 'conflict');
    expect(conflicts.map((r) => r.file)).toEqual(['320582-2023.xlsx', '张家港-更正.xlsx']);
    expect(conflicts[0].reason).toBe('与 张家港-更正.xlsx 为同一单位（张家港市 320582）的报表，均未汇总；请确认以哪一份为准');
    expect(ind(c, 'T-SUM').city.value).toBe(90);
    expect(ind(c, 'T-SUM').units['320582']).toBeNull();
    expect(c.missing).toEqual([]);
  });

  test("'latest' keeps the later report date and says so", () => {
    const rs = [...all().slice(1), good('320582', { 'T-SUM': 35 }, { file: 'new.xlsx', reporterDate: '2024年1月10日' }), good('320582', {}, { file: 'old.xlsx', reporterDate: '2024-01-05' })];
    const c = consolidate(PLAN, '2023', rs, { conflict: 'latest' });
    const byFile = Object.fromEntries(c.returns.map((r) => [r.file, r]));
    expect(byFile['new.xlsx']).toMatchObject({ status: 'accepted', reason: '' });
    expect(byFile['old.xlsx'].status).toBe('conflict');
    expect(byFile['old.xlsx'].reason).toBe('同一单位（张家港市 320582）另有较新的报表 new.xlsx，按填报日期（2024年1月10日，本表 2024-01-05）以较新者为准，本表未汇总');
    expect(ind(c, 'T-SUM').city.value).toBe(125);
  });

  test("'latest' falls back to the file time when the report dates are equal", () => {
    const rs = [
      good('320582', { 'T-SUM': 31 }, { file: 'a.xlsx', reporterDate: '2024-01-05', modifiedAt: '2024-01-05T10:00:00Z' }),
      good('320582', { 'T-SUM': 32 }, { file: 'b.xlsx', reporterDate: '2024-01-05', modifiedAt: '2024-01-05T09:00:00Z' }),
    ];
    const c = consolidate(PLAN, '2023', rs, { conflict: 'latest', lang: 'en' });
    expect(c.returns.map((r) => r.status)).toEqual(['accepted', 'conflict']);
    expect(c.returns[1].reason).toContain('by the file modification time');
    expect(ind(c, 'T-SUM').units['320582']).toBe(31);
  });

  test("'latest' that cannot tell sets both aside", () => {
    const rs = [good('320582', {}, { file: 'a.xlsx' }), good('320582', {}, { file: 'b.xlsx' })];
    const c = consolidate(PLAN, '2023', rs, { conflict: 'latest' });
    expect(c.returns.map((r) => r.status)).toEqual(['conflict', 'conflict']);
    expect(c.returns[0].reason).toContain('无法判断哪份较新');
  });
});

describe('roll-ups in less happy cases', () => {
  test('limit: the non-compliant units and the worst value', () => {
    const rs = all().map((r) => (r.meta!.unitCode === '320585' ? good('320585', { 'T-PUE': 1.4 }) : r.meta!.unitCode === '320581' ? good('320581', { 'T-PUE': 1.35 }) : r));
    const pue = ind(consolidate(PLAN, '2023', rs), 'T-PUE').city;
    expect(pue).toMatchObject({ value: 1.4, attained: 'missed', nonCompliant: ['320581', '320585'] });
    expect(pue.sources).toHaveLength(4);
  });

  test('rate without the lead department: no city figure, and why', () => {
    const c = consolidate(PLAN, '2023', all().filter((r) => r.meta!.unitCode !== 'SZ-DSJ'));
    expect(ind(c, 'T-PCT').city).toMatchObject({ value: null, attained: 'no-data', sources: [] });
    expect(ind(c, 'T-PCT').city.basis).toContain('比率不能相加');
    expect(ind(c, 'T-CW').city.value).toBeNull();
  });

  test('sum with no district figures falls back to the lead department', () => {
    const c = consolidate(PLAN, '2023', [good('SZ-GXJ')]);
    expect(ind(c, 'T-SUM').city).toMatchObject({ value: 120, attained: 'met' });
    expect(ind(c, 'T-SUM').city.basis).toContain('各区未报');
    expect(c.missing).toEqual(['320582', '320581', '320585', '320583', 'SZ-FGW', 'SZ-DSJ']);
  });

  test('a sum that misses its target', () => {
    const rs = all().map((r) => (DISTRICTS.includes(r.meta!.unitCode) ? good(r.meta!.unitCode, { 'T-SUM': 20 }) : r));
    expect(ind(consolidate(PLAN, '2023', rs), 'T-SUM').city).toMatchObject({ value: 80, attained: 'missed' });
  });

  test('no target for the period', () => {
    const c = consolidate(PLAN, '2022', UNITS.map((u) => good(u, {}, { period: '2022' })));
    expect(ind(c, 'T-BIND').city).toMatchObject({ target: null, attained: 'no-target' });
    expect(ind(c, 'T-CUM').city.target).toBe('≥ 2');
  });
});

describe('consolidation-level checks', () => {
  test('a unit 1000× off the median of the others is a likely unit error', () => {
    const rs = all().map((r) => (r.meta!.unitCode === '320585' ? good('320585', { 'T-AMT': 1_500_000 }) : r));
    const c = consolidate(PLAN, '2023', rs);
    const slip = c.findings.filter((f) => f.rule === 'value.unit-slip');
    expect(slip).toHaveLength(1);
    expect(slip[0]).toMatchObject({ file: '320585-2023.xlsx', unit: '320585', code: 'T-AMT', severity: 'warning', cell: 'F6' });
    expect(slip[0].message).toContain('其他 3 个单位的中位数 1500');
    expect(slip[0].message).toContain('如按“万元”填写，应为 150 亿元');
    expect(c.returns.find((r) => r.unit === '320585')!.warnings).toBe(1);
  });

  test('previous returns feed the cumulative rule', () => {
    const previous = [makeReturn({ unit: '320582', period: '2022', values: { 'T-CUM': 1.2 } })];
    const c = consolidate(PLAN, '2023', all(), { previous });
    expect(c.findings.map((f) => `${f.unit}:${f.rule}`)).toEqual(['320582:value.cumulative-decrease']);
  });

  test('a unit that reported an unreadable value or left it blank is not "no return"', () => {
    const rs = all().filter((r) => r.meta!.unitCode !== '320583');
    rs[0] = good('320582', { 'T-SUM': '约100', 'T-PUE': '约1.2' });
    rs[1] = good('320581', { 'T-SUM': null });
    const zh = consolidate(PLAN, '2023', rs);
    expect(zh.missing).toEqual(['320583']);
    expect(ind(zh, 'T-SUM').city.basis).toMatch(/^1\/4 个单位合计（未报送：昆山；数值无法识别：张家港；未填：常熟）/);
    expect(ind(zh, 'T-SUM').city.basis).not.toContain('缺');
    expect(ind(zh, 'T-PUE').city.basis).toMatch(/取最不利值；未报送：昆山；数值无法识别：张家港$/);
    const en = consolidate(PLAN, '2023', rs, { lang: 'en' });
    expect(ind(en, 'T-SUM').city.basis).toMatch(/^sum of 1 of 4 units \(no return: 昆山; value unreadable: 张家港; blank: 常熟\)/);
    expect(ind(en, 'T-PUE').city.basis).toMatch(/the worst value is shown; no return: 昆山; value unreadable: 张家港$/);
  });

  test('English reasons and bases', () => {
    const c = consolidate(PLAN, '2023', [...all().filter((r) => r.meta!.unitCode !== '320583'), { file: 'x.xlsx', message: 'bad zip' }], { lang: 'en' });
    expect(c.returns.find((r) => r.file === 'x.xlsx')!.reason).toBe('bad zip');
    expect(ind(c, 'T-SUM').city.basis).toMatch(/^sum of 3 of 4 units \(no return: 昆山\)/);
  });

  test('the result is plain JSON', () => {
    const c = consolidate(PLAN, '2023', all());
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

test('a percent-formatted rate is consolidated as shown', () => {
  const rs = all();
  const dsj = rs.find((r) => r.meta!.unitCode === 'SZ-DSJ')!;
  dsj.entries.get('T-PCT')!.value = { type: 'number', value: 0.93 };
  dsj.structural.push({ rule: 'reader.value-percent-format', params: { code: 'T-PCT', value: 0.93, shown: '93%' } });
  const c = consolidate(PLAN, '2023', rs);
  expect(ind(c, 'T-PCT').city).toMatchObject({ value: 93, attained: 'met' });
});

test('qualitative goals reported in words: texts with provenance, judged by people', () => {
  const rs = all();
  rs[1] = good('320581', { 'T-TXT': null });
  const c = consolidate(PLAN, '2023', rs);
  const t = ind(c, 'T-TXT');
  expect(t.texts).toEqual({ '320582': '已完成一期建设', '320581': null, '320585': '已完成一期建设', '320583': '已完成一期建设' });
  expect(t.units['320582']).toBeNull();
  expect(t.city).toMatchObject({ value: null, target: '建成平台', attained: 'qualitative', basis: '文字填报（3 个单位），达成情况由人工判断' });
  expect(t.city.sources.map((s) => s.unit)).toEqual(['320582', '320585', '320583']);
  expect(c.grid['320581']['T-TXT']).toBe('blank');
  expect(c.findings.map((f) => `${f.unit}:${f.rule}:${f.code}`)).toEqual(['320581:value.missing:T-TXT']);
});

test('a half-year consolidation is set against the annual target, and says so', () => {
  const c = consolidate(PLAN, '2023H1', UNITS.map((u) => good(u, {}, { period: '2023H1' })));
  expect(c.period).toBe('2023H1');
  expect(c.returns.every((r) => r.status === 'accepted')).toBe(true);
  expect(ind(c, 'T-SUM').city.target).toBe('≥ 100');
  expect(ind(c, 'T-SUM').city.basis).toContain('（2023年上半年，对照年度目标）');
});

test('sums carry no float noise', () => {
  // 0.1 + 0.2 + 0.3 + 0.6 is 1.2000000000000002 in floating point.
  const v: Record<string, number> = { '320582': 0.1, '320581': 0.2, '320585': 0.3, '320583': 0.6 };
  const rs = all().map((r) => (DISTRICTS.includes(r.meta!.unitCode) ? good(r.meta!.unitCode, { 'T-CUM': v[r.meta!.unitCode] }) : r));
  const cum = ind(consolidate(PLAN, '2023', rs), 'T-CUM').city;
  expect(cum.value).toBe(1.2);
});
