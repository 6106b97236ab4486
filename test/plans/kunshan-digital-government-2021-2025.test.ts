/**
 * Kunshan 14th five-year digital-government plan (seed 004): the 22 rows of
 * 表 1, each with its category, unit, 2025 target and 属性, checked against
 * values typed by hand from the seed.
 */
import { existsSync, readFileSync } from 'fs';
import { planUnderTest, seedPath } from './support';
import { evaluateTarget, formatTarget } from '../../src/core/plan/target';

const ID = 'kunshan-digital-government-2021-2025';
const SEED = seedPath('004_c82ffedd28f2eff4.txt');

const { plan, ind } = planUnderTest(ID);

describe('Kunshan digital-government plan (seed 004)', () => {
  test('plan metadata', () => {
    const p = plan();
    expect(p.owner).toBe('320583');
    expect(p.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(p.source).toBe('004_c82ffedd28f2eff4.txt');
    expect(p.title).toBe('昆山市“十四五”数字政府建设发展规划');
    expect(p.parentPlan).toBeUndefined();
  });

  test('counts: 22 indicators, 5 categories, 14 binding and 8 expected', () => {
    const p = plan();
    expect(p.indicators).toHaveLength(22);
    expect(p.categories.map((c) => c.name)).toEqual(['基础设施', '管理决策赋能', '城市运行治理', '生活服务', '营商惠商']);
    const perCategory = p.categories.map((c) => p.indicators.filter((i) => i.category === c.id).length);
    expect(perCategory).toEqual([8, 3, 4, 5, 2]);
    expect(p.indicators.filter((i) => i.attribute === 'binding')).toHaveLength(14);
    expect(p.indicators.filter((i) => i.attribute === 'expected')).toHaveLength(8);
    // Codes follow the table's 序号.
    expect(p.indicators.map((i) => i.code)).toEqual(Array.from({ length: 22 }, (_, k) => `KS-${String(k + 1).padStart(2, '0')}`));
  });

  // [序号 code, name, unit, 2025 value, 属性] — read from 表 1 by hand.
  const rows: [string, string, string, number, 'binding' | 'expected'][] = [
    ['KS-01', '政务系统上云率', '%', 100, 'binding'],
    ['KS-02', '已建专网与电子政务外网整合率', '%', 100, 'binding'],
    ['KS-03', '政务网 IPv6覆盖率', '%', 85, 'expected'],
    ['KS-04', '已挂载数据资源与信息资源目录比率', '%', 95, 'binding'],
    ['KS-05', '电子证照覆盖率', '%', 70, 'expected'],
    ['KS-06', '业务中台服务接入部门覆盖率', '%', 95, 'binding'],
    ['KS-07', '数字智慧底座部门接入率', '%', 100, 'binding'],
    ['KS-09', '公共数据资源开放部门覆盖率', '%', 100, 'binding'],
    ['KS-10', '公共数据开放平台数据鲜活度', '%', 75, 'binding'],
    ['KS-12', '“互联网+监管”监管行为事项覆盖率', '%', 95, 'binding'],
    ['KS-14', '跨部门联动决策响应时间', '天', 0.5, 'binding'],
    ['KS-15', '城市运行治理标杆应用场景', '个', 5, 'expected'],
    ['KS-16', '“一件事一次办”事项数', '个', 50, 'binding'],
    ['KS-18', '两个免于提交事项数', '个', 120, 'expected'],
    ['KS-19', '统一服务总入口应用场景对接部门占比', '%', 50, 'expected'],
    ['KS-21', '政企共享数据利用率', '%', 85, 'expected'],
    ['KS-22', '数据产品开发项目', '项', 10, 'expected'],
  ];
  test.each(rows)('%s %s (%s): 2025 target %p, %s', (code, name, unit, value, attribute) => {
    const i = ind(code);
    expect(i.name).toBe(name);
    expect(i.unit).toBe(unit);
    expect(i.attribute).toBe(attribute);
    expect(Object.keys(i.targets)).toEqual(['2025']);
    const t = i.targets['2025'];
    expect(t.raw).toBe(String(value));
    expect(t.op === 'ge' || t.op === 'le' ? t.value : undefined).toBe(value);
  });

  test('response time is an upper limit; percentages are percent kind', () => {
    const rt = ind('KS-14');
    expect(rt.direction).toBe('le');
    expect(rt.targets['2025'].op).toBe('le');
    expect(formatTarget(rt.targets['2025'], rt.unit)).toBe('≤ 0.5');
    expect(evaluateTarget(rt.targets['2025'], 0.3)?.met).toBe(true);
    expect(evaluateTarget(rt.targets['2025'], 1)).toEqual({ met: false, gap: 0.5 });
    for (const i of plan().indicators.filter((x) => x.unit === '%')) expect(i.kind).toBe('percent');
    expect(plan().indicators.filter((x) => x.kind === 'percent')).toHaveLength(16);
    expect(formatTarget(ind('KS-03').targets['2025'], '%')).toBe('≥ 85%');
  });

  test('categories of sample rows follow the merged 类别 cells', () => {
    const cat = (code: string) => plan().categories.find((c) => c.id === ind(code).category)?.name;
    expect(cat('KS-08')).toBe('基础设施');
    expect(cat('KS-09')).toBe('管理决策赋能');
    expect(cat('KS-11')).toBe('管理决策赋能');
    expect(cat('KS-12')).toBe('城市运行治理');
    expect(cat('KS-15')).toBe('城市运行治理');
    expect(cat('KS-16')).toBe('生活服务');
    expect(cat('KS-20')).toBe('生活服务');
    expect(cat('KS-21')).toBe('营商惠商');
  });

  test('leads are Kunshan departments, assumed (表 1 names no 牵头单位), reporting themselves', () => {
    const p = plan();
    const units = new Map(p.units.map((u) => [u.code, u]));
    for (const i of p.indicators) {
      expect(i.leadAssumed).toBe(true);
      expect(i.reportersAssumed).toBe(true);
      expect(i.reporters).toEqual(i.lead);
      for (const l of i.lead) expect(units.get(l)).toMatchObject({ kind: 'department', parent: '320583' });
    }
    expect(ind('KS-01').lead).toEqual(['320583-DSJ']);
    expect(ind('KS-17').lead).toEqual(['320583-ZWB']);
    expect(ind('KS-16')).toMatchObject({ cumulative: true, rollup: 'citywide' });
  });

  (existsSync(SEED) ? test : test.skip)('every row of 表 1 appears in the seed with its target and 属性', () => {
    const seed = readFileSync(SEED, 'utf8');
    for (const i of plan().indicators) {
      const unit = i.unit ? `（${i.unit}）` : '';
      const attr = i.attribute === 'binding' ? '约束性' : '预期性';
      const line = `${i.name}${unit} ${i.targets['2025'].raw} ${attr}`;
      expect({ code: i.code, found: seed.includes(line) }).toEqual({ code: i.code, found: true });
    }
  });
});
