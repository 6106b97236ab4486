/**
 * Issue 7, "sum roll-ups count every reporting district": the new-infrastructure
 * plan, every district reporting 10, lead departments their city-wide figures.
 * Each roll-up path (sum, rate, citywide, limit) with real returns through the
 * real CLI.
 */

import * as path from 'path';
import type { Consolidation } from '../../src/core/consolidate/types';
import { Returns, findingsOf, indicator } from './support';

jest.setTimeout(300_000);

const R = new Returns('suzhou-new-infrastructure-2020-2022', '2022');
const districts = R.units('district');
const departments = R.units('department');
// Co-leading districts of the 区块链 and 车路协同 tasks: 相城, 园区 (and 常熟 for 车路协同).
const CO_LEADS = ['320507', '320571', '320581'];
const files = new Map<string, string>();
let all: Consolidation;
let districtsOnly: Consolidation;
let districtsOnlyButZjg: Consolidation;

beforeAll(() => {
  districts.forEach((u, k) => {
    files.set(
      u,
      R.fill(u, {
        values: {
          'XJJ-A4-02': 10,
          'XJJ-B4-01': 10,
          // Every district also reports 10 for 人工智能专利, ranked below by value: 10 + k.
          'XJJ-A5-02': 10 + k,
          'XJJ-B2-04': 50,
          // 张家港 fails the PUE limit; 高新区 types 1300 and 吴中 0.9 (the plan's limits: a PUE is 1–5).
          'XJJ-A2-04': u === '320582' ? 1.6 : u === '320505' ? 1300 : u === '320506' ? 0.9 : 1.3,
          'XJJ-B4-02': 5,
        },
      }),
    );
  });
  for (const u of departments) {
    files.set(u, R.fill(u, { values: { 'XJJ-A4-02': 120, 'XJJ-B4-01': 95.5, 'XJJ-B2-04': 12, 'XJJ-B4-02': 25 } }));
  }
  all = R.consolidate();
  districtsOnly = R.consolidate(districts.map((u) => files.get(u)!));
  districtsOnlyButZjg = R.consolidate(districts.filter((u) => u !== '320582').map((u) => files.get(u)!));
});
afterAll(() => R.cleanup());

test('the co-leading districts are real districts of the plan', () => {
  for (const u of CO_LEADS) expect(districts).toContain(u);
  expect(districts).toHaveLength(10);
});

test('sum: 引育区块链产业企业 counts all ten districts (co-leads included): 100, the lead compared beside', () => {
  const city = indicator(all, 'XJJ-A4-02').city;
  expect(city.value).toBe(100);
  expect(city.reported).toEqual({ count: 10, expected: 10 });
  expect(city.sources.map((s) => s.unit).sort()).toEqual([...districts].sort());
  // The first lead department (市工信局) reports the city-wide 120: beside, not in the sum.
  expect(city.districtsVsLead).toEqual({ districtsSum: 100, lead: 120, difference: -20 });
  expect(city.attained).toBe('missed'); // ≥ 200, a complete sum
  expect(city.completion).toBe(0.5);
  // A co-leading district's own 10 is not measured against the city's ≥ 200.
  for (const u of ['320507', '320571']) expect({ u, findings: findingsOf(all, u, 'XJJ-A4-02') }).toEqual({ u, findings: [] });
  expect(findingsOf(all, 'SZ-GXJ', 'XJJ-A4-02')).toEqual(['warning:target.missed']);
});

test('sum: 车路协同道路总里程 counts all ten districts: 100 (常熟, 相城, 园区 are parts, not the city figure)', () => {
  const city = indicator(all, 'XJJ-B4-01').city;
  expect(city.value).toBe(100);
  expect(city.reported).toEqual({ count: 10, expected: 10 });
  expect(city.districtsVsLead).toEqual({ districtsSum: 100, lead: 95.5, difference: 4.5 });
  expect(city.completion).toBe(Number((100 / 224.75).toPrecision(12)));
});

test('sum: districts ranked best first, lead departments not ranked', () => {
  const ind = indicator(all, 'XJJ-A5-02');
  expect(ind.city.value).toBe(districts.reduce((s, _u, k) => s + 10 + k, 0)); // 10+…+19 = 145
  expect(ind.ranking).toEqual([...districts].reverse());
});

test('rate: the lead department\'s own figure, never a district\'s', () => {
  const city = indicator(all, 'XJJ-B2-04').city;
  expect(city).toMatchObject({ value: 12, attained: 'met', reported: { count: 1, expected: 1 }, completion: 1.2 });
  expect(city.sources.map((s) => s.unit)).toEqual(['SZ-GXJ']);
  expect(indicator(all, 'XJJ-B2-04').ranking).toBeUndefined();
});

test('citywide: the lead department\'s figure; co-leading districts\' own values never stand in for it', () => {
  expect(indicator(all, 'XJJ-B4-02').city).toMatchObject({ value: 25, attained: 'met', reported: { count: 1, expected: 1 } });
  // Without the departments' returns, 常熟 (the first lead that reported) is not the city.
  const city = indicator(districtsOnly, 'XJJ-B4-02').city;
  expect(city).toMatchObject({ value: null, attained: 'no-data', sources: [], reported: { count: 0, expected: 1 }, completion: null });
  expect(city.basis).toContain('牵头部门未报全市数');
  // The districts' sum stays a sum without the lead: 100, nothing compared beside.
  const sum = indicator(districtsOnly, 'XJJ-A4-02').city;
  expect(sum).toMatchObject({ value: 100, reported: { count: 10, expected: 10 } });
  expect(sum.districtsVsLead).toBeUndefined();
});

test('limit: every district must comply; 张家港 at 1.6 fails the ≤ 1.5 limit, certain whatever 高新区\'s 1300 turns out to be', () => {
  const city = indicator(all, 'XJJ-A2-04').city;
  expect(city).toMatchObject({ value: 1.6, attained: 'missed', nonCompliant: ['320582'], reported: { count: 8, expected: 10 }, completion: null });
  expect(city.excluded).toEqual([
    expect.objectContaining({ unit: '320506', value: 0.9, reason: 'implausible' }),
    expect.objectContaining({ unit: '320505', value: 1300, reason: 'implausible' }),
  ]);
  expect(all.findings.filter((f) => f.code === 'XJJ-A2-04' && f.rule === 'value.implausible').map((f) => f.message)).toEqual([
    expect.stringContaining('不超过 5'),
    expect.stringContaining('不低于 1'),
  ]);
  expect(city.sources.map((s) => s.unit).sort()).toEqual(districts.filter((u) => u !== '320505' && u !== '320506').sort());
  // Without 张家港's miss, the same left-out value would leave the verdict open: 待核实.
  const open = indicator(districtsOnlyButZjg, 'XJJ-A2-04').city;
  expect(open).toMatchObject({ value: 1.3, attained: 'unverified', nonCompliant: [], reported: { count: 7, expected: 10 } });
  expect(path.basename(city.sources.find((s) => s.unit === '320582')!.file)).toContain('320582');
});
