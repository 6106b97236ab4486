/**
 * Suzhou digital-economy plan (seed 000, 苏委发〔2021〕1号): the 主要指标 table
 * (SZDE-M*, 2021–2023), the 标杆指标 rows not already in it (SZDE-B*, 2023) and
 * the numeric 2023 targets stated only in the body text (SZDE-T*). Values below
 * were read from the seed by hand; the seed itself is re-read to check that every
 * table row's name and cells appear in it, in order.
 */
import { existsSync, readFileSync } from 'fs';
import { planUnderTest, seedPath } from './support';
import { evaluateTarget } from '../../src/core/plan/target';
import type { Target } from '../../src/core/plan/types';

const ID = 'suzhou-digital-economy-2021-2023';
const SEED = seedPath('000_b51f5a4d10e50562.txt');
const DISTRICTS = ['320582', '320581', '320585', '320583', '320509', '320506', '320507', '320508', '320571', '320505'];

const { plan, ind } = planUnderTest(ID);
const byPrefix = (prefix: string) => plan().indicators.filter((i) => i.code.startsWith(prefix));

/** A target written compactly for the table below: 'ge 3000', 'le 1.3', 'range 1 2', 'none', 'text 全面推广'. */
function describeTarget(t: Target | undefined): string {
  if (!t) return 'absent';
  switch (t.op) {
    case 'ge':
    case 'le':
    case 'eq':
      return `${t.op} ${t.value}`;
    case 'range':
      return `range ${t.min} ${t.max}`;
    case 'text':
      return `text ${t.text}`;
    case 'none':
      return 'none';
  }
}

