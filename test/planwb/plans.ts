/**
 * A test plan with a city office's own split of its targets (目标分解) and a
 * display unit per level, built on the generator's test plan. No built-in plan
 * ships allocations: none of the seeds splits targets by district.
 */

import { UNIT_REGISTRY } from '../../src/core/plan/builtin';
import { resolvePlan } from '../../src/core/plan/load';
import type { Plan } from '../../src/core/plan/types';
import { TEST_PLAN_SOURCE } from '../generate/test-plan';

export const ALLOC_PLAN_SOURCE = {
  ...structuredClone(TEST_PLAN_SOURCE),
  id: 'test-plan-allocations',
  title: '测试计划（目标分解）',
};
ALLOC_PLAN_SOURCE.indicators.push({
  code: 'T-OUT',
  name: '电子信息制造业产值',
  unit: '万亿元',
  category: 'A',
  kind: 'amount',
  rollup: 'sum',
  targets: { '2023': '1.2 以上' },
  lead: ['SZ-GXJ'],
  reporters: ['@districts'],
  source: { doc: 'test', where: 'test' },
  // Districts type 亿元: 1 亿元 = 0.0001 万亿元.
  entryUnits: [{ unit: '亿元', factor: 0.0001, kinds: ['district'] }],
} as (typeof ALLOC_PLAN_SOURCE.indicators)[number]);

(ALLOC_PLAN_SOURCE as Record<string, unknown>).allocations = [
  // 张家港's own share of the city's ≥ 3000, and a stricter own limit.
  { unit: '320582', indicator: 'T-GE', period: '2023', target: '450 以上' },
  { unit: '320581', indicator: 'T-GE', period: '2023', target: '400 以上' },
  { unit: '320582', indicator: 'T-GE', period: '2022', target: '380' },
  { unit: '320582', indicator: 'T-LE', period: '2023', target: '1.25 以下' },
  { unit: '320582', indicator: 'T-OUT', period: '2023', target: '0.15 以上' },
];

export function allocPlan(): Plan {
  return resolvePlan(structuredClone(ALLOC_PLAN_SOURCE), UNIT_REGISTRY, 'alloc-plan');
}
