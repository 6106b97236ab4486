/**
 * `plansheet consolidate <dir|file...> --out summary.xlsx`: reads every
 * return, works out the plan and period (the most common among the returns
 * unless given), consolidates, writes the city summary workbook atomically
 * and prints a one-screen overview (or the Consolidation as --json).
 *
 * Exit codes: 0 all returns taken without errors; 1 the summary was written
 * but some return was rejected, in conflict, or has errors; 2 bad usage or
 * nothing to consolidate (no summary written).
 */

import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import type { Plan } from '../../core/plan/types';
import type { ParsedReturn } from '../../core/return/types';
import type { Consolidation, UnreadableFile } from '../../core/consolidate/types';
import type { Lang } from '../../core/rules/finding';
import type { ReadOutcome } from '../../node/read-one';
import { parsePeriod, periodEndMonth, periodKey } from '../../core/period';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors';
import { parseLang } from '../lang';
import { writeJson } from '../format/json';

interface ConsolidateOpts {
  out: string;
  previous?: string;
  plan?: string;
  period?: string;
  json?: boolean;
  lang?: string;
  conflict: string;
  deadline?: string;
  feedback?: string;
  asReturn?: string;
}

export function register(program: Command): void {
  program
    .command('consolidate')
    .description('汇总各单位报表，生成全市汇总表 / consolidate returns into the city summary workbook')
    .argument('<dir|file...>', '报表目录（递归查找 .xlsx/.xlsm/.xls）或文件 / directories (searched recursively) or files')
    .requiredOption('-o, --out <file>', '（必填）汇总表输出路径（.xlsx）/ (required) summary workbook to write (.xlsx)')
    .option('--previous <dir>', '上期报表所在目录，用于累计指标检查 / directory of earlier returns, for cumulative checks')
    .option('-p, --plan <id|file>', '计划：内置编号、JSON 文件或规划工作簿 .xlsx（默认按报表元数据识别）/ plan: built-in id, JSON file or plan workbook (default: the most common among the returns)')
    .option('--period <period>', '填报期：2023、2023H1、2023Q3（默认按报表元数据识别）/ period (default: the most common among the returns)')
    .option('--json', '以 JSON 输出汇总结果 / print the consolidation as JSON')
    .option('--conflict <report|latest>', '同一单位多份报表：report 均不汇总并报告冲突，latest 取较新者 / two returns of one unit: report both, or keep the later', 'report')
    .option('--deadline <date>', '报送截止日期（如 2024-01-15），判断按时/逾期（默认取模板中的截止日期）/ deadline (2024-01-15) for on-time/late (default: the templates\' own)')
    .option('--feedback <dir>', '为有错误或未说明警告的单位写出退回修改单（标出问题单元格并附问题清单）/ write a correction workbook for each unit with errors or unexplained warnings')
    .option(
      '--as-return <unit>',
      '把下级单位（镇、街道）的报表汇总成该单位（区）自己的报表，写到 --out / make this unit\'s own return (a district\'s) from the returns of the units below it, written to --out',
    )
    .option('--lang <zh|en>', '输出语言 / output language')
    .addHelpText(
      'after',
      [
        '',
        '退出码 / exit codes: 0 全部接收且无错误 / all accepted, no errors；1 已生成汇总表，但有报表被拒收、冲突或有错误 / summary written, but some return rejected, in conflict or with errors；2 用法错误、无可汇总的报表或无法写出汇总表（不写出汇总表）/ bad usage, nothing to consolidate, or the summary cannot be written (no summary written)',
        '',
        '示例 / examples:',
        '  plansheet consolidate returns/ --out 2023汇总.xlsx',
        '  plansheet consolidate returns/ --out summary.xlsx --period 2023 --conflict latest',
        '  plansheet consolidate returns/ --out summary.xlsx --json > summary.json',
        '  plansheet consolidate 2023/ --out 2023汇总.xlsx --previous 2022/ --deadline 2024-01-15 --feedback 退回/',
        '  plansheet consolidate 张家港各镇/ --as-return 320582 --out 2023_320582_张家港市.xlsx',
      ].join('\n'),
    )
    .action(async (inputs: string[], opts: ConsolidateOpts) => {
      process.exitCode = await runConsolidate(inputs, opts);
    });
}

