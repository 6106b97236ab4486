/**
 * Taicang's implementation plan (seed 001): every 2023 target in the seed's
 * "到2023年 … 达到 …" sentences, checked against values typed by hand from
 * the seed, plus structure (categories, units, leads, parent plan).
 */
import { existsSync, readFileSync } from 'fs';
import { planUnderTest, seedPath } from './support';
import { evaluateTarget } from '../../src/core/plan/target';

const ID = 'taicang-digital-economy-2021-2023';
const SEED = seedPath('001_2078fdaf42cd89f4.txt');

const { plan, ind } = planUnderTest(ID);

describe('Taicang digital-economy plan (seed 001)', () => {
  test('plan metadata', () => {
    const p = plan();
    expect(p.owner).toBe('320585');
    expect(p.parentPlan).toBe('suzhou-digital-economy-2021-2023');
    expect(p.years).toEqual([2021, 2022, 2023]);
    expect(p.source).toBe('001_2078fdaf42cd89f4.txt');
    expect(p.title).toContain('关于贯彻落实');
    expect(p.docNumber).toBeUndefined();
  });

  test('counts: 32 indicators in 6 categories (总体目标 + the five engineering tasks with targets)', () => {
    const p = plan();
    expect(p.indicators).toHaveLength(32);
    expect(p.categories.map((c) => c.name)).toEqual([
      '总体目标',
      '数字基础设施强基工程',
      '数字产业化发展工程',
      '产业数字化转型工程',
      '数字社会治理工程',
      '数字开放合作深化工程',
    ]);
    const perCategory = Object.fromEntries(p.categories.map((c) => [c.id, p.indicators.filter((i) => i.category === c.id).length]));
    expect(perCategory).toEqual({ G: 5, INF: 2, IND: 9, DIG: 8, GOV: 6, OPN: 2 });
  });

  // [code, op, value or [min,max] or text, raw] — read from the seed by hand.
  const samples: [string, string, number | [number, number] | string, string][] = [
    ['TC-G01', 'ge', 16, '16%以上'], // 年均增长16%以上
    ['TC-G02', 'text', '高于苏州平均水平', '高于苏州平均水平'],
    ['TC-G03', 'ge', 100, '全覆盖'],
    ['TC-G04', 'ge', 700, '700件以上'],
    ['TC-G05', 'ge', 100, '100件以上'],
    ['TC-I01', 'ge', 3.2, '3.2万架'],
    ['TC-I02', 'le', 1.3, '不高于1.3'],
    ['TC-P01', 'ge', 150, '150亿元'],
    ['TC-P02', 'ge', 120, '120亿元'],
    ['TC-P03', 'ge', 30, '30亿元'],
    ['TC-P04', 'ge', 25, '25亿元'],
    ['TC-P05', 'ge', 50, '50亿元'],
    ['TC-P06', 'range', [3, 5], '3-5个'],
    ['TC-P07', 'ge', 30, '30场次'],
    ['TC-P08', 'ge', 100, '100名'],
    ['TC-P09', 'ge', 3, '累计达3个'],
    ['TC-D01', 'ge', 10, '10家'],
    ['TC-D02', 'ge', 100, '100个'],
    ['TC-D03', 'ge', 10, '10%'],
    ['TC-D05', 'ge', 290, '290亿元'],
    ['TC-D06', 'ge', 240, '240家'],
    ['TC-D07', 'ge', 10, '10个'],
    ['TC-D08', 'ge', 3, '3个'],
    ['TC-S01', 'ge', 100, '100%'],
    ['TC-S02', 'text', '基本实现', '基本实现'],
    ['TC-S06', 'ge', 100, '100%'],
    ['TC-O01', 'ge', 90, '90个'],
    ['TC-O02', 'ge', 10, '10场'],
  ];
  test.each(samples)('%s 2023 target is %s %p (raw %s)', (code, op, expected, raw) => {
    const t = ind(code).targets['2023'];
    expect(t).toBeDefined();
    expect(t.op).toBe(op);
    expect(t.raw).toBe(raw);
    if (t.op === 'range') expect([t.min, t.max]).toEqual(expected);
    else if (t.op === 'text') expect(t.text).toBe(expected);
    else if (t.op === 'ge' || t.op === 'le' || t.op === 'eq') expect(t.value).toBe(expected);
  });

  test('only 2023 targets: the seed gives no intermediate years', () => {
    for (const i of plan().indicators) expect(Object.keys(i.targets)).toEqual(['2023']);
  });

  test('units, kinds and flags', () => {
    expect(ind('TC-I01').unit).toBe('万架');
    expect(ind('TC-P01').unit).toBe('亿元');
    expect(ind('TC-P07').unit).toBe('场次');
    expect(ind('TC-G01')).toMatchObject({ kind: 'number', unit: '%', rollup: 'rate' });
    expect(ind('TC-I02')).toMatchObject({ direction: 'le', kind: 'ratio', rollup: 'limit' });
    // The seed says 累计 for these.
    for (const c of ['TC-G04', 'TC-P09', 'TC-D06', 'TC-O01']) expect(ind(c).cumulative).toBe(true);
    // Growth rates and shares are not running totals.
    for (const c of ['TC-G01', 'TC-D03', 'TC-D04', 'TC-S01']) expect(ind(c).cumulative).toBe(false);
  });

  test('targets evaluate as the seed reads them', () => {
    expect(evaluateTarget(ind('TC-I02').targets['2023'], 1.25)?.met).toBe(true);
    expect(evaluateTarget(ind('TC-I02').targets['2023'], 1.4)).toEqual({ met: false, gap: expect.closeTo(0.1, 9) });
    expect(evaluateTarget(ind('TC-P06').targets['2023'], 4)?.met).toBe(true);
    expect(evaluateTarget(ind('TC-P06').targets['2023'], 2)).toEqual({ met: false, gap: 1 });
    // "集聚3-5个头部电竞企业": a floor; 7 is met, 2 above the upper bound.
    expect(evaluateTarget(ind('TC-P06').targets['2023'], 7)).toEqual({ met: true, gap: 0, aboveMax: 2 });
    // A PUE is 1–5 by the plan's limits.
    expect(ind('TC-I02').limits).toEqual({ min: 1, max: 5 });
    expect(evaluateTarget(ind('TC-G04').targets['2023'], 650)).toEqual({ met: false, gap: 50 });
    expect(evaluateTarget(ind('TC-G02').targets['2023'], 10)).toBeNull();
  });

  test('leads are Taicang departments (assumed: the seed names none) and report themselves', () => {
    const p = plan();
    const units = new Map(p.units.map((u) => [u.code, u]));
    for (const i of p.indicators) {
      expect(i.leadAssumed).toBe(true);
      expect(i.reportersAssumed).toBe(true);
      expect(i.reporters).toEqual(i.lead);
      for (const l of i.lead) expect(units.get(l)).toMatchObject({ kind: 'department', parent: '320585' });
    }
    expect(units.get('320585-GXJ')?.name).toBe('太仓市工业和信息化局');
    expect(ind('TC-P01').lead).toEqual(['320585-GXJ']);
    expect(ind('TC-D07').lead).toEqual(['320585-NYJ']);
    expect(ind('TC-S05').lead).toEqual(['320585-WXB']);
  });

  test('indicators that match the city plan say so', () => {
    for (const c of ['TC-G04', 'TC-I01', 'TC-I02', 'TC-S01', 'TC-S04']) expect(ind(c).note).toMatch(/对应市级/);
  });

  (existsSync(SEED) ? test : test.skip)('every numeric raw target text occurs in the seed', () => {
    const seed = readFileSync(SEED, 'utf8');
    for (const i of plan().indicators) {
      for (const t of Object.values(i.targets)) {
        if (t.raw === '全覆盖') expect(seed).toContain('全覆盖');
        else expect({ code: i.code, found: seed.includes(t.raw) }).toEqual({ code: i.code, found: true });
      }
    }
  });
});
