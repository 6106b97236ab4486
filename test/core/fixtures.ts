/**
 * A small hand-made plan and a return builder for the engine tests. Nothing
 * here depends on the built-in plans, which are being transcribed.
 */

import { resolvePlan, planHash } from '../../src/core/plan/load';
import { formatTarget } from '../../src/core/plan/target';
import type { Plan } from '../../src/core/plan/types';
import type { ParsedReturn, RawCell, ReturnEntry } from '../../src/core/return/types';
import { TEMPLATE_FORMAT_VERSION, SHEETS } from '../../src/core/template/layout';

export const REGISTRY = {
  units: [
    { code: '320500', name: '苏州市', shortName: '苏州', kind: 'city' },
    { code: '320582', name: '张家港市', shortName: '张家港', kind: 'district', parent: '320500' },
    { code: '320581', name: '常熟市', shortName: '常熟', kind: 'district', parent: '320500' },
    { code: '320585', name: '太仓市', shortName: '太仓', kind: 'district', parent: '320500' },
    { code: '320583', name: '昆山市', shortName: '昆山', kind: 'district', parent: '320500' },
    { code: 'SZ-FGW', name: '苏州市发展和改革委员会', kind: 'department', parent: '320500' },
    { code: 'SZ-GXJ', name: '苏州市工业和信息化局', kind: 'department', parent: '320500' },
    { code: 'SZ-DSJ', name: '苏州市大数据管理局', kind: 'department', parent: '320500' },
  ],
};

export const DISTRICTS = ['320582', '320581', '320585', '320583'];

const src = (doc: string) => ({ doc, where: 'test' });

export const PLAN_SOURCE = {
  id: 'test-plan',
  title: '测试计划（2021—2023年）',
  issuer: '测试',
  years: [2021, 2022, 2023],
  owner: '320500',
  source: 'test',
  categories: [{ id: 'A', name: '类型A' }],
  indicators: [
    // A count summed over the districts; the lead reports a city-wide figure too.
    { code: 'T-SUM', name: '企业数', unit: '家', category: 'A', kind: 'count', rollup: 'sum', targets: { '2023': '100' }, lead: ['SZ-GXJ'], reporters: ['@districts', '@lead'], source: src('t') },
    // An amount in 亿元, city target applies to the lead's figure.
    { code: 'T-AMT', name: '产业规模', unit: '亿元', category: 'A', kind: 'amount', rollup: 'sum', targets: { '2023': '6000 以上' }, lead: ['SZ-FGW'], reporters: ['@districts', '@lead'], source: src('t') },
    // A rate: not additive; the lead's figure is the city's.
    { code: 'T-PCT', name: '覆盖率', unit: '%', category: 'A', kind: 'percent', rollup: 'rate', targets: { '2023': '90%' }, lead: ['SZ-DSJ'], reporters: ['@districts', '@lead'], source: src('t') },
    // A binding limit every district must meet.
    { code: 'T-PUE', name: '数据中心PUE', unit: '', category: 'A', kind: 'ratio', rollup: 'limit', direction: 'le', attribute: 'binding', targets: { '2023': '1.3 以下' }, lead: ['SZ-GXJ'], reporters: ['@districts'], source: src('t') },
    // A qualitative, city-wide item.
    { code: 'T-CW', name: '推广应用', unit: '个', category: 'A', kind: 'count', rollup: 'citywide', targets: { '2023': '全面推广' }, lead: ['SZ-DSJ'], reporters: ['@lead'], source: src('t') },
    // A cumulative count in 万个 reported by the districts.
    { code: 'T-CUM', name: '累计终端', unit: '万个', category: 'A', kind: 'count', rollup: 'sum', cumulative: true, targets: { '2022': '2', '2023': '3' }, lead: ['SZ-GXJ'], reporters: ['@districts'], source: src('t') },
    // A citywide number the lead reports, binding, without a 2022 target.
    { code: 'T-BIND', name: '约束指标', unit: '个', category: 'A', kind: 'number', rollup: 'citywide', attribute: 'binding', targets: { '2023': '50' }, lead: ['SZ-DSJ'], reporters: ['@lead'], source: src('t') },
    // A qualitative goal the districts report in words.
    { code: 'T-TXT', name: '平台建设进展', unit: '', category: 'A', kind: 'text', rollup: 'sum', targets: { '2023': '建成平台' }, lead: ['SZ-DSJ'], reporters: ['@districts'], source: src('t') },
  ],
};

export function makePlan(overrides: Partial<typeof PLAN_SOURCE> = {}): Plan {
  return resolvePlan({ ...PLAN_SOURCE, ...overrides }, REGISTRY, 'test-plan.json');
}

export const PLAN = makePlan();

type CellInput = RawCell | number | string | null;

function toRaw(v: CellInput): RawCell {
  if (v === null) return { type: 'empty' };
  if (typeof v === 'number') return { type: 'number', value: v };
  if (typeof v === 'string') return { type: 'text', value: v };
  return v;
}

export interface ReturnSpec {
  unit: string;
  period?: string;
  file?: string;
  values?: Record<string, CellInput>;
  remarks?: Record<string, string>;
  plan?: Plan;
  /** Overrides of meta fields. */
  meta?: Partial<NonNullable<ParsedReturn['meta']>>;
  reporterDate?: string;
  modifiedAt?: string;
  /** Rows the entry sheet should carry; default: the unit's indicators. */
  codes?: string[];
}

/** A ParsedReturn as a reader would produce it for a clean generated template. */
export function makeReturn(spec: ReturnSpec): ParsedReturn {
  const plan = spec.plan ?? PLAN;
  const period = spec.period ?? '2023';
  const codes = spec.codes ?? plan.indicators.filter((i) => i.reporters.includes(spec.unit)).map((i) => i.code);
  const entries = new Map<string, ReturnEntry>();
  codes.forEach((code, i) => {
    const row = 5 + i;
    const ind = plan.indicators.find((x) => x.code === code);
    entries.set(code, {
      code,
      value: toRaw(spec.values?.[code] ?? null),
      remark: spec.remarks?.[code] ?? null,
      valueAt: { sheet: SHEETS.entry, cell: `F${row}` },
      remarkAt: { sheet: SHEETS.entry, cell: `H${row}` },
      shownCode: code,
      shownTarget: ind ? formatTarget(ind.targets[period.slice(0, 4)], ind.unit) : '—',
    });
  });
  return {
    source: spec.file ?? `${spec.unit}-${period}.xlsx`,
    meta: {
      formatVersion: TEMPLATE_FORMAT_VERSION,
      planId: plan.id,
      planHash: planHash(plan),
      unitCode: spec.unit,
      period,
      generatedAt: '2023-01-01T00:00:00Z',
      codes,
      ...spec.meta,
    },
    reporter: { contact: '张三', phone: '0512-1234', date: spec.reporterDate },
    entries,
    structural: [],
    modifiedAt: spec.modifiedAt,
  };
}

/** A complete, clean return: every value met, so only the rule under test fires. */
export function goodValues(unit: string): Record<string, CellInput> {
  const lead = (code: string) => PLAN.indicators.find((i) => i.code === code)!.lead.includes(unit);
  return {
    'T-SUM': lead('T-SUM') ? 120 : 30,
    'T-AMT': lead('T-AMT') ? 6100 : 1500,
    'T-PCT': lead('T-PCT') ? 92 : 91,
    'T-PUE': 1.25,
    'T-CW': 3,
    'T-CUM': 0.8,
    'T-BIND': 60,
    'T-TXT': '已完成一期建设',
  };
}
