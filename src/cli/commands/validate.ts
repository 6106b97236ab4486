/**
 * `plansheet validate <file...>`: checks filled returns and prints their
 * findings per file (a table, or --json). Each file is found its plan by its
 * metadata (or --plan); one bad file never stops the others.
 *
 * Exit codes: 0 no errors; 1 some return has errors; 2 some file could not be
 * read as a return at all (wins over 1), or bad usage.
 */

import * as path from 'path';
import type { Command } from 'commander';
import type { Finding } from '../../core/rules/finding';
import type { Plan } from '../../core/plan/types';
import type { ParsedReturn } from '../../core/return/types';
import { parsePeriod, periodKey, periodLabel } from '../../core/period';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../errors';
import { parseLang, plural, t, type Lang } from '../lang';
import { writeJson } from '../format/json';

interface ValidateOpts {
  json?: boolean;
  previous?: string;
  plan?: string;
  lang?: string;
}

/** One entry of `validate --json` (docs/json.md). */
export interface ValidateJsonEntry {
  file: string;
  unit: string | null;
  readable: boolean;
  plan: string | null;
  /** The period key ("2023", "2023H1"), as in consolidate --json; labels are for the table only. */
  period: string | null;
  /** readAs and remarkAt appear only where the rules set them. */
  findings: Pick<Finding, 'severity' | 'rule' | 'code' | 'sheet' | 'cell' | 'message' | 'readAs' | 'remarkAt'>[];
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('校验已填报的报表，逐个文件列出问题 / check filled returns and list their problems per file')
    .argument('<file|dir...>', '填报表文件（.xlsx）或目录（递归查找），可用通配符 / return files or directories (searched recursively); wildcards allowed')
    .option('--json', '以 JSON 输出（每个文件一项）/ print JSON, one entry per file')
    .option('--previous <dir>', '上期报表所在目录，用于累计指标不得减少的检查 / directory of earlier returns, for cumulative checks')
    .option('-p, --plan <id|file>', '计划：内置编号、JSON 文件或规划工作簿 .xlsx（默认按报表元数据识别）/ plan: built-in id, JSON file or plan workbook (default: from each return\'s metadata)')
    .option('--lang <zh|en>', '输出语言 / output language')
    .addHelpText(
      'after',
      [
        '',
        '退出码 / exit codes: 0 无错误 / no errors；1 有报表存在错误 / a return has errors；2 有文件无法读取为报表 / a file cannot be read as a return',
        '',
        '示例 / examples:',
        '  plansheet validate returns/2023_320582_张家港市.xlsx',
        '  plansheet validate returns/ --json > findings.json',
        '  plansheet validate "returns/*.xlsx"                   # 通配符由 plansheet 展开（Windows）/ expanded by plansheet',
        '  plansheet validate returns/*.xlsx --previous returns-2022/',
      ].join('\n'),
    )
    .action(async (files: string[], opts: ValidateOpts) => {
      process.exitCode = await runValidate(files, opts);
    });
}

function unitLabelOf(plan: Plan | null, ret: ParsedReturn, lang: Lang): string | undefined {
  const code = ret.meta?.unitCode;
  if (!code) return undefined;
  const u = plan?.units.find((x) => x.code === code);
  const name = (lang === 'en' ? u?.nameEn : undefined) ?? u?.name ?? ret.meta?.unitName;
  if (!name) return code;
  return lang === 'en' ? `${name} (${code})` : `${name}（${code}）`;
}

function planUnknown(ret: ParsedReturn, lang: Lang): Finding {
  const id = ret.meta?.planId || '?';
  return {
    severity: 'error',
    rule: 'template.plan-unknown',
    code: null,
    sheet: null,
    cell: null,
    message: t(
      lang,
      `报表属于计划“${id}”，不是内置计划；请用 --plan 指定该计划的 JSON 文件或规划工作簿`,
      `The return belongs to plan "${id}", which is not built in; name its plan file with --plan`,
    ),
  };
}

