/** `plansheet plan show <id|file>`: the validated plan model, readable or --json. */

import type { Command } from 'commander';
import { formatTarget } from '../../core/plan/target';
import type { Plan } from '../../core/plan/types';
import { loadPlanArg } from '../../node/plan-source';
import { parseLang, t, type Lang } from '../lang';

export function register(program: Command): void {
  const plan = program.command('plan').description('查看计划 / inspect a plan');
  plan
    .command('show <plan>')
    .description('显示校验后的计划（内置编号或 JSON 文件）/ show the validated plan (built-in id or JSON file)')
    .option('--json', '输出解析后的完整模型（JSON）/ print the resolved model as JSON')
    .option('--lang <zh|en>', '输出语言 / output language')
    .addHelpText(
      'after',
      '\n示例 / examples:\n  plansheet plan show suzhou-digital-economy-2021-2023\n  plansheet plan show ./my-plan.json --json',
    )
    .action((arg: string, opts: { json?: boolean; lang?: string }) => {
      const lang = parseLang(opts.lang);
      const p = loadPlanArg(arg);
      process.stdout.write(opts.json ? JSON.stringify(p, null, 2) + '\n' : summary(p, lang));
    });
}

function summary(p: Plan, lang: Lang): string {
  const unitName = new Map(p.units.map((u) => [u.code, lang === 'en' && u.nameEn ? u.nameEn : u.name]));
  const lines: string[] = [];
  lines.push(`${lang === 'en' && p.titleEn ? p.titleEn : p.title}`);
  lines.push(`  ${t(lang, '编号', 'id')}: ${p.id}`);
  if (p.docNumber) lines.push(`  ${t(lang, '文号', 'doc no.')}: ${p.docNumber}`);
  lines.push(`  ${t(lang, '发文', 'issuer')}: ${p.issuer}${p.date ? ` (${p.date})` : ''}`);
  lines.push(`  ${t(lang, '年度', 'years')}: ${p.years.join(', ')}`);
  lines.push(`  ${t(lang, '所属', 'owner')}: ${unitName.get(p.owner) ?? p.owner} (${p.owner})`);
  lines.push(`  ${t(lang, '指标', 'indicators')}: ${p.indicators.length}   ${t(lang, '单位', 'units')}: ${p.units.length}`);
  for (const c of p.categories) {
    const inds = p.indicators.filter((i) => i.category === c.id);
    if (!inds.length) continue;
    lines.push('');
    lines.push(`[${c.id}] ${lang === 'en' && c.nameEn ? c.nameEn : c.name} (${inds.length})`);
    for (const i of inds) {
      const targets = p.years
        .filter((y) => i.targets[String(y)])
        .map((y) => `${y}: ${formatTarget(i.targets[String(y)], i.unit)}`)
        .join('  ');
      const name = lang === 'en' && i.nameEn ? i.nameEn : i.name;
      lines.push(`  ${i.code}  ${name}${i.unit ? `（${i.unit}）` : ''}`);
      lines.push(`      ${t(lang, '目标', 'targets')}: ${targets || '—'}`);
      lines.push(
        `      ${t(lang, '牵头', 'lead')}: ${i.lead.map((c) => unitName.get(c) ?? c).join('、')}   ` +
          `${t(lang, '填报单位', 'reporters')}: ${i.reporters.length}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
