/**
 * Finding and reading the returns named on the command line, for validate
 * and consolidate. One bad path or file never stops the others: every
 * problem becomes an entry the command reports.
 */

import * as fs from 'fs';
import * as path from 'path';
import type { ParsedReturn } from '../core/return/types';
import type { ReadOutcome } from '../node/read-one';
import type { Lang } from './lang';
import { t } from './lang';
import { UsageError } from './errors';
import { expandWildcard, hasWildcard } from './glob';
import { fsReason } from '../node/fs-errors';

/**
 * Files read from directories: workbooks, and the spreadsheet formats a
 * clerk may send instead (.xls, .et, .ods, .csv), which the reader refuses
 * with a sentence on how to save them as .xlsx.
 */
const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|et|ods|csv)$/i;

export interface InputProblem {
  file: string;
  rule: ProblemRule;
  message: string;
  /** Extra words for the message (the system's reason). */
  detail?: string;
}

export type ProblemRule = 'file.not-found' | 'file.no-match' | 'file.empty-directory' | 'file.is-directory' | 'file.not-readable';

/** Words for a problem with a path argument. */
export function describeProblem(rule: ProblemRule, file: string, lang: Lang, detail = ''): string {
  switch (rule) {
    case 'file.not-found':
      return t(lang, `文件或目录不存在：${file}`, `No such file or directory: ${file}`);
    case 'file.is-directory':
      return t(
        lang,
        `${file} 是目录，请指定填报表文件（如 ${path.join(file, '*.xlsx')}），或用 plansheet consolidate 处理整个目录`,
        `${file} is a directory: name the return files (e.g. ${path.join(file, '*.xlsx')}), or use plansheet consolidate for a whole directory`,
      );
    case 'file.no-match':
      return t(lang, `没有与 ${file} 匹配的文件`, `No file matches ${file}`);
    case 'file.empty-directory':
      return t(lang, `目录 ${file} 中没有 Excel 文件（.xlsx）`, `No Excel file (.xlsx) in the directory ${file}`);
    case 'file.not-readable':
      return t(lang, `无法读取目录 ${file}：${detail}`, `Cannot read directory ${file}: ${detail}`);
  }
}

/** Excel/WPS lock files (~$name.xlsx) and our own temp files (.name.tmp). */
function isScratch(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.');
}

/** Collects workbooks under `dir` into `out`, other files into `skipped`. */
function walk(dir: string, out: string[], skipped: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (isScratch(e.name)) continue;
    const p = path.join(dir, e.name);
    // Symbolic links to directories are not followed (no loops); linked files are read.
    if (e.isDirectory()) walk(p, out, skipped);
    else if ((e.isFile() || e.isSymbolicLink()) && WORKBOOK_EXT.test(e.name)) out.push(p);
    // Anything else (说明.txt, a PDF) is not a return, but the user should see it was passed over.
    else if (e.isFile() || e.isSymbolicLink()) skipped.push(p);
  }
}

export interface CollectOptions {
  /** Accept directories (read recursively); otherwise a directory is a problem. */
  directories: boolean;
  /** A directory without any workbook is reported (validate: the user named it to be checked). */
  emptyDirectoryIsProblem?: boolean;
  /** Absolute paths never to treat as inputs (the output file). */
  exclude?: string[];
  lang: Lang;
}

/**
 * Expands the arguments into files, in argument order, without duplicates:
 * directories are searched recursively, wildcards the shell left alone
 * (Windows) are expanded here, and one file reached by two paths (a link, a
 * folder linked twice, another spelling) is read once, by its device and
 * inode. `skipped` lists files found in directories that are not workbooks
 * (lock and temp files are left out silently). `order` lists files and
 * problem arguments together, in the order they were named.
 */
