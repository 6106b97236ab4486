/**
 * A plan file at town scale for bench/scale.bench.ts: ~90 indicators over the
 * value kinds, reported by `towns` towns (ten per district of Suzhou's ten
 * districts when towns = 100, a hundred each when 1,000, …). Written as a
 * plan JSON so the bench runs the real CLI with --plan FILE.
 */

import * as fs from 'fs';
import { builtinPlan, DEFAULT_PLAN_ID } from '../src/core/plan/builtin';

const KINDS = [
  { kind: 'amount', unit: '亿元', target: '3000 以上', rollup: 'sum' },
  { kind: 'count', unit: '个', target: '150', rollup: 'sum' },
  { kind: 'percent', unit: '%', target: '90%', rollup: 'rate' },
  { kind: 'ratio', unit: '', target: '1.3 以下', rollup: 'limit', direction: 'le' },
  { kind: 'count', unit: '个', target: '1～2', rollup: 'sum' },
  { kind: 'amount', unit: '亿元', target: '20', rollup: 'sum' },
] as const;

export const SCALE_INDICATORS = 90;

/** Town codes: district code + three digits (3205820001 …), as 乡镇 codes extend their county's. */
export function scalePlanSource(towns: number, id = 'bench-scale-plan'): object {
  const suzhou = builtinPlan(DEFAULT_PLAN_ID)!;
  const districts = suzhou.units.filter((u) => u.kind === 'district');
  const units = Array.from({ length: towns }, (_, i) => {
    const d = districts[i % districts.length];
    const n = Math.floor(i / districts.length) + 1;
    return { code: `${d.code}${String(n).padStart(4, '0')}`, name: `${d.shortName ?? d.name}第${n}号镇`, kind: 'town', parent: d.code };
  });
  const reporters = units.map((u) => u.code);
  const indicators = Array.from({ length: SCALE_INDICATORS }, (_, i) => {
    const k = KINDS[i % KINDS.length];
    return {
      code: `TS-${String(i + 1).padStart(3, '0')}`,
      name: `镇级测试指标${i + 1}`,
      unit: k.unit,
      category: i % 2 ? 'B' : 'A',
      kind: k.kind,
      rollup: k.rollup,
      ...('direction' in k ? { direction: k.direction } : {}),
      targets: { '2023': k.target },
      lead: ['SZ-GXJ'],
      reporters,
      source: { doc: 'bench', where: `row ${i + 1}` },
    };
  });
  return {
    id,
    title: '镇级规模测试计划（2023年）',
    issuer: '测试单位',
    years: [2023],
    owner: '320500',
    source: 'bench',
    units,
    categories: [
      { id: 'A', name: '数字产业化' },
      { id: 'B', name: '产业数字化' },
    ],
    indicators,
  };
}

export function writeScalePlan(file: string, towns: number): void {
  fs.writeFileSync(file, JSON.stringify(scalePlanSource(towns), null, 1));
}
