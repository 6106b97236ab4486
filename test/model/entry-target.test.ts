import { UNIT_REGISTRY, builtinPlan } from '../../src/core/plan/builtin';
import { resolvePlan } from '../../src/core/plan/load';
import { entryTarget, targetApplies } from '../../src/core/template/entry-target';
import type { Period } from '../../src/core/period';

const plan = resolvePlan(
  {
    id: 'entry-target-test',
    title: '测试',
    issuer: '测试',
    years: [2023],
    owner: '320500',
    source: 'test',
    categories: [{ id: 'A', name: '甲' }],
    indicators: [
      { code: 'E-SUM', name: '高新技术企业数', unit: '家', category: 'A', kind: 'count', rollup: 'sum', targets: { '2023': '3000' }, lead: ['SZ-KJJ'], reporters: ['@districts', '@lead'], source: { doc: 't', where: 't' } },
      { code: 'E-PUE', name: 'PUE', unit: '', category: 'A', direction: 'le', kind: 'ratio', rollup: 'limit', targets: { '2023': '1.3 以下' }, lead: ['SZ-GXJ'], reporters: ['@districts'], source: { doc: 't', where: 't' } },
      { code: 'E-TXT', name: '平台建设', unit: '', category: 'A', kind: 'text', rollup: 'citywide', targets: { '2023': '全面推广' }, lead: ['SZ-DSJ'], reporters: ['@lead'], source: { doc: 't', where: 't' } },
    ],
  },
  UNIT_REGISTRY,
);
const ind = (code: string) => plan.indicators.find((i) => i.code === code)!;
const year: Period = { kind: 'year', year: 2023 };
const half: Period = { kind: 'half', year: 2023, half: 1 };

test('a district is not measured against the city total; the lead department is', () => {
  expect(targetApplies(ind('E-SUM'), '320582')).toBe(false);
  expect(entryTarget(ind('E-SUM'), year, '320582')).toMatchObject({ text: '全市 ≥ 3000', judgement: 'none' });
  expect(entryTarget(ind('E-SUM'), year, 'SZ-KJJ')).toMatchObject({ text: '≥ 3000', judgement: 'full' });
});

test('a limit binds every unit, in every period', () => {
  expect(targetApplies(ind('E-PUE'), '320582')).toBe(true);
  expect(entryTarget(ind('E-PUE'), year, '320582')).toMatchObject({ text: '≤ 1.3', judgement: 'full' });
  expect(entryTarget(ind('E-PUE'), half, '320582')).toMatchObject({ text: '全年 ≤ 1.3', judgement: 'full' });
});

test('a half-year value is progress towards the year target', () => {
  expect(entryTarget(ind('E-SUM'), half, 'SZ-KJJ')).toMatchObject({ text: '全年 ≥ 3000', judgement: 'met-only' });
});

test('qualitative targets are shown as written', () => {
  expect(entryTarget(ind('E-TXT'), year, 'SZ-DSJ')).toMatchObject({ text: '全面推广', judgement: 'full' });
});

test('a district that co-leads a task reports its own part: the city target does not measure it', () => {
  const plan = builtinPlan('suzhou-new-infrastructure-2020-2022')!;
  const chain = plan.indicators.find((i) => i.code === 'XJJ-A4-02')!; // 引育区块链产业企业, co-led by 相城区
  expect(chain.lead).toContain('320507');
  expect(targetApplies(chain, '320507', 'district')).toBe(false);
  const y2022: Period = { kind: 'year', year: 2022 };
  expect(entryTarget(chain, y2022, '320507', 'district')).toMatchObject({ text: '全市 ≥ 200', judgement: 'none' });
  expect(entryTarget(chain, y2022, 'SZ-GXJ', 'department')).toMatchObject({ text: '≥ 200', judgement: 'full' });
});
