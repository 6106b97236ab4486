/**
 * Before a command writes files: what is already at each path, and whether
 * it may be replaced. `generate` replaces only absent files and blank
 * templates (anything else with --force); `consolidate --out` replaces only
 * an earlier summary. All refusals are gathered into one usage error, so
 * nothing is written when any path is refused.
 */

import * as fs from 'fs';
import type { Existing } from '../node/existing';
import { UsageError } from './errors';
import type { Lang } from './lang';

type Kind = Existing['kind'];

/** Why an existing file is left alone, in both languages. */
function why(e: Existing): [string, string] {
  switch (e.kind) {
    case 'filled-return':
      return [`是一份已填报的报表（单位 ${e.unit}）`, `is a filled return (unit ${e.unit})`];
    case 'blank-template':
      return [`是一份填报模板（单位 ${e.unit}）`, `is a reporting template (unit ${e.unit})`];
    case 'unreadable':
      return [`无法读取，可能是一份报表（${e.reason}）`, `cannot be read and may be a return (${e.reason})`];
    case 'workbook':
      return ['是一个不由 PlanSheet 生成的工作簿', 'is a workbook PlanSheet did not write'];
    case 'summary':
      return ['是一份汇总表', 'is a summary workbook'];
    case 'directory':
      return ['是一个目录', 'is a directory'];
    case 'special':
      return ['不是普通文件', 'is not a regular file'];
    default:
      return ['已存在', 'exists'];
  }
}

/** For generate: checks every target; returns path → what was there. Throws UsageError listing refusals. */
export async function checkTargets(outDir: string, targets: string[], force: boolean, lang: Lang): Promise<Map<string, Kind>> {
  const { describeExisting } = await import('../node/existing');
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory())
    throw new UsageError(`输出路径 ${outDir} 已存在且不是目录`, `the output path ${outDir} exists and is not a directory`);
  const found = new Map<string, Kind>();
  const refused: [string, Existing][] = [];
  for (const file of targets) {
    const e = await describeExisting(file, lang);
    found.set(file, e.kind);
    const replaceable = e.kind === 'absent' || e.kind === 'blank-template' || e.kind === 'empty-file';
    const never = e.kind === 'directory' || e.kind === 'special';
    if (never || (!replaceable && !force)) refused.push([file, e]);
  }
  if (refused.length) {
    const zh = refused.map(([f, e]) => `  ${f} ${why(e)[0]}`).join('\n');
    const en = refused.map(([f, e]) => `  ${f} ${why(e)[1]}`).join('\n');
    const canForce = refused.some(([, e]) => e.kind !== 'directory' && e.kind !== 'special');
    throw new UsageError(
      `输出目录中已有同名文件，为免覆盖他人的填报，未生成任何文件：\n${zh}\n` +
        (canForce ? '请换一个输出目录（--out），或确认可以覆盖后加 --force。' : '请换一个输出目录（--out）。'),
      `files of the same name exist in the output directory; to keep filled returns safe nothing was generated:\n${en}\n` +
        (canForce ? 'choose another --out directory, or add --force once you are sure they may be overwritten.' : 'choose another --out directory.'),
    );
  }
  return found;
}

/** For consolidate --out: only nothing, an empty file or an earlier summary may be replaced. */
export async function checkSummaryTarget(out: string, lang: Lang): Promise<void> {
  const { describeExisting } = await import('../node/existing');
  const e = await describeExisting(out, lang);
  if (e.kind === 'absent' || e.kind === 'summary' || e.kind === 'empty-file') return;
  const [zh, en] = why(e);
  throw new UsageError(
    `输出文件 ${out} ${zh}，拒绝覆盖；汇总表只会替换以前生成的汇总表。请换一个输出路径。`,
    `the output ${out} ${en}; refusing to overwrite it (only an earlier summary is ever replaced). Choose another path.`,
  );
}