export async function runValidate(args: string[], opts: ValidateOpts): Promise<number> {
  const lang = parseLang(opts.lang);
  const { loadPlanArg } = await import('../../node/plan-source');
  const forced = opts.plan ? loadPlanArg(opts.plan) : null;
  const { builtinPlans } = await import('../../core/plan/builtin');
  const { validateReturn, findReturnPlan } = await import('../../core/engine');
  const { collectInputs, readInputs, readPrevious } = await import('../inputs');
  const { paintFor } = await import('../format/color');
  const { renderFileReport, count } = await import('../format/findings');

  // Folders are searched like consolidate's; wildcards the shell left alone (Windows) are expanded here.
  const { files, problems, skipped, order } = collectInputs(args, { directories: true, emptyDirectoryIsProblem: true, lang });
  const previous = await readPrevious(opts.previous, lang, process.stderr);
  const { createProgress } = await import('../../node/progress');
  const progress = createProgress(files.length);
  const read = await readInputs(files, lang, (f) => progress.tick(path.basename(f)));
  progress.done();
  const plans = builtinPlans();

  const reports: (ValidateJsonEntry & { unitLabel?: string; periodLabel?: string })[] = [];
  const unreadable = (file: string, rule: string, message: string) =>
    reports.push({ file, unit: null, readable: false, plan: null, period: null, findings: [{ severity: 'error', rule, code: null, sheet: null, cell: null, message }] });

  for (const p of problems) unreadable(p.file, p.rule, p.message);
  for (const r of read) {
    if (!r.ok) {
      unreadable(r.file, r.rule, r.message);
      continue;
    }
    const ret = r.ret;
    const plan = forced ?? findReturnPlan(ret, plans);
    let findings: Finding[];
    try {
      if (!ret.meta) {
        // No PlanSheet metadata: not a return at all (the rules say why).
        findings = validateReturn(plan ?? plans[0], ret, { lang, previous });
      } else if (!plan) findings = [planUnknown(ret, lang)];
      else findings = validateReturn(plan, ret, { lang, previous });
    } catch (e) {
      // A bug in a rule must not cost the user the other files' results.
      unreadable(r.file, 'file.internal', t(lang, `校验时发生内部错误：${(e as Error).message}`, `internal error while checking: ${(e as Error).message}`));
      continue;
    }
    const period = ret.meta?.period ? parsePeriod(ret.meta.period) : null;
    reports.push({
      file: r.file,
      unit: ret.meta?.unitCode || null,
      unitLabel: unitLabelOf(plan, ret, lang),
      readable: !!ret.meta,
      plan: ret.meta?.planId || null,
      period: period ? periodKey(period) : ret.meta?.period || null,
      periodLabel: period ? periodLabel(period, lang) : undefined,
      findings: findings.map((f) => ({
        severity: f.severity,
        rule: f.rule,
        code: f.code,
        sheet: f.sheet,
        cell: f.cell,
        message: f.message,
        ...(f.readAs !== undefined ? { readAs: f.readAs } : {}),
        ...(f.remarkAt ? { remarkAt: f.remarkAt } : {}),
      })),
    });
  }

  // Report in the order the files were named (a folder's files in name order).
  const rank = new Map<string, number>();
  order.forEach((f, i) => rank.has(f) || rank.set(f, i));
  reports.sort((a, b) => (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0));

  if (opts.json) {
    const json: ValidateJsonEntry[] = reports.map(({ unitLabel: _u, periodLabel: _p, ...rest }) => rest);
    await writeJson(process.stdout, json);
  } else {
    const paint = paintFor(process.stdout);
    for (const r of reports) process.stdout.write(renderFileReport(r as Parameters<typeof renderFileReport>[0], lang, paint) + '\n');
    if (skipped.length)
      process.stdout.write(t(lang, `跳过的非 Excel 文件：${skipped.join('、')}\n`, `skipped (not Excel files): ${skipped.join(', ')}\n`));
    const bad = reports.filter((r) => !r.readable).length;
    const withErrors = reports.filter((r) => r.readable && count(r.findings as Finding[], 'error') > 0).length;
    const ok = reports.length - bad - withErrors;
    process.stdout.write(
      t(
        lang,
        `共 ${reports.length} 个文件：无错误 ${ok}，有错误 ${withErrors}，无法读取 ${bad}\n`,
        `${plural(reports.length, 'file')}: ${ok} without errors, ${withErrors} with errors, ${bad} unreadable\n`,
      ),
    );
  }

  if (reports.some((r) => !r.readable)) return EXIT_USAGE;
  if (reports.some((r) => r.findings.some((f) => f.severity === 'error'))) return EXIT_FAILURE;
  return EXIT_OK;
}
