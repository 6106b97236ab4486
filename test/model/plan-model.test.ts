import { builtinPlan, builtinPlanIds, builtinPlans, DEFAULT_PLAN_ID, UNIT_REGISTRY } from '../../src/core/plan/builtin';
import { PlanError, planHash, resolvePlan } from '../../src/core/plan/load';
import { CODE_RE } from '../../src/core/plan/schema';
import { valueName, parseCellName } from '../../src/core/template/layout';

describe('built-in plans', () => {
  test('the four seed plans are built in and the default is the Suzhou plan', () => {
    expect(builtinPlanIds().sort()).toEqual(
      [
        'kunshan-digital-government-2021-2025',
        'suzhou-digital-economy-2021-2023',
        'suzhou-new-infrastructure-2020-2022',
        'taicang-digital-economy-2021-2023',
      ].sort(),
    );
    expect(builtinPlan(DEFAULT_PLAN_ID)?.owner).toBe('320500');
    expect(builtinPlan('no-such-plan')).toBeUndefined();
  });

  test.each(builtinPlanIds())('%s loads, with unique codes and consistent references', (id) => {
    const plan = builtinPlan(id)!;
    const codes = plan.indicators.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const unitCodes = new Set(plan.units.map((u) => u.code));
    const categoryIds = new Set(plan.categories.map((c) => c.id));
    for (const ind of plan.indicators) {
      expect(ind.code).toMatch(CODE_RE);
      // Defined names derived from codes must map back to the same code.
      expect(parseCellName(valueName(ind.code))).toEqual({ kind: 'value', code: ind.code });
      expect(categoryIds.has(ind.category)).toBe(true);
      expect(ind.reporters.length).toBeGreaterThan(0);
      for (const u of [...ind.lead, ...ind.reporters]) expect(unitCodes.has(u)).toBe(true);
      for (const [period, t] of Object.entries(ind.targets)) {
        expect(plan.years).toContain(Number(period.slice(0, 4)));
        expect(typeof t.raw).toBe('string');
      }
      if (ind.kind === 'percent') expect(ind.unit).toBe('%');
    }
    // Parents come before their children.
    const seen = new Set<string>();
    for (const u of plan.units) {
      if (u.parent) expect(seen.has(u.parent)).toBe(true);
      seen.add(u.code);
    }
  });

  test('the city plans list the ten districts with their 行政区划代码', () => {
    const plan = builtinPlan(DEFAULT_PLAN_ID)!;
    const districts = plan.units.filter((u) => u.kind === 'district').map((u) => `${u.code} ${u.name}`);
    expect(districts).toEqual(
      expect.arrayContaining([
        '320582 张家港市',
        '320581 常熟市',
        '320585 太仓市',
        '320583 昆山市',
        '320509 吴江区',
        '320506 吴中区',
        '320507 相城区',
        '320508 姑苏区',
        '320571 苏州工业园区',
        '320505 苏州高新区',
      ]),
    );
  });

  test('plan hashes are stable and differ between plans', () => {
    const hashes = builtinPlans().map(planHash);
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{16}$/);
    const again = resolvePlan(
      JSON.parse(JSON.stringify(require('../../templates/suzhou-digital-economy-2021-2023.json'))),
      UNIT_REGISTRY,
    );
    expect(planHash(again)).toBe(planHash(builtinPlan(DEFAULT_PLAN_ID)!));
  });
});

describe('loading a bad plan', () => {
  const good = () => ({
    id: 'test-plan',
    title: '测试计划',
    issuer: '测试',
    years: [2023],
    owner: '320500',
    source: 'test',
    categories: [{ id: 'A', name: '甲' }],
    indicators: [
      {
        code: 'T-01',
        name: '指标一',
        unit: '个',
        category: 'A',
        kind: 'count',
        rollup: 'sum',
        targets: { '2023': '100 以上' },
        lead: ['SZ-GXJ'],
        reporters: ['@districts', '@lead'],
        source: { doc: 'test', where: 'row 1' },
      },
    ],
  });

  function issuesOf(src: unknown): string[] {
    try {
      resolvePlan(src, UNIT_REGISTRY, 'bad.json');
    } catch (e) {
      expect(e).toBeInstanceOf(PlanError);
      expect((e as PlanError).message).toContain('bad.json');
      return (e as PlanError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    throw new Error('expected a PlanError');
  }

  test('a good plan resolves groups into unit codes', () => {
    const plan = resolvePlan(good(), UNIT_REGISTRY);
    expect(plan.indicators[0].reporters).toHaveLength(11);
    expect(plan.indicators[0].reporters).toContain('320571');
    expect(plan.indicators[0].reporters).toContain('SZ-GXJ');
    expect(plan.indicators[0].targets['2023']).toEqual({ op: 'ge', value: 100, raw: '100 以上' });
  });

  test('errors name the field path and the reason', () => {
    const p = good() as any;
    p.indicators[0].kind = 'percent';
    p.indicators[0].lead = ['SZ-NOPE'];
    p.indicators[0].targets = { '2030': '5' };
    p.indicators.push({ ...p.indicators[0], code: 'T-01', category: 'Z' });
    const issues = issuesOf(p);
    expect(issues).toEqual(
      expect.arrayContaining([
        'indicators[0].lead[0]: unknown unit SZ-NOPE',
        'indicators[0].targets.2030: period 2030 is outside the plan years 2023',
        'indicators[0].unit: a percent indicator must have unit "%"',
        'indicators[1].code: duplicate indicator code T-01',
        'indicators[1].category: unknown category Z',
      ]),
    );
  });

  test('schema errors carry paths too', () => {
    const p = good() as any;
    p.indicators[0].code = 'bad code';
    p.indicators[0].rollup = 'average';
    delete p.title;
    const issues = issuesOf(p);
    expect(issues.some((i) => i.startsWith('indicators[0].code:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('indicators[0].rollup:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('title:'))).toBe(true);
  });

  test('an ambiguous target given as an object is validated', () => {
    const p = good() as any;
    p.indicators[0].targets = { '2023': { raw: '选取5个系统', op: 'ge' } };
    expect(issuesOf(p)).toEqual(['indicators[0].targets.2023.value: op "ge" needs "value"']);
    p.indicators[0].targets = { '2023': { raw: '选取5个系统', op: 'ge', value: 5 } };
    expect(resolvePlan(p, UNIT_REGISTRY).indicators[0].targets['2023']).toEqual({ raw: '选取5个系统', op: 'ge', value: 5 });
  });

  test('band, tolerance and limits are stated in the plan file and checked', () => {
    const p = good() as any;
    p.indicators[0].targets = { '2023': { raw: '1～2', op: 'range', min: 1, max: 2, band: true } };
    p.indicators[0].tolerance = 0.05;
    p.indicators[0].limits = { min: 0, max: 500 };
    const ind = resolvePlan(p, UNIT_REGISTRY).indicators[0];
    expect(ind.targets['2023']).toEqual({ raw: '1～2', op: 'range', min: 1, max: 2, band: true });
    expect([ind.tolerance, ind.limits]).toEqual([0.05, { min: 0, max: 500 }]);

    p.indicators[0].targets = { '2023': { raw: '5', op: 'ge', value: 5, band: true } };
    p.indicators[0].tolerance = 2;
    p.indicators[0].limits = { min: 10, max: 1 };
    expect(issuesOf(p)).toEqual([
      'indicators[0].targets.2023.band: "band" applies to op "range" only',
      'indicators[0].tolerance: Number must be less than or equal to 0.5',
      'indicators[0].limits.min: min is greater than max',
    ]);
  });
});