describe('Suzhou digital-economy plan (seed 000)', () => {
  test('plan metadata', () => {
    const p = plan();
    expect(p).toMatchObject({
      id: ID,
      docNumber: '苏委发〔2021〕1号',
      issuer: '中共苏州市委 苏州市人民政府',
      date: '2021-01-01',
      years: [2021, 2022, 2023],
      owner: '320500',
      source: '000_b51f5a4d10e50562.txt',
    });
    expect(p.title).toBe('苏州市推进数字经济和数字化发展三年行动计划（2021—2023年）');
    expect(p.titleEn).toBeTruthy();
    expect(p.parentPlan).toBeUndefined();
  });

  test('counts: 71 main-table rows, 12 benchmark-only rows, 32 body-text targets', () => {
    expect(plan().indicators).toHaveLength(115);
    expect(byPrefix('SZDE-M')).toHaveLength(71);
    expect(byPrefix('SZDE-B')).toHaveLength(12);
    expect(byPrefix('SZDE-T')).toHaveLength(32);
    expect(plan().categories).toHaveLength(42);
  });

  test('main-table rows per 类型 (counted by hand in the seed)', () => {
    const p = plan();
    const count = (cat: string) => p.indicators.filter((i) => i.category === cat).length;
    const expected: Record<string, number> = {
      核心技术突破: 2,
      金融科技创新: 4,
      产业创新高端人才: 1,
      密码技术支撑: 2,
      新型基础设施建设: 2,
      新型城市基础设施建设: 2,
      电子信息制造业: 1,
      软件和信息技术服务业: 1,
      云计算和大数据: 2,
      人工智能: 1,
      区块链: 1,
      智能网联汽车: 2,
      数字贸易: 9,
      智慧农业: 2,
      智慧建造: 1,
      数字金融: 3,
      数字文旅: 3,
      数字电竞: 1,
      新业态新模式: 1,
      一网通用: 10,
      一网通办: 4,
      一网统管: 5,
      完善网络空间安全保障体系: 1,
      加强重点领域数据安全保障: 4,
      推动安全产业发展: 6,
    };
    const mainCats = p.categories.filter((c) => p.indicators.some((i) => i.category === c.id && i.code.startsWith('SZDE-M')));
    expect(Object.fromEntries(mainCats.map((c) => [c.name, count(c.id)]))).toEqual(expected);
  });

  test('two-level 类型: 数字政府 › 一网通用/一网通办/一网统管, 数字安全 › three groups', () => {
    const p = plan();
    const byName = (name: string, parentName?: string) =>
      p.categories.find(
        (c) => c.name === name && (parentName === undefined || p.categories.find((x) => x.id === c.parent)?.name === parentName),
      );
    for (const child of ['一网通用', '一网通办', '一网统管']) expect(byName(child, '数字政府')).toBeDefined();
    for (const child of ['完善网络空间安全保障体系', '加强重点领域数据安全保障', '推动安全产业发展'])
      expect(byName(child, '数字安全')).toBeDefined();
    expect(ind('SZDE-M42').category).toBe(byName('一网通用')!.id);
    expect(ind('SZDE-M65').category).toBe(byName('加强重点领域数据安全保障')!.id);
    // Every category has an English name.
    for (const c of p.categories) expect(c.nameEn).toBeTruthy();
  });

  // [code, name, 2021, 2022, 2023] — typed by hand from the seed's 主要指标 table.
  const mainSamples: [string, string, string, string, string][] = [
    ['SZDE-M01', '高新技术企业数', 'ge 2000', 'ge 2500', 'ge 3000'],
    ['SZDE-M04', '苏州地方征信平台企业数累计', 'ge 60', 'ge 70', 'ge 80'],
    ['SZDE-M06', '小微企业在线融资金额累计', 'ge 300', 'ge 600', 'ge 1000'],
    ['SZDE-M10', '5G 基站', 'ge 2.7', 'ge 3.7', 'none'],
    ['SZDE-M11', '数据中心新增机架数', 'ge 5.2', 'ge 10.5', 'ge 21.7'],
    ['SZDE-M13', '车路协同道路总里程', 'ge 150', 'ge 240', 'none'],
    ['SZDE-M14', '电子信息制造业产值', 'ge 1.05', 'ge 1.08', 'ge 1.1'],
    ['SZDE-M20', '直接产值', 'ge 200', 'none', 'none'],
    ['SZDE-M21', '商业运营车辆', 'absent', 'absent', 'ge 200'],
    ['SZDE-M27', '引进和培育数字贸易企业', 'ge 300', 'ge 900', 'ge 1500'],
    ['SZDE-M29', '数字贸易龙头企业', 'none', 'ge 4', 'ge 10'],
    ['SZDE-M31', '智慧农村示范村', 'ge 10', 'ge 5', 'none'],
    ['SZDE-M37', '全市数字文化产业增加值、数字文化领域规模以上企业数量实现倍增', 'ge 25', 'ge 35', 'ge 40'],
    ['SZDE-M40', '累计自研电竞游戏产品', 'ge 0', 'ge 1', 'ge 2'],
    ['SZDE-M45', '数据共享交换次数', 'ge 1', 'ge 1.2', 'ge 1.3'],
    ['SZDE-M47', '数据中台服务接入部门覆盖率', 'none', 'ge 70', 'ge 80'],
    ['SZDE-M50', '“苏周到”用户注册量', 'ge 500', 'ge 800', 'ge 1000'],
    // Cumulative: the main table's 10 a year, the 标杆 table's and the body text's 30 by 2023.
    ['SZDE-M53', '“一件事一次办”', 'ge 10', 'ge 20', 'ge 30'],
    ['SZDE-M54', '“两个免于提交”', 'ge 100', 'ge 100', 'text 高频政务服务事项基本实现'],
    ['SZDE-M65', '选取政府重要信息系统，提供保密安全检测诊断服务', 'ge 5', 'ge 10', 'ge 20'],
    ['SZDE-M66', '社会数字载体安全处置', 'ge 60000', 'ge 80000', 'ge 90000'],
    ['SZDE-M68', '保密工作规范化管理推广试点', 'ge 12', 'ge 36', 'text 全面推广'],
    ['SZDE-M69', '引进新型密码企业', 'range 1 2', 'range 2 4', 'none'],
    ['SZDE-M70', '党政机关新建电子政务密码应用与安全性评估重点项目覆盖率', 'none', 'ge 80', 'ge 100'],
    ['SZDE-M71', '信创产业', 'ge 100', 'ge 200', 'ge 500'],
  ];
  test.each(mainSamples)('%s %s: 2021 %s, 2022 %s, 2023 %s', (code, name, y21, y22, y23) => {
    const i = ind(code);
    expect(i.name).toBe(name);
    expect([describeTarget(i.targets['2021']), describeTarget(i.targets['2022']), describeTarget(i.targets['2023'])]).toEqual([
      y21,
      y22,
      y23,
    ]);
  });

  test('一件事一次办 carries the seed\'s cumulative 10/20/30, both tables\' texts kept', () => {
    const m53 = ind('SZDE-M53');
    expect(m53.cumulative).toBe(true);
    // The main table's cells stay verbatim (10 a year); the cumulative reading is the value.
    expect(Object.values(m53.targets).map((t) => t.raw)).toEqual(['10', '10', '10']);
    expect(m53.targets['2023'].note).toContain('标杆指标表 2023 年“30”');
    expect(m53.note).toContain('标杆指标表');
    expect(m53.note).toContain('主要指标表各年为 10、10、10');
  });

  test('ranges are "力争 a～b" floors, approximate targets carry a tolerance', () => {
    const file = JSON.parse(readFileSync(`${__dirname}/../../templates/suzhou-digital-economy-2021-2023.json`, 'utf8'));
    const sourceTargets: Record<string, Record<string, unknown>> = Object.fromEntries(file.indicators.map((i: { code: string; targets: Record<string, unknown> }) => [i.code, i.targets]));
    for (const [code, year] of [['SZDE-T16', '2023'], ['SZDE-T30', '2023'], ['SZDE-T31', '2023'], ['SZDE-M69', '2021'], ['SZDE-M69', '2022']]) {
      const t = ind(code).targets[year];
      // The model carries `band` only for a true band; the plan file records the floor decision as "band": false.
      expect({ code, op: t.op, band: t.op === 'range' ? t.band ?? 'floor' : undefined }).toEqual({ code, op: 'range', band: 'floor' });
      expect(sourceTargets[code][year]).toMatchObject({ op: 'range', band: false });
    }
    expect(ind('SZDE-T08').tolerance).toBe(0.05);
    expect(ind('SZDE-T21').tolerance).toBe(0.05);
    expect(plan().indicators.filter((i) => i.tolerance !== undefined).map((i) => i.code)).toEqual(['SZDE-T08', 'SZDE-T21']);
    // A PUE is at least 1 by definition; the plan bounds it (1–5) beyond the ratio default.
    expect(ind('SZDE-B10').limits).toEqual({ min: 1, max: 5 });
  });

  test('raw cell text is kept as the seed prints it, with notes beside numbers', () => {
    expect(ind('SZDE-M10').targets['2022']).toEqual({ op: 'ge', value: 3.7, raw: '3.7（大市范围全覆盖）', note: '大市范围全覆盖' });
    expect(ind('SZDE-M13').targets['2021'].raw).toBe('150 以上');
    expect(ind('SZDE-M22').targets['2023'].raw).toBe('>400');
    expect(ind('SZDE-M42').targets['2021'].raw).toBe('90%');
    expect(ind('SZDE-M48').targets['2021'].raw).toBe('/');
    expect(ind('SZDE-M65').targets['2021'].raw).toBe('选取5个系统');
    expect(ind('SZDE-M69').targets['2022'].raw).toBe('2～4');
  });

  // [code, name, unit, 2023] — benchmark rows (标杆指标表) and body-text targets, typed by hand.
  const samples2023: [string, string, string, string][] = [
    ['SZDE-B01', '数字经济核心产业增加值', '亿元', 'ge 6000'],
    ['SZDE-B02', '年均增长率', '%', 'ge 16'],
    ['SZDE-B03', '有效发明专利累计拥有量', '件', 'ge 7000'],
    ['SZDE-B04', 'PCT 累计申请量', '件', 'ge 1000'],
    ['SZDE-B07', '规上企业完成数', '个', 'ge 11000'],
    ['SZDE-B08', '新基建项目', '个', 'ge 500'],
    ['SZDE-B09', '总投资额', '亿元', 'ge 4000'],
    ['SZDE-B10', '新型绿色数据中心 PUE（电能使用效率值）', '', 'le 1.3'],
    ['SZDE-B11', '网络安全保障体系建设和综合保障能力', '', 'text 在国内同类城市中达到领先水平'],
    ['SZDE-B12', '数字产业生态营商环境', '', 'text 达到国际一流水平'],
    ['SZDE-T01', '核心技术攻关项目', '项', 'ge 120'],
    ['SZDE-T02', '累计引进建设各类科研机构', '家', 'ge 15'],
    ['SZDE-T04', '制定输出车联网相关标准和技术规范', '个', 'ge 17'],
    ['SZDE-T07', '5G 及相关产业产值', '亿元', 'ge 1850'],
    ['SZDE-T10', '新型显示产业总产值', '亿元', 'ge 3150'],
    ['SZDE-T16', '营收超亿元的区块链龙头企业', '家', 'range 3 5'],
    ['SZDE-T19', '累计商业运营里程', '万公里', 'ge 10'],
    ['SZDE-T26', '三星级上云企业', '家', 'ge 1500'],
    ['SZDE-T28', '全网接入速率', 'Mbps', 'ge 10000'],
    ['SZDE-T30', '信创行业领军企业', '家', 'range 5 10'],
    ['SZDE-T32', '市级数字经济产业园', '个', 'ge 10'],
  ];
  test.each(samples2023)('%s %s (%s): 2023 %s', (code, name, unit, y23) => {
    const i = ind(code);
    expect(i.name).toBe(name);
    expect(i.unit).toBe(unit);
    expect(describeTarget(i.targets['2023'])).toBe(y23);
  });

  test('benchmark and body targets are 2023-only, except the yearly body targets', () => {
    for (const i of [...byPrefix('SZDE-B'), ...byPrefix('SZDE-T')]) {
      if (i.code === 'SZDE-T22' || i.code === 'SZDE-T23') continue;
      expect({ code: i.code, years: Object.keys(i.targets) }).toEqual({ code: i.code, years: ['2023'] });
    }
    // 每年打造 3 条精品学习交流线路 / 每年组织对接活动 30 场
    expect(Object.values(ind('SZDE-T22').targets).map(describeTarget)).toEqual(['ge 3', 'ge 3', 'ge 3']);
    expect(Object.values(ind('SZDE-T23').targets).map(describeTarget)).toEqual(['ge 30', 'ge 30', 'ge 30']);
  });

  test('a benchmark row that repeats a main-table row is kept once, under the main-table code', () => {
    const p = plan();
    for (const name of ['高新技术企业数', '独角兽培育企业', '政务云上云率', '政务信息资源目录完整性', '“一件事一次办”']) {
      expect(p.indicators.filter((i) => i.name === name).map((i) => i.code)).toEqual([expect.stringMatching(/^SZDE-M/)]);
    }
    expect(p.indicators.some((i) => i.name === '高层次创业创新人才')).toBe(false);
    for (const code of ['SZDE-M01', 'SZDE-M02', 'SZDE-M07', 'SZDE-M42', 'SZDE-M44', 'SZDE-M52', 'SZDE-M53', 'SZDE-M56', 'SZDE-M57'])
      expect({ code, note: ind(code).note }).toEqual({ code, note: expect.stringContaining('标杆指标表') });
    // Disagreements are written down: 一件事一次办 10 a year vs 30 by 2023; 人才 人 vs 个.
    expect(ind('SZDE-M53').note).toContain('30');
    expect(ind('SZDE-M07').note).toContain('单位不同');
    // 商业运营车辆: table >200, body text 超 100 台.
    expect(ind('SZDE-M21').note).toContain('超 100 台');
    // 可网办率: the main table prints "-" for 2023; the 2023 target comes from the benchmark table.
    expect(ind('SZDE-M52').targets['2022'].op).toBe('none');
    expect(ind('SZDE-M52').targets['2023']).toMatchObject({ op: 'ge', value: 100 });
  });

  test('kinds, directions and flags', () => {
    expect(ind('SZDE-B10')).toMatchObject({ direction: 'le', kind: 'ratio', rollup: 'limit', reporters: DISTRICTS });
    expect(ind('SZDE-M03')).toMatchObject({ kind: 'number', unit: '%', rollup: 'rate' });
    expect(ind('SZDE-M42')).toMatchObject({ kind: 'percent', unit: '%', rollup: 'rate' });
    expect(ind('SZDE-M14')).toMatchObject({ kind: 'amount', unit: '万亿元', rollup: 'sum' });
    expect(ind('SZDE-M49')).toMatchObject({ kind: 'count', unit: '个' }); // the seed prints (%) for a count of departments
    expect(ind('SZDE-M49').note).toContain('%');
    // The seed says 累计 for these.
    for (const c of ['SZDE-M04', 'SZDE-M05', 'SZDE-M06', 'SZDE-M09', 'SZDE-M16', 'SZDE-M40', 'SZDE-M41', 'SZDE-B03', 'SZDE-B05', 'SZDE-T02'])
      expect({ c, cumulative: ind(c).cumulative }).toEqual({ c, cumulative: true });
    // Rates, annual flows and growth are not running totals.
    for (const c of ['SZDE-M03', 'SZDE-M25', 'SZDE-M42', 'SZDE-B02', 'SZDE-T08'])
      expect({ c, cumulative: ind(c).cumulative }).toEqual({ c, cumulative: false });
    for (const i of plan().indicators) if (i.kind === 'percent') expect(i.unit).toBe('%');
  });

  test('targets evaluate as the seed reads them', () => {
    const pue = ind('SZDE-B10').targets['2023'];
    expect(evaluateTarget(pue, 1.25)?.met).toBe(true);
    expect(evaluateTarget(pue, 1.4)).toEqual({ met: false, gap: expect.closeTo(0.1, 9) });
    expect(evaluateTarget(ind('SZDE-M69').targets['2021'], 2)?.met).toBe(true);
    expect(evaluateTarget(ind('SZDE-M69').targets['2021'], 0)).toEqual({ met: false, gap: 1 });
    expect(evaluateTarget(ind('SZDE-M01').targets['2023'], 2900)).toEqual({ met: false, gap: 100 });
    expect(evaluateTarget(ind('SZDE-M68').targets['2023'], 40)).toBeNull();
    expect(evaluateTarget(ind('SZDE-M10').targets['2023'], 4)).toBeNull();
  });

  test('leads are assumed (the seed names only six 推进组) and follow the domain', () => {
    const p = plan();
    for (const i of p.indicators) {
      expect(i.leadAssumed).toBe(true);
      expect(i.reportersAssumed).toBe(true);
      expect(i.lead).toHaveLength(1);
    }
    const lead = (code: string) => ind(code).lead[0];
    expect(lead('SZDE-M01')).toBe('SZ-KJJ'); // 高新技术企业
    expect(lead('SZDE-M10')).toBe('SZ-GXJ'); // 5G 基站 (003 names 市工信局 first)
    expect(lead('SZDE-M42')).toBe('SZ-DSJ'); // 政务云
    expect(lead('SZDE-M25')).toBe('SZ-SWJ'); // 网络零售额
    expect(lead('SZDE-M34')).toBe('SZ-JRJ'); // 数字金融
    expect(lead('SZDE-M37')).toBe('SZ-WGLJ'); // 数字文旅
    expect(lead('SZDE-M31')).toBe('SZ-NYJ'); // 智慧农业
    expect(lead('SZDE-M33')).toBe('SZ-ZJJ'); // BIM
    expect(lead('SZDE-M12')).toBe('SZ-ZRZY'); // CIM
    expect(lead('SZDE-M09')).toBe('SZ-MMGLJ'); // 密码
    expect(lead('SZDE-B03')).toBe('SZ-SCJG'); // 专利
    expect(lead('SZDE-M53')).toBe('SZ-ZWB'); // 一件事一次办
    // 保密 rows need a unit the registry lacks; the plan adds it.
    expect(lead('SZDE-M65')).toBe('SZ-BMJ');
    expect(p.units.find((u) => u.code === 'SZ-BMJ')).toMatchObject({ name: '苏州市国家保密局', kind: 'department', parent: '320500' });
  });

  test('reporters follow the rollup: districts and lead, districts only for limits, lead only city-wide', () => {
    for (const i of plan().indicators) {
      if (i.rollup === 'limit') expect(i.reporters).toEqual(DISTRICTS);
      else if (i.rollup === 'citywide') expect(i.reporters).toEqual(i.lead);
      else expect(i.reporters).toEqual([...DISTRICTS, ...i.lead]);
    }
    expect(ind('SZDE-M50').rollup).toBe('citywide'); // 苏周到 registrations: one city platform
    expect(ind('SZDE-M25').rollup).toBe('sum'); // 网络零售额 adds up over districts
  });

  test('every indicator names its place in seed 000', () => {
    for (const i of plan().indicators) {
      expect(i.source.doc).toBe('000_b51f5a4d10e50562.txt');
      const prefix = { M: '主要指标表 · ', B: '标杆指标表 · ', T: '正文 二、' }[i.code[5] as 'M' | 'B' | 'T'];
      expect({ code: i.code, where: i.source.where }).toEqual({ code: i.code, where: expect.stringMatching(new RegExp('^' + prefix)) });
      expect(i.nameEn).toBeTruthy();
    }
  });

  (existsSync(SEED) ? describe : describe.skip)('against the seed text', () => {
    const squash = (s: string) => s.replace(/\s+/g, '');
    const lines = existsSync(SEED) ? readFileSync(SEED, 'utf8').split('\n') : [];
    const region = (from: string, to?: string) => {
      const a = lines.findIndex((l) => l.includes(from));
      const b = to ? lines.findIndex((l, k) => k > a && l.includes(to)) : lines.length;
      expect(a).toBeGreaterThanOrEqual(0);
      return squash(lines.slice(a, b).join(''));
    };

    test('each main-table row: name, then its cells in order (2023 of 可网办率 comes from the 标杆 table)', () => {
      const table = region('苏州市数字经济和数字化发展推进主要指标');
      for (const i of byPrefix('SZDE-M')) {
        const at = table.indexOf(squash(i.name));
        expect({ code: i.code, found: at >= 0 }).toEqual({ code: i.code, found: true });
        const targets = i.code === 'SZDE-M52' ? [i.targets['2021'], i.targets['2022']] : Object.values(i.targets);
        const cells = squash(targets.map((t) => t.raw).join(''));
        const after = table.slice(at + squash(i.name).length).replace(/^（[^）]*）/, '').replace(/^。/, '');
        expect({ code: i.code, cells: after.slice(0, cells.length) }).toEqual({ code: i.code, cells });
      }
    });

    test('each benchmark-only row: name, then its 2023 cell', () => {
      const table = region('标杆指标（单位）', '二、主要任务');
      for (const i of byPrefix('SZDE-B')) {
        const name = squash(i.name);
        const at = table.indexOf(name);
        expect({ code: i.code, found: at >= 0 }).toEqual({ code: i.code, found: true });
        const raw = squash(i.targets['2023'].raw);
        const after = table.slice(at + name.length).replace(/^（[^）]*）/, '');
        expect({ code: i.code, cell: after.slice(0, raw.length) }).toEqual({ code: i.code, cell: raw });
      }
    });

    test('each body-text target text occurs in the body', () => {
      const body = region('二、主要任务', '三、保障措施');
      for (const i of byPrefix('SZDE-T')) {
        for (const t of Object.values(i.targets)) {
          expect({ code: i.code, found: body.includes(squash(t.raw)) }).toEqual({ code: i.code, found: true });
        }
      }
    });
  });
});