export function collectInputs(args: string[], opts: CollectOptions): { files: string[]; problems: InputProblem[]; skipped: string[]; order: string[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const skipped: string[] = [];
  const order: string[] = [];
  const seen = new Set<string>();
  const identity = (f: string): string => {
    try {
      const st = fs.statSync(f);
      // Some file systems (FAT, some network shares) report no inode: the real path then.
      return st.ino ? `${st.dev}:${st.ino}` : fs.realpathSync(f);
    } catch {
      return path.resolve(f);
    }
  };
  const excluded = new Set((opts.exclude ?? []).flatMap((p) => [path.resolve(p), identity(p)]));
  const add = (f: string) => {
    const key = identity(f);
    if (seen.has(key) || excluded.has(key) || excluded.has(path.resolve(f))) return;
    seen.add(key);
    files.push(f);
    order.push(f);
  };
  const problem = (file: string, rule: ProblemRule, detail?: string) => {
    problems.push({ file, rule, message: describeProblem(rule, file, opts.lang, detail), ...(detail !== undefined ? { detail } : {}) });
    order.push(file);
  };
  const expanded: { arg: string; paths: string[] }[] = args.map((arg) =>
    !fs.existsSync(arg) && hasWildcard(arg) ? { arg, paths: expandWildcard(arg) } : { arg, paths: [arg] },
  );
  for (const { arg, paths } of expanded) {
    if (paths.length === 0) {
      problem(arg, 'file.no-match');
      continue;
    }
    for (const p of paths) {
      let st: fs.Stats;
      try {
        st = fs.statSync(p);
      } catch {
        problem(p, 'file.not-found');
        continue;
      }
      if (st.isDirectory()) {
        if (!opts.directories) {
          problem(p, 'file.is-directory');
          continue;
        }
        const found: string[] = [];
        try {
          walk(p, found, skipped);
        } catch (e) {
          problem(p, 'file.not-readable', fsReason(e, opts.lang));
          continue;
        }
        if (!found.length && opts.emptyDirectoryIsProblem) problem(p, 'file.empty-directory');
        found.forEach(add);
      } else add(p);
    }
  }
  return { files, problems, skipped, order };
}

export type { ReadOutcome } from '../node/read-one';

/**
 * Reads each file with the Node reader; never throws for a bad file. Many
 * files are read on worker threads (read-pool.ts), a few on this one; the
 * outcomes are the same either way, in the order of `files`.
 */
export async function readInputs(files: string[], lang: Lang, onFile?: (file: string) => void): Promise<ReadOutcome[]> {
  const { readWorkerCount, readInWorkers } = await import('../node/read-pool');
  const threads = readWorkerCount(files.length);
  if (threads > 0) return readInWorkers(files, lang, threads, onFile);
  const { readOne, keptOutcome } = await import('../node/read-one');
  const out: ReadOutcome[] = [];
  for (const file of files) {
    out.push(keptOutcome(await readOne(file, lang)));
    onFile?.(file);
  }
  return out;
}

/** Returns of earlier periods for the cumulative rules (unreadable ones are skipped with a note). */
export async function readPrevious(dir: string | undefined, lang: Lang, stderr: NodeJS.WritableStream): Promise<ParsedReturn[]> {
  if (!dir) return [];
  const { files, problems } = collectInputs([dir], { directories: true, lang });
  // A mistyped --previous would silently switch the cumulative checks off.
  if (problems.length) throw usageErrorFor(problems, '--previous：', '--previous: ');
  const read = await readInputs(files, lang);
  for (const r of read)
    if (!r.ok) stderr.write(`${t(lang, '提示', 'note')}: --previous ${t(lang, '跳过', 'skipped')}: ${r.message}\n`);
  return read.filter((r): r is Extract<ReadOutcome, { ok: true }> => r.ok).map((r) => r.ret);
}

/** One usage error, Chinese then English, for problems with path arguments. */
export function usageErrorFor(problems: InputProblem[], zhPrefix = '', enPrefix = ''): UsageError {
  const words = (lang: Lang) => problems.map((p) => describeProblem(p.rule, p.file, lang, p.detail)).join('\n');
  return new UsageError(zhPrefix + words('zh'), enPrefix + words('en'));
}
