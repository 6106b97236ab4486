/**
 * `plansheet consolidate <town returns> --as-return <district> --out <file>`:
 * the district's own return, made from its towns' returns. The district's
 * template is generated as `generate` would, its value cells filled with the
 * district's tree figures, its metadata and a 汇总来源 sheet naming the town
 * cells behind each value; the city consolidates it like any district return.
 */

import * as fs from 'fs';
import * as path from 'path';
import type { Plan } from '../../core/plan/types';
import type { Consolidation } from '../../core/consolidate/types';
import type { Lang } from '../lang';
import { parsePeriod } from '../../core/period';
import { message } from '../../core/i18n';
import { UsageError } from '../errors';

/** Checks before anything is read: a district return is a new file, never written over another. */
export function checkAsReturnTarget(outAbs: string, out: string): void {
  if (fs.existsSync(outAbs))
    throw new UsageError(
      `输出文件 ${out} 已存在；汇总生成的报表不覆盖已有文件，请删除或换一个文件名`,
      `the output ${out} exists; a return made by consolidation never replaces a file: remove it or choose another name`,
    );
}

/** The unit named by --as-return, by code or name; it must report something in the plan. */
export function asReturnUnit(plan: Plan, arg: string): string {
  const u = plan.units.find((x) => x.code === arg || x.name === arg || x.shortName === arg);
  if (!u)
    throw new UsageError(
      `--as-return 的单位“${arg}”不在计划 ${plan.id} 的单位中（可用单位代码、全称或简称）`,
      `--as-return "${arg}" is not a unit of the plan ${plan.id} (give its code, name or short name)`,
    );
  // A return is made of the indicators the unit itself reports; a unit that reports none has no return to make.
  if (!plan.indicators.some((i) => i.reporters.includes(u.code)))
    throw new UsageError(
      `--as-return 的单位“${arg}”（${u.name}）在计划 ${plan.id} 中不填报任何指标，没有本级报表可生成；请在计划的指标“填报单位”中加入该单位`,
      `--as-return "${arg}" (${u.name}) reports no indicator of the plan ${plan.id}, so it has no return to make; add it to the indicators' reporters in the plan`,
    );
  return u.code;
}

export interface AsReturnWritten {
  filled: number;
  blank: { code: string; note: string }[];
}

/** Writes the unit's return made from `result`; throws UsageError when a return is not below the unit. */
export async function writeAsReturn(plan: Plan, period: string, result: Consolidation, unit: string, outAbs: string, lang: Lang, generator: string): Promise<AsReturnWritten> {
  const { outsideReturns } = await import('../../core/consolidate/as-return');
  const outside = outsideReturns(plan, result, unit);
  if (outside.length) {
    const list = (l: Lang) => outside.map((o) => message('tree.outside', { file: path.basename(o.file), unit: o.unit, target: unit }, l)).join('\n');
    throw new UsageError(list('zh'), list('en'));
  }
  const p = parsePeriod(period)!;
  const { makeReturnFromBelow } = await import('../../xlsx/fill/made-return');
  const { NODE_ZIP_CODEC } = await import('../../node/codec');
  const { writeFileAtomic } = await import('../../node/atomic');
  const { bytes, items } = await makeReturnFromBelow(plan, p, result, unit, lang, { generator, codec: NODE_ZIP_CODEC });
  await writeFileAtomic(outAbs, bytes);
  return { filled: items.filter((i) => i.value !== null).length, blank: items.filter((i) => i.value === null).map((i) => ({ code: i.code, note: i.note })) };
}

/** The one-screen report of what went into the return. */
export function renderAsReturn(plan: Plan, unit: string, out: string, w: AsReturnWritten, result: Consolidation, lang: Lang): string {
  const name = plan.units.find((u) => u.code === unit)?.name ?? unit;
  const accepted = result.returns.filter((r) => r.status === 'accepted').length;
  const lines =
    lang === 'en'
      ? [`Wrote the return of ${name} (${unit}) to ${out}: ${w.filled} values made from ${accepted} returns below.`]
      : [`已生成 ${name}（${unit}）的报表 ${out}：由 ${accepted} 份下级报表汇总填写 ${w.filled} 项。`];
  if (w.blank.length) {
    lines.push(lang === 'en' ? `Left blank (${w.blank.length}):` : `未填写（${w.blank.length} 项）：`);
    for (const b of w.blank) lines.push(`  ${b.code}  ${b.note}`);
  }
  const rejected = result.returns.filter((r) => r.status !== 'accepted');
  for (const r of rejected) lines.push(`  ${lang === 'en' ? 'not used' : '未采用'}: ${path.basename(r.file)}  ${r.reason}`);
  return lines.join('\n') + '\n';
}
