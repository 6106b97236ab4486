/**
 * Suzhou new-infrastructure action plan 2020–2022 (seed 003, 苏委办发〔2020〕27号):
 * project counts and investment per category, the quantified and qualitative
 * 2022 targets of each task, and the 牵头单位 named after each task — checked
 * against values typed by hand from the seed.
 */
import { existsSync, readFileSync } from 'fs';
import { planUnderTest, seedPath } from './support';
import { evaluateTarget } from '../../src/core/plan/target';

const ID = 'suzhou-new-infrastructure-2020-2022';
const SEED = seedPath('003_9205dff3c6cedb66.txt');

const { plan, ind } = planUnderTest(ID);

describe('Suzhou new-infrastructure plan (seed 003)', () => {
  test('plan metadata', () => {
    const p = plan();
    expect(p.id).toBe(ID);
    expect(p.title).toBe('苏州市推进新型基础设施建设行动方案（2020—2022年）');
    expect(p.docNumber).toBe('苏委办发〔2020〕27号');
    expect(p.issuer).toBe('中共苏州市委办公室 苏州市人民政府办公室');
    expect(p.date).toBe('2020-07-31');
    expect(p.years).toEqual([2020, 2021, 2022]);
    expect(p.owner).toBe('320500');
    expect(p.source).toBe('003_9205dff3c6cedb66.txt');
  });

  test('counts: 59 indicators in 26 categories (6 top-level, 20 tasks)', () => {
    const p = plan();
    expect(p.indicators).toHaveLength(59);
    expect(p.categories).toHaveLength(26);
    const top = p.categories.filter((c) => !c.parent);
    expect(top.map((c) => c.name)).toEqual([
      '总体目标',
      '网络信息基础设施',
      '新型交通基础设施',
      '科技创新基础设施',
      '产业融合基础设施',
      '智慧应用基础设施',
    ]);
    // Every indicator sits in a category; every category holds something.
    for (const c of p.categories) {
      const own = p.indicators.filter((i) => i.category === c.id).length;
      const children = p.categories.filter((x) => x.parent === c.id).length;
      expect(own + children).toBeGreaterThan(0);
    }
    // 一、网络信息基础设施 has eight tasks, all with reportable targets.
    expect(p.categories.filter((c) => c.parent === 'A').map((c) => c.name)).toEqual([
      '5G和下一代互联网',
      '新型绿色数据中心',
      '城市级感知网络',
      '区块链',
      '人工智能',
      '工业互联网',
      '量子通信',
      '信息安全保障体系',
    ]);
    expect(p.indicators.filter((i) => i.targets['2022']?.op === 'text')).toHaveLength(25);
  });

  // 一、（三）行动目标: "三年内完成建设项目 N 个，合计投资 M 亿元" per category, typed by hand.
  const projects: [string, string, number, number][] = [
    ['A', '网络信息基础设施', 82, 707],
    ['B', '新型交通基础设施', 52, 1572],
    ['C', '科技创新基础设施', 35, 343],
    ['D', '产业融合基础设施', 168, 843],
    ['E', '智慧应用基础设施', 85, 227],
  ];
  test.each(projects)('category %s %s: %d projects, %d 亿元', (cat, name, n, inv) => {
    const p = ind(`XJJ-${cat}-P`);
    const i = ind(`XJJ-${cat}-I`);
    expect(plan().categories.find((c) => c.id === cat)?.name).toBe(name);
    for (const x of [p, i]) {
      expect(x.category).toBe(cat);
      expect(x.rollup).toBe('sum');
      expect(x.cumulative).toBe(true);
      expect(x.reporters).toContain('320583');
    }
    expect(p.unit).toBe('个');
    expect(p.kind).toBe('count');
    expect(p.targets['2022']).toMatchObject({ op: 'ge', value: n });
    expect(i.unit).toBe('亿元');
    expect(i.kind).toBe('amount');
    expect(i.targets['2022']).toMatchObject({ op: 'ge', value: inv });
  });

  test('overall totals: 422 projects, 3692 亿元, equal to the sum of the five categories', () => {
    expect(ind('XJJ-P').targets['2022']).toMatchObject({ op: 'ge', value: 422, raw: '422 个' });
    expect(ind('XJJ-I').targets['2022']).toMatchObject({ op: 'ge', value: 3692, raw: '3692 亿元' });
    const value = (code: string) => (ind(code).targets['2022'] as { value: number }).value;
    expect(projects.reduce((s, [c]) => s + value(`XJJ-${c}-P`), 0)).toBe(value('XJJ-P'));
    expect(projects.reduce((s, [c]) => s + value(`XJJ-${c}-I`), 0)).toBe(value('XJJ-I'));
    // The 十四五 figures (620 个, 7500 亿元) lie outside the plan years: kept in notes only.
    expect(ind('XJJ-P').note).toContain('620');
    expect(ind('XJJ-I').note).toContain('7500');
    expect(Object.keys(ind('XJJ-P').targets)).toEqual(['2022']);
  });

  // [code, category, unit, op, value, raw] — 2022 targets read from the seed by hand.
  const targets: [string, string, string, 'ge' | 'le', number, string][] = [
    ['XJJ-A1-01', 'A1', '万个', 'ge', 3, '3 万个'], // 新建 3 万个 5G 基站
    ['XJJ-A2-01', 'A2', '万架', 'ge', 20, '20 万架'], // 数据中心新增机架数 20 万架
    ['XJJ-A2-04', 'A2', '', 'le', 1.5, '不高于1.5'], // 改造后的数据中心PUE不高于1.5
    ['XJJ-A4-02', 'A4', '家', 'ge', 200, '200 家以上'],
    ['XJJ-A4-03', 'A4', '人', 'ge', 5000, '超 5000 人'],
    ['XJJ-A4-04', 'A4', '个', 'ge', 300, '不少于 300 个'],
    ['XJJ-A4-05', 'A4', '家', 'ge', 10, '10 家'],
    ['XJJ-A5-02', 'A5', '项', 'ge', 100, '突破 100 项'],
    ['XJJ-A5-03', 'A5', '项', 'ge', 5, '超过 5 项'],
    ['XJJ-A6-01', 'A6', '个', 'ge', 10, '10 个'],
    ['XJJ-A6-02', 'A6', '亿个', 'ge', 2, '超过 2 亿'],
    ['XJJ-A6-03', 'A6', '万家', 'ge', 2, '2 万家以上'],
    ['XJJ-A6-04', 'A6', '万个', 'ge', 1, '超过 1 万个'],
    ['XJJ-A6-05', 'A6', '家', 'ge', 500, '500 家以上'],
    ['XJJ-A7-01', 'A7', '个', 'ge', 3, '3 个以上'],
    ['XJJ-B2-03', 'B2', '个', 'ge', 4000, '超 4000 个'],
    ['XJJ-B2-04', 'B2', '%', 'ge', 10, '不低于家庭电动乘用车增量的 10%'],
    ['XJJ-B4-01', 'B4', '公里', 'ge', 224.75, '224.75 公里'],
    ['XJJ-B4-02', 'B4', '万户', 'ge', 20, '20 万'],
    ['XJJ-B4-04', 'B4', '个', 'ge', 17, '不少于 17 个'],
    ['XJJ-D1-01', 'D1', '个', 'ge', 5, '五大配套中心'],
    ['XJJ-D3-01', 'D3', '座', 'ge', 10, '10 座'],
  ];
  test.each(targets)('%s (%s): 2022 target %s %s %d', (code, cat, unit, op, value, raw) => {
    const i = ind(code);
    expect(i.category).toBe(cat);
    expect(i.unit).toBe(unit);
    expect(i.targets['2022']).toEqual({ op, value, raw });
    // The seed gives no 2020/2021 intermediate targets for any of them.
    expect(Object.keys(i.targets)).toEqual(['2022']);
  });

  test('kinds, rollups and directions follow what the numbers are', () => {
    expect(ind('XJJ-A2-04')).toMatchObject({ kind: 'ratio', direction: 'le', rollup: 'limit' });
    expect(ind('XJJ-A2-04').reporters).not.toContain('SZ-FGW'); // a limit each district must meet
    expect(ind('XJJ-A2-04').reporters).toHaveLength(10);
    expect(ind('XJJ-B2-04')).toMatchObject({ kind: 'percent', rollup: 'rate', cumulative: false });
    expect(ind('XJJ-A1-01')).toMatchObject({ kind: 'amount', rollup: 'sum', cumulative: true });
    expect(ind('XJJ-B2-03')).toMatchObject({ kind: 'count', rollup: 'sum', cumulative: true });
    expect(ind('XJJ-B4-02').rollup).toBe('citywide');
    // PUE 1.4 meets "不高于1.5", 1.6 does not.
    expect(evaluateTarget(ind('XJJ-A2-04').targets['2022'], 1.4)).toEqual({ met: true, gap: 0 });
    expect(evaluateTarget(ind('XJJ-A2-04').targets['2022'], 1.6)?.met).toBe(false);
    // 224.75 公里 of roads: 200 falls short by 24.75.
    expect(evaluateTarget(ind('XJJ-B4-01').targets['2022'], 200)?.gap).toBeCloseTo(24.75, 6);
  });

  test('qualitative 2022 goals are text targets, reported once by the leads', () => {
    const text: [string, string][] = [
      ['XJJ-A8-01', '基本形成面向新一代信息网络的网络安全保障体系'],
      ['XJJ-B4-03', '完成5G车联网专用频段申请'],
      ['XJJ-E3-01', '全面完成智慧农业改革试点任务'],
      ['XJJ-E2-02', '完成“产业大脑”数据中枢建设'],
      ['XJJ-E1-01', '形成“1+10”政务云基础设施体系'],
      ['XJJ-A2-02', '数据中心普遍达到三星级以上标准'],
    ];
    for (const [code, t] of text) {
      const i = ind(code);
      expect(i.targets['2022']).toEqual({ op: 'text', text: t, raw: t });
      expect(i.rollup).toBe('citywide');
      expect(i.reporters).toEqual(i.lead);
    }
  });

  test('leads are the 牵头单位 named after each task, first named first', () => {
    // （牵头单位：市工信局、市委网信办、各通信运营商）
    expect(ind('XJJ-A1-01').lead).toEqual(['SZ-GXJ', 'SZ-WXB', 'SZ-YYS']);
    // ［牵头单位：市发改委、市工信局、市大数据局、各市（区）人民政府（管委会）］
    expect(ind('XJJ-A2-01').lead).toEqual(['SZ-FGW', 'SZ-GXJ', 'SZ-DSJ']);
    expect(ind('XJJ-A2-01').note).toContain('各市（区）人民政府（管委会）');
    // （牵头单位：市工信局、市发改委、人行苏州中支、相城区政府、苏州工业园区管委会）
    expect(ind('XJJ-A4-02').lead).toEqual(['SZ-GXJ', 'SZ-FGW', 'SZ-RMYH', '320507', '320571']);
    // （牵头单位：市工信局）
    expect(ind('XJJ-A6-01').lead).toEqual(['SZ-GXJ']);
    // （牵头单位：市工信局、市发改委、市资源规划局、市住建局、市交通局、国网苏州供电公司）
    expect(ind('XJJ-B2-03').lead).toEqual(['SZ-GXJ', 'SZ-FGW', 'SZ-ZRZY', 'SZ-ZJJ', 'SZ-JTJ', 'SZ-ZGDW']);
    // （牵头单位：市工信局、市发改委、市公安局、市交通局、创元集团、常熟市政府、相城区政府、苏州工业园区管委会）
    expect(ind('XJJ-B4-01').lead).toEqual(['SZ-GXJ', 'SZ-FGW', 'SZ-GAJ', 'SZ-JTJ', 'SZ-CYJT', '320581', '320507', '320571']);
    // （牵头单位：苏州工业园区管委会、市科技局、市工信局）
    expect(ind('XJJ-D2-01').lead).toEqual(['320571', 'SZ-KJJ', 'SZ-GXJ']);
    // （牵头单位：市农业农村局、市大数据局）
    expect(ind('XJJ-E3-02').lead).toEqual(['SZ-NYJ', 'SZ-DSJ']);
    // （牵头单位：市发改委、市金融监管局、人行苏州中支、国发集团）
    expect(ind('XJJ-E6-01').lead).toEqual(['SZ-FGW', 'SZ-JRJ', 'SZ-RMYH', 'SZ-GFJT']);
    // Task rows name their leads; only the project rows (no 牵头单位 in 行动目标) are assumed.
    const p = plan();
    for (const i of p.indicators) {
      expect(i.leadAssumed).toBe(/^XJJ-(?:[A-E]-)?[PI]$/.test(i.code));
      expect(i.reportersAssumed).toBe(true);
    }
    expect(ind('XJJ-A-P').lead).toEqual(['SZ-FGW']);
  });

  test('bodies outside units.json are the plan’s own units under the city', () => {
    const units = new Map(plan().units.map((u) => [u.code, u]));
    for (const [code, shortName] of [
      ['SZ-YYS', '通信运营商'],
      ['SZ-GJJT', '市轨交集团'],
      ['SZ-CYJT', '创元集团'],
      ['SZ-GFJT', '国发集团'],
    ]) {
      expect(units.get(code)).toMatchObject({ shortName, kind: 'other', parent: '320500' });
    }
    expect(units.get('SZ-ZGDW')?.shortName).toBe('苏州供电公司');
    expect(ind('XJJ-B1-01').lead).toContain('SZ-GJJT');
  });

  const seedIt = existsSync(SEED) ? test : test.skip;
  seedIt('every raw target and every source section is found in the seed text', () => {
    // The seed wraps lines mid-phrase and spaces CJK/Latin runs unevenly: compare without whitespace.
    const squash = (s: string) => s.replace(/\s+/g, '');
    const seed = squash(readFileSync(SEED, 'utf8'));
    for (const i of plan().indicators) {
      for (const t of Object.values(i.targets)) expect([i.code, seed.includes(squash(t.raw))]).toEqual([i.code, true]);
      const sections = i.source.where.split(/\s*·\s*/);
      for (const s of sections) {
        const bare = s.replace(/^\d+．/, '');
        expect([i.code, s, seed.includes(squash(bare))]).toEqual([i.code, s, true]);
      }
      // Notes quote the seed as "原文：…" up to "；": the quote must be verbatim.
      for (const [, quote] of (i.note ?? '').matchAll(/原文：([^；]*)/g)) {
        expect([i.code, quote, seed.includes(squash(quote))]).toEqual([i.code, quote, true]);
      }
    }
  });
});
