/**
 * A small plan built in the test with resolvePlan, so every target operator
 * (ge, le, eq, range, text, none, missing) and value kind is covered whatever
 * the built-in plans hold while they are being transcribed.
 */

import { UNIT_REGISTRY } from '../../src/core/plan/builtin';
import { resolvePlan } from '../../src/core/plan/load';
import type { Plan } from '../../src/core/plan/types';

const src = (doc = 'test') => ({ doc, where: 'test' });

export const TEST_PLAN_SOURCE = {
  id: 'test-plan-ops',
  title: '测试计划（2022—2023年）',
  docNumber: '测发〔2022〕1号',
  issuer: '测试单位',
  years: [2022, 2023],
  owner: '320500',
  source: 'test',
  categories: [
    { id: 'A', name: '数字产业' },
    { id: 'A1', name: '软件', parent: 'A' },
  ],
  indicators: [
    { code: 'T-GE', name: '软件业务收入', unit: '亿元', category: 'A1', kind: 'amount', rollup: 'sum', targets: { '2023': '3000 以上', '2022': '2500' }, lead: ['SZ-GXJ'], reporters: ['@districts', '@lead'], source: src() },
    { code: 'T-LE', name: '数据中心PUE值', unit: '', category: 'A', direction: 'le', kind: 'ratio', rollup: 'limit', targets: { '2023': '1.3 以下' }, lead: ['SZ-GXJ'], reporters: ['@districts'], source: src() },
    { code: 'T-RANGE', name: '新增试点数', unit: '个', category: 'A', kind: 'count', rollup: 'sum', targets: { '2023': '1～2' }, lead: ['SZ-GXJ'], reporters: ['@districts'], source: src() },
    { code: 'T-PCT', name: '政务服务事项网上可办率', unit: '%', category: 'A', kind: 'percent', rollup: 'rate', targets: { '2023': '90%' }, lead: ['SZ-GXJ'], reporters: ['@districts'], source: src() },
    { code: 'T-EQ', name: '建成市级平台数', unit: '个', category: 'A', kind: 'count', rollup: 'citywide', targets: { '2023': { raw: '建成1个', op: 'eq', value: 1 } }, lead: ['SZ-GXJ'], reporters: ['320582'], source: src() },
    { code: 'T-TEXT', name: '数字化转型推进情况', unit: '', category: 'A', kind: 'number', rollup: 'citywide', targets: { '2023': '全面推广' }, lead: ['SZ-GXJ'], reporters: ['@districts'], source: src() },
    // A qualitative goal answered in words (kind "text").
    { code: 'T-WORDS', name: '城市大数据平台建设进展', unit: '', category: 'A', kind: 'text', rollup: 'citywide', targets: { '2023': '建成城市大数据智能感知平台' }, lead: ['SZ-DSJ'], reporters: ['320582'], source: src() },
    { code: 'T-NONE', name: '跨境数据流动试点', unit: '个', category: 'A', kind: 'count', rollup: 'sum', targets: { '2023': '/' }, lead: ['SZ-KJJ'], reporters: ['320582'], source: src() },
    { code: 'T-MISSING', name: '仅有2022年目标的指标', unit: '个', category: 'A', kind: 'count', rollup: 'sum', targets: { '2022': '5' }, lead: ['SZ-KJJ'], reporters: ['320582'], source: src() },
    // Long name: the prompt title must be clipped to Excel's 32 characters.
    { code: 'T-LONG', name: '规模以上工业企业关键工序数控化率和数字化研发设计工具普及率及其他很长的指标名称示例', unit: '%', category: 'A', kind: 'percent', rollup: 'rate', targets: { '2023': '≥60%' }, lead: ['SZ-KJJ'], reporters: ['SZ-KJJ'], source: src() },
  ],
};

export function testPlan(): Plan {
  return resolvePlan(structuredClone(TEST_PLAN_SOURCE), UNIT_REGISTRY, 'test-plan');
}
