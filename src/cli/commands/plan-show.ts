/**
 * `plansheet plan show <id|file>`: the validated plan model, readable or
 * --json. The readable form shows what a reviewer checks against the seed:
 * targets with their notes, 约束性/预期性, 累计, how the indicator rolls up,
 * the value kind, and which lead/reporter choices PlanSheet assumed.
 */

import type { Command } from 'commander';
import { formatTarget } from '../../core/plan/target';
import type { Attribute, Indicator, Plan, Rollup, ValueKind } from '../../core/plan/types';
import { loadPlanArg } from '../../node/plan-source';
import { UNIT_KIND_WORDS } from '../../xlsx/plan/layout';
import { parseLang, t, type Lang } from '../lang';

export function register(program: Command): void {
  const plan = program.command('plan').description('查看计划 / inspect a plan');
  plan
    .command('show <plan>')
    .description('显示校验后的计划（内置编号、JSON 文件或规划工作簿）/ show the validated plan (built-in id, JSON file or plan workbook)')
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

const ATTRIBUTE: Record<Lang, Record<Attribute, string>> = {
  zh: { binding: '约束性', expected: '预期性' },
  en: { binding: 'binding', expected: 'expected' },
};

const ROLLUP: Record<Lang, Record<Rollup, string>> = {
  zh: { sum: '求和', rate: '比率不求和', limit: '逐单位限值', citywide: '全市统一报送' },
  en: { sum: 'sum of units', rate: 'rate, not summed', limit: 'limit each unit must meet', citywide: 'reported once city-wide' },
};

const KIND: Record<Lang, Record<ValueKind, string>> = {
  zh: { count: '个数', amount: '数额', percent: '百分比', ratio: '比值', number: '数值', text: '定性（文字）' },
  en: { count: 'count', amount: 'amount', percent: 'percent', ratio: 'ratio', number: 'number', text: 'qualitative (words)' },
};

/** Brackets that match the language: full-width in Chinese, ASCII in English. */
function paren(lang: Lang, s: string): string {
  return lang === 'en' ? ` (${s})` : `（${s}）`;
}

function targetsLine(p: Plan, i: Indicator, lang: Lang): string {
  const parts = p.years
    .filter((y) => i.targets[String(y)])
    .map((y) => {
      const tg = i.targets[String(y)];
      const note = tg.note ? paren(lang, t(lang, `注：${tg.note}`, `note: ${tg.note}`)) : '';
      return `${y}: ${formatTarget(tg, i.unit)}${note}`;
    });
  return parts.join('  ') || '—';
}

/** Units that report at least one indicator: the ones `generate` writes a workbook for. */
function reportingCount(p: Plan): number {
  const codes = new Set(p.indicators.flatMap((i) => i.reporters));
  return p.units.filter((u) => codes.has(u.code)).length;
}

function summary(p: Plan, lang: Lang): string {
  const unitName = new Map(p.units.map((u) => [u.code, lang === 'en' && u.nameEn ? u.nameEn : u.name]));
  const assumed = t(lang, '（推定）', ' (assumed)');
  const sep = t(lang, '、', ', ');
  const lines: string[] = [];
  lines.push(`${lang === 'en' && p.titleEn ? p.titleEn : p.title}`);
  lines.push(`  ${t(lang, '编号', 'id')}: ${p.id}`);
  if (p.docNumber) lines.push(`  ${t(lang, '文号', 'doc no.')}: ${p.docNumber}`);
  lines.push(`  ${t(lang, '发文', 'issuer')}: ${p.issuer}${p.date ? ` (${p.date})` : ''}`);
  lines.push(`  ${t(lang, '年度', 'years')}: ${p.years.join(', ')}`);
  lines.push(`  ${t(lang, '所属', 'owner')}: ${unitName.get(p.owner) ?? p.owner} (${p.owner})`);
  lines.push(`  ${t(lang, '指标', 'indicators')}: ${p.indicators.length}`);
  // Not every unit the plan mentions reports (the city, parents of towns):
  // 填报单位 is the number of workbooks `generate` writes.
  lines.push(
    `  ${t(lang, '涉及单位', 'units mentioned')}: ${p.units.length}   ` +
      `${t(lang, '填报单位', 'reporting units')}: ${reportingCount(p)}` +
      t(lang, '（至少填报一项指标；generate 为每个填报单位生成一份模板）', ' (report at least one indicator; generate writes one workbook each)'),
  );
  for (const c of p.categories) {
    const inds = p.indicators.filter((i) => i.category === c.id);
    if (!inds.length) continue;
    lines.push('');
    lines.push(`[${c.id}] ${lang === 'en' && c.nameEn ? c.nameEn : c.name} (${inds.length})`);
    for (const i of inds) {
      const name = lang === 'en' && i.nameEn ? i.nameEn : i.name;
      lines.push(`  ${i.code}  ${name}${i.unit ? paren(lang, i.unit) : ''}`);
      lines.push(`      ${t(lang, '目标', 'targets')}: ${targetsLine(p, i, lang)}`);
      const facts = [
        `${t(lang, '属性', 'attribute')}: ${i.attribute ? ATTRIBUTE[lang][i.attribute] : t(lang, '未注明', 'not stated')}`,
        `${t(lang, '类型', 'kind')}: ${KIND[lang][i.kind] ?? i.kind}`,
        `${t(lang, '累计', 'cumulative')}: ${i.cumulative ? t(lang, '是', 'yes') : t(lang, '否', 'no')}`,
        `${t(lang, '汇总方式', 'rollup')}: ${ROLLUP[lang][i.rollup] ?? i.rollup}`,
      ];
      lines.push(`      ${facts.join('   ')}`);
      lines.push(
        `      ${t(lang, '牵头', 'lead')}${i.leadAssumed ? assumed : ''}: ${i.lead.map((c) => unitName.get(c) ?? c).join(sep) || '—'}   ` +
          `${t(lang, '填报单位', 'reporters')}${i.reportersAssumed ? assumed : ''}: ${i.reporters.length}`,
      );
      if (i.note) lines.push(`      ${t(lang, '备注', 'note')}: ${i.note}`);
      for (const e of i.entryUnits ?? [])
        lines.push(`      ${t(lang, '分级填报', 'entered as')}: ${e.kinds.map((k) => (lang === 'en' ? k : UNIT_KIND_WORDS[k])).join(sep)} → ${e.unit} × ${e.factor}`);
      const own = (p.allocations ?? []).filter((a) => a.indicator === i.code);
      if (own.length)
        lines.push(
          `      ${t(lang, '目标分解', 'own targets')}: ` +
            own.map((a) => `${unitName.get(a.unit) ?? a.unit} ${a.period} ${formatTarget(a.target, i.unit)}`).join(t(lang, '；', '; ')),
        );
    }
  }
  if (p.indicators.some((i) => i.leadAssumed || i.reportersAssumed))
    lines.push(
      '',
      t(
        lang,
        '（推定）：原文未写明，由 PlanSheet 按职责推定，请核对。',
        '(assumed): not stated in the plan document; chosen by PlanSheet from the departments\' duties, please check.',
      ),
    );
  return lines.join('\n') + '\n';
}