/** The most common value; ties go to `better`. */
function mostCommon<T>(values: T[], key: (v: T) => string, better: (a: T, b: T) => boolean): T | undefined {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  let best: { v: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && better(c.v, best.v))) best = c;
  return best?.v;
}

/** Both paths name one existing file (a link, another spelling). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function checkOut(out: string, inputs: string[]): string {
  if (!/\.xlsx$/i.test(out))
    throw new UsageError(`输出文件应以 .xlsx 结尾：${out}`, `the output file must end in .xlsx: ${out}`);
  const abs = path.resolve(out);
  if (inputs.some((i) => path.resolve(i) === abs || sameFile(i, abs)))
    throw new UsageError(`输出文件 ${out} 同时是输入文件，不能覆盖输入`, `the output ${out} is also an input; inputs are never overwritten`);
  if (fs.existsSync(abs) && fs.statSync(abs).isDirectory())
    throw new UsageError(`输出路径 ${out} 是一个目录`, `the output path ${out} is a directory`);
  return abs;
}

/** At most this many files are named when none of them tells the plan. */
const MAX_NAMED = 10;

/**
 * Why no input told the plan, file by file: those that could not be read
 * (the reader's own sentence names the file) and workbooks that are not
 * PlanSheet returns. Empty when some return has a plan id.
 */
function whyNoPlan(read: readonly ReadOutcome[], lang: Lang): string {
  const lines = read.flatMap((r) => {
    if (!r.ok) return [r.message];
    if (r.ret.meta?.planId) return [];
    return [lang === 'en' ? `${r.file}: not a PlanSheet return (no plan in its metadata)` : `${r.file}：不是 PlanSheet 填报表（元数据中没有计划编号）`];
  });
  const more = lines.length - MAX_NAMED;
  const shown = lines.slice(0, MAX_NAMED).map((l) => `  ${l}`);
  if (more > 0) shown.push(lang === 'en' ? `  … and ${more} more` : `  ……另有 ${more} 个`);
  return shown.length ? `\n${shown.join('\n')}` : '';
}

function choosePlan(forced: Plan | null, rets: ParsedReturn[], plans: Plan[], read: readonly ReadOutcome[], lang: Lang): Plan {
  if (forced) return forced;
  const known = rets.filter((r) => r.meta && plans.some((p) => p.id === r.meta!.planId));
  const id = mostCommon(known.map((r) => r.meta!.planId), (x) => x, (a, b) => a < b);
  if (!id) {
    const ids = [...new Set(rets.map((r) => r.meta?.planId).filter(Boolean))];
    if (ids.length)
      throw new UsageError(
        `报表所属计划（${ids.join('、')}）不是内置计划，请用 --plan 指定计划文件`,
        `the returns' plans (${ids.join(', ')}) are not built in; name the plan file with --plan`,
      );
    throw new UsageError(
      `在 ${read.length} 个文件中没有能识别所属计划的 PlanSheet 填报表，请检查输入，或用 --plan 指定计划`,
      `no PlanSheet return whose plan can be identified among ${read.length} file(s); check the inputs, or name the plan with --plan${whyNoPlan(read, lang)}`,
    );
  }
  return plans.find((p) => p.id === id)!;
}

function checkPeriodText(text: string): string {
  const p = parsePeriod(text);
  if (!p)
    throw new UsageError(`填报期“${text}”格式不正确，应为 2023、2023H1 或 2023Q3`, `malformed period "${text}": use 2023, 2023H1 or 2023Q3`);
  return periodKey(p);
}

function choosePeriod(text: string | undefined, plan: Plan, rets: ParsedReturn[]): string {
  if (text !== undefined) return checkPeriodText(text);
  const periods = rets
    .filter((r) => r.meta?.planId === plan.id)
    .map((r) => parsePeriod(r.meta!.period ?? ''))
    .filter((p): p is NonNullable<typeof p> => !!p);
  const best = mostCommon(periods, periodKey, (a, b) => periodEndMonth(a) > periodEndMonth(b));
  return best ? periodKey(best) : String(plan.years[plan.years.length - 1]);
}

