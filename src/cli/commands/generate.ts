/**
 * `plansheet generate`: one blank reporting workbook per unit for a plan and
 * period. Every input is checked before the first file is written.
 */

import type { Command } from 'commander';
import { DEFAULT_PLAN_ID } from '../../core/plan/builtin';
import type { Plan, ReportingUnit } from '../../core/plan/types';
import { parsePeriod, periodKey, periodLabel, type Period } from '../../core/period';
import { loadPlanArg } from '../../node/plan-source';
import * as fs from 'fs';
import * as path from 'path';
import { EXIT_FAILURE, UsageError } from '../errors';
import { parseLang, plural, t, type Lang } from '../lang';
import type { PreviousValues } from '../../core/template/previous';

interface GenerateOpts {
  plan: string;
  period?: string;
  units: string;
  unit?: string;
  out: string;
  lang?: string;
  password?: string;
  force?: boolean;
  deadline?: string;
  previous?: string;
}

export function register(program: Command): void {
  program
    .command('generate')
    .description('生成空白填报模板（每个填报单位一个 .xlsx）/ write blank reporting workbooks, one .xlsx per unit')
    .option('-p, --plan <id|file>', '计划：内置编号、JSON 文件或规划工作簿 .xlsx / plan: built-in id, JSON file or plan workbook (.xlsx)', DEFAULT_PLAN_ID)
    .option('--period <period>', '填报期：2023、2023H1、2023Q3（默认：计划最后一年）/ period (default: the plan\'s last year)')
    .option('--units <scope>', '单位范围：districts（各市区）、departments（市级部门）、all / which units', 'all')
    .option('--unit <code>', '只生成一个单位（单位代码，如 320582、SZ-GXJ）/ only this unit code')
    .option('-o, --out <dir>', '输出目录 / output directory', './out')
    .option('--password <password>', '工作表保护密码（默认无密码）/ sheet protection password (default: none)')
    .option('--deadline <date>', '报送截止日期，如 2024-01-15（写入表头、填报说明和元数据）/ reporting deadline, e.g. 2024-01-15')
    .option('--previous <summary.xlsx|dir>', '上期汇总表或上期报表目录：预填只读“上期值”列 / last period\'s summary workbook or returns folder: fills a read-only 上期值 column')
    .option('--force', '覆盖已填报的报表或无法识别的同名文件（默认拒绝）/ overwrite filled returns or unrecognised files of the same name (refused by default)')
    .option('--lang <zh|en>', '输出语言 / output language (messages only; workbooks are Chinese)')
    .addHelpText(
      'after',
      [
        '',
        '文件名 / file names: <期>_<单位代码>_<单位名称>.xlsx，如 2023_320582_张家港市.xlsx',
        '',
        '示例 / examples:',
        '  plansheet generate                                   # 苏州计划、最后一年、全部填报单位 → ./out',
        '  plansheet generate --period 2022 --units districts   # 2022 年，各市（区）',
        '  plansheet generate --unit 320582 --out ./zjg         # 只生成张家港市',
        '  plansheet generate --plan ./my-plan.json --period 2023H1',
        '  plansheet generate --period 2023 --deadline 2024-01-15 --previous ./returns-2022',
      ].join('\n'),
    )
    .action(async (opts: GenerateOpts) => {
      await runGenerate(opts);
    });
}

/** Checks --deadline: a real calendar date written YYYY-MM-DD (2024-1-5 and 2024/01/05 are accepted and normalised). */
export function checkDeadline(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]) || d.getUTCFullYear() < 2000)
    throw new UsageError(
      `--deadline 的值“${text}”不是有效日期，应写成 2024-01-15`,
      `--deadline "${text}" is not a valid date: write it as 2024-01-15`,
    );
  return d.toISOString().slice(0, 10);
}

/** Checks the period text against the plan. */
export function checkPeriod(plan: Plan, text: string | undefined): Period {
  if (text === undefined) return { kind: 'year', year: plan.years[plan.years.length - 1] };
  const p = parsePeriod(text);
  if (!p)
    throw new UsageError(
      `填报期“${text}”格式不正确，应为 2023、2023H1 或 2023Q3`,
      `malformed period "${text}": use 2023, 2023H1 or 2023Q3`,
    );
  if (!plan.years.includes(p.year))
    throw new UsageError(
      `填报期 ${periodKey(p)} 不在计划年度内（${plan.years.join('、')}）`,
      `period ${periodKey(p)} is outside the plan years (${plan.years.join(', ')})`,
    );
  return p;
}

