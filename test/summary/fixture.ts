/**
 * A small plan (sum, rate, limit and city-wide indicators; districts and
 * departments) and a hand-built Consolidation of it, for testing the summary
 * writer apart from the engine.
 */

import { resolvePlan } from '../../src/core/plan/load';
import { UNIT_REGISTRY } from '../../src/core/plan/builtin';
import type { Plan } from '../../src/core/plan/types';
import type { Consolidation } from '../../src/core/consolidate/types';

export function testPlan(): Plan {
  const src = (code: string, rollup: string, extra: Record<string, unknown> = {}) => ({
    code,
    name: `测试指标${code}`,
    unit: '个',
    category: 'A',
    kind: 'count',
    rollup,
    targets: { '2023': '100' },
    lead: ['SZ-GXJ'],
    reporters: ['@districts', '@lead'],
    source: { doc: 'test', where: 'test' },
    ...extra,
  });
  return resolvePlan(
    {
      id: 'summary-test-plan',
      title: '测试计划（2021—2023年）',
      issuer: '测试',
      years: [2021, 2022, 2023],
      owner: '320500',
      source: 'test',
      categories: [
        { id: 'A', name: '数字产业化' },
        { id: 'B', name: '一网通办', parent: 'A' },
      ],
      indicators: [
        src('T-01', 'sum'),
        src('T-02', 'rate', { unit: '%', kind: 'percent', targets: { '2023': '90' }, category: 'B' }),
        src('T-03', 'limit', { unit: '', kind: 'ratio', direction: 'le', targets: { '2023': '1.3' } }),
        src('T-04', 'citywide', { reporters: ['@lead'], targets: { '2023': '建成' } }),
        src('T-05', 'sum', { targets: {} }),
      ],
    },
    UNIT_REGISTRY,
    'summary-test-plan',
  );
}

/** Remarks/contacts a clerk might type that look like formulas. */
export const HOSTILE = ['=HYPERLINK("http://evil","x")', '+1+2', '-3', '@SUM(A1)', '=1+1\u0007'];

type City = Consolidation['indicators'][number]['city'];
/** The contract's optional figure fields (docs/json.md), typed here so the fixture compiles before and after the engine has them. */
export interface FigureExtras {
  reported?: { count: number; expected: number };
  excluded?: { unit: string; value: number | null; reason: 'unit-slip' | 'error' | 'implausible'; message: string }[];
  completion?: number | null;
  note?: string;
}
/** A city figure with the contract's fields, as the engine types it. */
export const asCity = (c: Omit<City, 'reported'> & FigureExtras): City => c as unknown as City;

export function testConsolidation(plan: Plan): Consolidation {
  const districts = plan.units.filter((u) => u.kind === 'district').map((u) => u.code);
  const reporting = districts.slice(0, 8); // two districts missing
  const file = (u: string) => `returns/${u}.xlsx`;
  const values: Record<string, number | null> = {};
  reporting.forEach((u, i) => (values[u] = i === 3 ? null : 10 * (i + 1)));
  values['SZ-GXJ'] = 300;
  const sum = reporting.reduce((s, u) => s + (values[u] ?? 0), 0);
  const grid: Consolidation['grid'] = {};
  for (const u of [...districts, 'SZ-GXJ']) {
    grid[u] = {};
    for (const ind of plan.indicators)
      grid[u][ind.code] = !ind.reporters.includes(u) ? 'not-required' : values[u] == null ? 'blank' : 'filled';
  }
  return {
    plan: plan.id,
    period: '2023',
    returns: [
      ...reporting.map((u, i) => ({
        file: file(u),
        unit: u,
        status: 'accepted' as const,
        reason: '',
        contact: i === 0 ? HOSTILE[0] : `联系人${i}`,
        phone: '0512-6000000' + i,
        date: '2024-01-1' + (i % 10),
        errors: i === 3 ? 1 : 0,
        warnings: 0,
      })),
      { file: file('SZ-GXJ'), unit: 'SZ-GXJ', status: 'conflict', reason: '同一单位报送了两份文件', errors: 0, warnings: 0 },
      { file: 'returns/SZ-GXJ-v2.xlsx', unit: 'SZ-GXJ', status: 'conflict', reason: '同一单位报送了两份文件', errors: 0, warnings: 0 },
      { file: 'returns/broken.xlsx', unit: null, status: 'rejected', reason: '文件不是 Excel 工作簿', errors: 1, warnings: 0 },
      { file: '=cmd|x.xlsx', unit: null, status: 'rejected', reason: HOSTILE[1], errors: 1, warnings: 0 },
    ],
    missing: districts.slice(8),
    indicators: plan.indicators.map((ind, k) => {
      const units: Record<string, number | null> = {};
      for (const u of ind.reporters) units[u] = k === 3 ? null : k === 2 ? (values[u] == null ? null : 1 + (values[u]! % 7) / 10) : values[u] ?? null;
      const sources = reporting.filter((u) => ind.reporters.includes(u) && units[u] != null).map((u) => ({ file: file(u), unit: u, sheet: '指标填报', cell: `F${5 + k}` }));
      const city: Omit<City, 'reported'> =
        k === 0
          ? { value: sum, target: '≥ 100', attained: 'met', basis: '8 个区县合计', sources, districtsVsLead: { districtsSum: sum, lead: 300, difference: sum - 300 } }
          : k === 1
            ? { value: null, target: '≥ 90', attained: 'no-data', basis: '牵头部门报送', sources: [] }
            : k === 2
              ? { value: null, target: '≤ 1.3', attained: 'missed', basis: '各单位均须达到', nonCompliant: [reporting[0]], sources }
              : k === 3
                ? { value: null, target: '建成', attained: 'qualitative', basis: '牵头部门报送', sources: [] }
                : { value: sum, target: null, attained: 'no-target', basis: '8 个区县合计', sources };
      // The qualitative goal: the lead department's words, formula-looking on purpose.
      const texts = k === 3 ? { 'SZ-GXJ': HOSTILE[4] } : undefined;
      if (k === 3) city.sources = [{ file: file('SZ-GXJ'), unit: 'SZ-GXJ', sheet: '指标填报', cell: 'F8' }];
      const reported = { count: city.sources.length, expected: ind.reporters.length };
      return { code: ind.code, name: ind.name, unit: ind.unit, category: ind.category, units, texts, city: asCity({ ...city, reported }) };
    }),
    findings: [
      { severity: 'error', rule: 'value.missing', code: 'T-01', sheet: '指标填报', cell: 'F5', message: '未填写', file: file(reporting[3]), unit: reporting[3] },
      { severity: 'warning', rule: 'value.remark', code: 'T-02', sheet: '指标填报', cell: 'H6', message: `备注：${HOSTILE[2]}`, file: file(reporting[1]), unit: reporting[1] },
      { severity: 'error', rule: 'file.unreadable', code: null, sheet: null, cell: null, message: HOSTILE[3], file: 'returns/broken.xlsx', unit: null },
    ],
    grid,
  };
}
