/**
 * `plansheet plan export <id|file> --out plan.xlsx`: the plan as a workbook an
 * administrator edits (src/xlsx/plan/export.ts). Every command that takes
 * --plan reads such a workbook back.
 */

import * as path from 'path';
import type { Command } from 'commander';
import { loadPlanArg } from '../../node/plan-source';
import { UsageError } from '../errors';
import { parseLang, t } from '../lang';

export function register(program: Command): void {
  // `plan` is created by plan-show; add to it, or create it when run alone.
  const plan = program.commands.find((c) => c.name() === 'plan') ?? program.command('plan').description('查看计划 / inspect a plan');
  plan
    .command('export <plan>')
    .description('把计划导出为可在 Excel 中编辑的规划工作簿 / write the plan as a workbook to edit in Excel')
    .requiredOption('-o, --out <file>', '输出的 .xlsx 文件 / the .xlsx file to write')
    .option('--lang <zh|en>', '输出语言 / output language')
    .addHelpText(
      'after',
      '\n示例 / examples:\n  plansheet plan export suzhou-digital-economy-2021-2023 --out plan.xlsx\n' +
        '  plansheet generate --plan plan.xlsx --unit 320582',
    )
    .action(async (arg: string, opts: { out: string; lang?: string }) => {
      const lang = parseLang(opts.lang);
      if (!/\.xlsx$/i.test(opts.out)) throw new UsageError(`输出文件必须以 .xlsx 结尾：${opts.out}`, `the output file must end in .xlsx: ${opts.out}`);
      const p = loadPlanArg(arg);
      const { exportPlanWorkbook } = await import('../../xlsx/plan/export');
      const { writeFileAtomic } = await import('../../node/atomic');
      await writeFileAtomic(opts.out, await exportPlanWorkbook(p));
      const assumed = p.indicators.filter((i) => i.leadAssumed || i.reportersAssumed).length;
      process.stdout.write(
        t(
          lang,
          `已导出计划“${p.title}”（${p.indicators.length} 项指标，其中 ${assumed} 项的牵头或填报单位为推定，待核实）→ ${path.normalize(opts.out)}\n`,
          `exported plan "${p.titleEn ?? p.title}" (${p.indicators.length} indicators, ${assumed} with an assumed lead or reporters to check) to ${path.normalize(opts.out)}\n`,
        ),
      );
    });
}