/** Resolves --unit / --units to the units that get a workbook. */
export async function checkUnits(plan: Plan, scope: string, unit: string | undefined): Promise<ReportingUnit[]> {
  const { reportingUnits, indicatorsFor } = await import('../../xlsx/write/units');
  const reporting = reportingUnits(plan, 'all');
  if (scope !== 'all' && scope !== 'districts' && scope !== 'departments')
    throw new UsageError(
      `--units 的值“${scope}”无效，可选：districts、departments、all`,
      `invalid --units "${scope}": use districts, departments or all`,
    );
  if (unit !== undefined) {
    const u = plan.units.find((x) => x.code === unit || x.code === unit.toUpperCase());
    const list = reporting.map((x) => `${x.code} ${x.name}`).join('、');
    if (!u)
      throw new UsageError(
        `未知单位代码“${unit}”。本计划的填报单位：${list}`,
        `unknown unit code "${unit}". Reporting units of this plan: ${reporting.map((x) => x.code).join(', ')}`,
      );
    if (!indicatorsFor(plan, u.code).length)
      throw new UsageError(
        `单位 ${u.code}（${u.name}）在本计划中没有需要填报的指标。本计划的填报单位：${list}`,
        `unit ${u.code} (${u.nameEn ?? u.name}) reports no indicator in this plan`,
      );
    // --unit with a narrower --units that does not contain it: the two
    // contradict each other, so neither silently wins.
    if (scope !== 'all' && !reportingUnits(plan, scope).some((x) => x.code === u.code)) {
      const zhScope = scope === 'districts' ? '各市（区）' : '市级部门';
      throw new UsageError(
        `单位 ${u.code}（${u.name}）不在 --units ${scope}（${zhScope}）范围内；请去掉 --units，或改用 --units all`,
        `unit ${u.code} (${u.nameEn ?? u.name}) is not among --units ${scope}; drop --units or use --units all`,
      );
    }
    return [u];
  }
  const units = reportingUnits(plan, scope);
  if (!units.length)
    throw new UsageError(
      `本计划没有属于“${scope}”范围的填报单位`,
      `no reporting units of scope "${scope}" in this plan`,
    );
  return units;
}

/**
 * --previous: last period's returns (a folder, or one return) or last
 * period's summary workbook. Something that gives no value of this plan for
 * an earlier period is a usage error: a silently empty 上期值 column would
 * look like a unit that reported nothing.
 */
async function readPreviousValues(arg: string, plan: Plan, period: Period, lang: Lang): Promise<PreviousValues> {
  const { readPrevious } = await import('../inputs');
  const { previousFromReturns } = await import('../../core/template/previous');
  let found: PreviousValues | null = null;
  let isFile = false;
  try {
    isFile = fs.statSync(arg).isFile();
  } catch {
    // readPrevious names a missing path.
  }
  if (!isFile) {
    const returns = await readPrevious(arg, lang, process.stderr);
    found = previousFromReturns(plan, period, returns);
  } else {
    // One file: a return of last period, or last period's summary workbook.
    const { readReturnFile } = await import('../../xlsx/read/node');
    const one = await readReturnFile(arg, { lang });
    if (one.ok && one.ret.meta) found = previousFromReturns(plan, period, [one.ret]);
    else {
      const { previousFromSummary } = await import('../../node/previous-summary');
      try {
        found = await previousFromSummary(arg, plan);
      } catch (e) {
        throw new UsageError(
          `--previous：无法读取上期汇总表 ${arg}（${(e as Error).message}）`,
          `--previous: cannot read the summary workbook ${arg} (${(e as Error).message})`,
        );
      }
    }
  }
  if (!found)
    throw new UsageError(
      `--previous：${arg} 中没有本计划（${plan.id}）${periodLabel(period)}以前的报表或汇总值，无法填写“上期值”列`,
      `--previous: ${arg} holds no return or summary of plan ${plan.id} before ${periodLabel(period, 'en')}; the 上期值 column cannot be filled`,
    );
  return found;
}

