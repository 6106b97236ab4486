/** `plansheet plans`: the built-in plans, one line each (or --json). */

import type { Command } from 'commander';
import { builtinPlans } from '../../core/plan/builtin';
import { parseLang, t } from '../lang';

export function register(program: Command): void {
  program
    .command('plans')
    .description('列出内置计划 / list the built-in plans')
    .option('--json', '以 JSON 输出 / print JSON')
    .option('--lang <zh|en>', '输出语言 / output language', undefined)
    .addHelpText('after', '\n示例 / example:\n  plansheet plans\n  plansheet plans --json')
    .action((opts: { json?: boolean; lang?: string }) => {
      const lang = parseLang(opts.lang);
      const rows = builtinPlans().map((p) => ({
        id: p.id,
        title: p.title,
        titleEn: p.titleEn,
        docNumber: p.docNumber ?? null,
        years: p.years,
        indicators: p.indicators.length,
      }));
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      for (const r of rows) {
        const years = r.years.length > 1 ? `${r.years[0]}–${r.years[r.years.length - 1]}` : String(r.years[0]);
        process.stdout.write(
          `${r.id}\n  ${lang === 'en' && r.titleEn ? r.titleEn : r.title}\n` +
            `  ${t(lang, '文号', 'doc no.')}: ${r.docNumber ?? '—'}   ${t(lang, '年度', 'years')}: ${years}   ` +
            `${t(lang, '指标', 'indicators')}: ${r.indicators}\n`,
        );
      }
    });
}