/**
 * The engine words an unreadable file as "文件无法读取：<message>", but the
 * reader's message already names the file and says why it cannot be read
 * ("文件 x.xlsx：已损坏或不完整…"); the prefix only doubled it. The reader's
 * sentence is shown alone, in the overview, the workbook and --json.
 */
function useReaderMessages(result: Consolidation, read: { file: string; ok: boolean; rule?: string; message?: string }[]): void {
  const own = new Map<string, { rule?: string; message: string }>();
  for (const r of read) if (!r.ok && r.message) own.set(r.file, { rule: r.rule, message: r.message });
  for (const r of result.returns) {
    const m = r.status === 'rejected' && r.unit === null ? own.get(r.file) : undefined;
    if (m) r.reason = m.message;
  }
  for (const f of result.findings) {
    const m = own.get(f.file);
    if (m && f.rule === m.rule) f.message = m.message;
  }
}

/** On Ctrl-C during the write, remove our temp file so nothing half-written is left. */
function cleanupOnSignal(outAbs: string): () => void {
  const dir = path.dirname(outAbs);
  const prefix = `.${path.basename(outAbs)}.${process.pid}.`;
  const handler = (signal: NodeJS.Signals) => {
    try {
      for (const f of fs.readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
    } catch {
      // best effort: the temp name is hidden and never matches *.xlsx anyway
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  };
}

export async function runConsolidate(inputs: string[], opts: ConsolidateOpts): Promise<number> {
  const lang = parseLang(opts.lang);
  if (opts.conflict !== 'report' && opts.conflict !== 'latest')
    throw new UsageError(`--conflict 的值“${opts.conflict}”无效，可选：report、latest`, `invalid --conflict "${opts.conflict}": use report or latest`);
  const outAbs = checkOut(opts.out, inputs);
  const { loadPlanArg } = await import('../../node/plan-source');
  const forced = opts.plan ? loadPlanArg(opts.plan) : null;
  if (opts.period !== undefined) checkPeriodText(opts.period);
  const { checkDeadline, checkFeedbackDir } = await import('../feedback-args');
  if (opts.deadline !== undefined) checkDeadline(opts.deadline);
  const feedbackDir = opts.feedback !== undefined ? checkFeedbackDir(opts.feedback, inputs) : null;
  // Only an earlier summary is ever replaced: a return, a file that cannot be
  // read (it may be a return) or any other workbook is refused, before anything is read.
  const { checkSummaryTarget } = await import('../overwrite');
  const asRet = opts.asReturn !== undefined ? await import('./as-return') : null;
  if (asRet) asRet.checkAsReturnTarget(outAbs, opts.out);
  else await checkSummaryTarget(outAbs, lang);

  const { collectInputs, readInputs, readPrevious, usageErrorFor } = await import('../inputs');
  const { files, problems, skipped } = collectInputs(inputs, { directories: true, exclude: [outAbs], lang });
  if (problems.length) throw usageErrorFor(problems);
  if (!files.length)
    throw new UsageError(
      `在 ${inputs.join('、')} 中没有找到报表文件（.xlsx/.xlsm/.xls）`,
      `no return files (.xlsx/.xlsm/.xls) found in ${inputs.join(', ')}`,
    );

  // Thousands of returns: keep the heap near what is live (src/node/heap.ts).
  (await import('../../node/heap')).favourMemoryOverHeapGrowth();
  const previous = await readPrevious(opts.previous, lang, process.stderr);
  const { createProgress } = await import('../../node/progress');
  const progress = createProgress(files.length);
  const read = await readInputs(files, lang, (f) => progress.tick(path.basename(f)));
  progress.done();

  const rets = read.filter((r): r is Extract<typeof r, { ok: true }> => r.ok).map((r) => r.ret);
  const { builtinPlans } = await import('../../core/plan/builtin');
  const plan = choosePlan(forced, rets, builtinPlans(), read, lang);
  const period = choosePeriod(opts.period, plan, rets);
  const asUnit = asRet ? asRet.asReturnUnit(plan, opts.asReturn!) : null;

  const { consolidate } = await import('../../core/engine');
  const all: (ParsedReturn | UnreadableFile)[] = read.map((r) => (r.ok ? r.ret : { file: r.file, message: r.message, rule: r.rule }));
  const result: Consolidation = consolidate(plan, period, all, { lang, previous, conflict: opts.conflict, deadline: opts.deadline });
  useReaderMessages(result, read);
  // Only the correction workbooks need the parsed returns again, and of them
  // only their remarks: the returns are let go here, before the summary is
  // written (a suspended async function keeps its locals alive, thousands of returns).
  const feedbackRets = feedbackDir ? (await import('../../xlsx/feedback/node')).feedbackReturns(rets) : [];
  for (const list of [rets, all, read, previous]) list.length = 0;

  // Correction workbooks (退回修改单), after the summary (or the district's return): one per unit with problems.
  const writeCorrections = async () => {
    if (!feedbackDir) return undefined;
    const { writeFeedback } = await import('../../xlsx/feedback/node');
    // Earlier rounds' workbooks stay (nothing is replaced): say so, or the office may forward a stale one.
    const before = fs.existsSync(feedbackDir) ? fs.readdirSync(feedbackDir).filter((f) => /\.xlsx$/i.test(f)).length : 0;
    const written = await writeFeedback(plan, result, feedbackRets, feedbackDir, lang, (n) => createProgress(n));
    if (!opts.json)
      process.stderr.write(
        lang === 'en' ? `${written.length} correction workbook(s) written to ${opts.feedback}\n` : `已写出退回修改单 ${written.length} 份：${opts.feedback}\n`,
      );
    if (before)
      process.stderr.write(
        lang === 'en'
          ? `note: ${before} workbook(s) already in ${opts.feedback} were left as they were (new ones take a numbered name when a name is taken); move them away before forwarding\n`
          : `注意：${opts.feedback} 中原有 ${before} 个工作簿，均未改动（重名时新文件名后加序号），转发前请移走旧文件\n`,
      );
    return written;
  };

  if (asRet && asUnit) {
    const { version_ } = await import('../main');
    const written = await asRet.writeAsReturn(plan, period, result, asUnit, outAbs, lang, `plansheet ${version_()}`);
    const feedback = await writeCorrections();
    if (opts.json) await writeJson(process.stdout, { ...result, skipped, ...(feedback ? { feedback } : {}) });
    else process.stdout.write(asRet.renderAsReturn(plan, asUnit, opts.out, written, result, lang));
    const bad = result.returns.some((r) => r.status !== 'accepted') || result.findings.some((f) => f.severity === 'error');
    return bad ? EXIT_FAILURE : EXIT_OK;
  }

  const { writeSummaryWorkbook } = await import('../../xlsx/summary');
  const { writeFileAtomic } = await import('../../node/atomic');
  const { version_ } = await import('../main');
  const { NODE_ZIP_CODEC } = await import('../../node/codec');
  const bytes = await writeSummaryWorkbook(plan, result, { creator: `plansheet ${version_()}`, zipCodec: NODE_ZIP_CODEC });
  const release = cleanupOnSignal(outAbs);
  try {
    await writeFileAtomic(outAbs, bytes);
  } catch (e) {
    const { fsReason } = await import('../../node/fs-errors');
    throw new UsageError(
      `无法写入汇总表 ${opts.out}：${fsReason(e, 'zh')}。没有写入汇总表，也没有留下写了一半的文件；原有文件（如有）未被改动。`,
      `cannot write the summary ${opts.out}: ${fsReason(e, 'en')}. No summary was written and no half-written file is left; an existing file (if any) is unchanged.`,
    );
  } finally {
    release();
  }

  const feedback = await writeCorrections();
  // `skipped` (files in the directories that are not workbooks) and
  // `feedback` are the CLI's own additions to the documented Consolidation shape (docs/json.md).
  if (opts.json) await writeJson(process.stdout, { ...result, skipped, ...(feedback ? { feedback } : {}) });
  else {
    const { renderOverview } = await import('../format/overview');
    const { paintFor } = await import('../format/color');
    process.stdout.write(renderOverview(plan, result, opts.out, lang, paintFor(process.stdout), skipped));
  }

  const troubled =
    result.returns.some((r) => r.status !== 'accepted') || result.findings.some((f) => f.severity === 'error');
  return troubled ? EXIT_FAILURE : EXIT_OK;
}