async function runGenerate(opts: GenerateOpts): Promise<void> {
  const started = process.hrtime.bigint();
  const lang = parseLang(opts.lang);
  const plan = loadPlanArg(opts.plan);
  const period = checkPeriod(plan, opts.period);
  const units = await checkUnits(plan, opts.units, opts.unit);
  const deadline = checkDeadline(opts.deadline);
  const previous = opts.previous === undefined ? undefined : await readPreviousValues(opts.previous, plan, period, lang);

  // Heavy modules (ExcelJS) only now that the input is known to be good.
  const { generateSet, GenerateFailure } = await import('../../node/generate');
  const { createProgress } = await import('../../node/progress');
  const { hashSheetPassword } = await import('../../node/protection');
  const { templateFileName } = await import('../../xlsx/write/units');
  const { checkTargets } = await import('../overwrite');
  const { version_ } = await import('../main');

  // Every file that would be replaced is looked at before the first is written.
  const targets = units.map((u) => path.join(opts.out, templateFileName(periodKey(period), u)));
  const existing = await checkTargets(opts.out, targets, !!opts.force, lang);

  const progress = createProgress(units.length);
  const done: string[] = [];
  const release = onInterrupt(opts.out, done);
  let files: Awaited<ReturnType<typeof generateSet>>;
  try {
    files = await generateSet(
      plan,
      period,
      units,
      opts.out,
      {
        generator: `plansheet ${version_()}`,
        protection: opts.password ? hashSheetPassword(opts.password) : undefined,
        ...(deadline ? { deadline } : {}),
        ...(previous ? { previous } : {}),
      },
      (f) => {
        done.push(f.file);
        progress.tick(f.unit.name);
      },
    );
  } catch (e) {
    release();
    progress.done();
    if (!(e instanceof GenerateFailure)) throw e;
    const { fsReason } = await import('../../node/fs-errors');
    const f = e.failure;
    const rest = units.length - e.written.length;
    const listed = e.written.map((w) => `  ${w.file}`).join('\n');
    process.stderr.write(
      `错误 / error: 无法写入 ${f.path}：${fsReason(f.cause, 'zh')}。` +
        (e.written.length ? `已写入 ${e.written.length} 个完整的填报模板（如下），` : '没有写入任何填报模板，') +
        `其余 ${rest} 个未生成；没有留下写了一半的文件，除所列文件外已有的文件未被改动。\n` +
        `cannot write ${f.path}: ${fsReason(f.cause, 'en')}. ` +
        (e.written.length ? `${plural(e.written.length, 'complete workbook')} written (below), ` : 'no workbook written, ') +
        `the other ${rest} not generated; no half-written file is left and no existing file other than those listed was changed.\n` +
        (listed ? listed + '\n' : ''),
    );
    process.exitCode = EXIT_FAILURE;
    return;
  }
  release();
  progress.done();
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  // What was written, and what each write replaced, before the summary line.
  for (const f of files) {
    const was = existing.get(f.file);
    const note =
      was === 'blank-template'
        ? t(lang, '（替换了空白模板）', ' (replaced a blank template)')
        : was && was !== 'absent'
          ? t(lang, '（已用 --force 覆盖原文件）', ' (existing file overwritten with --force)')
          : '';
    process.stdout.write(`  ${f.file}${note}\n`);
  }
  process.stdout.write(
    t(
      lang,
      `已生成 ${files.length} 个填报模板（${plan.title}，${periodLabel(period)}）→ ${opts.out}，用时 ${secs.toFixed(2)} 秒\n`,
      `wrote ${plural(files.length, 'workbook')} (${plan.id}, ${periodLabel(period, 'en')}) to ${opts.out} in ${secs.toFixed(2)} s\n`,
    ),
  );
}

/**
 * Ctrl-C while writing: remove this run's temp files (every workbook is
 * renamed into place only when complete) and say what was written.
 */
function onInterrupt(outDir: string, written: string[]): () => void {
  const handler = (signal: NodeJS.Signals) => {
    try {
      const mark = `.${process.pid}.`;
      for (const f of fs.readdirSync(outDir)) if (f.startsWith('.') && f.includes(mark) && f.endsWith('.tmp')) fs.rmSync(path.join(outDir, f), { force: true });
    } catch {
      // best effort: temp names are hidden and never match *.xlsx
    }
    process.stderr.write(
      `\n已中断：已写入 ${written.length} 个完整的填报模板，没有留下写了一半的文件。\n` +
        `interrupted: ${written.length} complete workbook(s) written, no half-written file left.\n` +
        written.map((f) => `  ${f}\n`).join(''),
    );
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
}
