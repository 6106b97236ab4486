/**
 * Writing the correction workbooks of a consolidation into a folder: one per
 * unit whose return has errors or unexplained warnings. Each is written
 * atomically; an existing file is never replaced (a numbered name is taken
 * instead); the returns themselves are only read.
 *
 * Linear at town scale: findings, returns and units are looked up by key,
 * each workbook is made from its return file, written, and let go before the
 * next one, and of the parsed returns only their remarks are kept
 * (feedbackReturns), so the returns can be released before the summary is written.
 */

import * as fs from 'fs';
import * as path from 'path';
import type { Plan } from '../../core/plan/types';
import { unitOf } from '../../core/plan/lookup';
import type { ParsedReturn } from '../../core/return/types';
import type { Consolidation } from '../../core/consolidate/types';
import type { Lang } from '../../core/rules/finding';
import { writeFileAtomic } from '../../node/atomic';
import { NODE_ZIP_CODEC } from '../../node/codec';
import { nodeInflater } from '../read/node';
import type { Progress } from '../../node/progress';
import { feedbackWorkbook } from './write';
import { problemsOf, type RemarksOf } from './problems';
import { groupBy } from '../../core/group-by';

export interface FeedbackFile {
  unit: string;
  /** The return it answers. */
  source: string;
  file: string;
  errors: number;
  warnings: number;
}

/** What the correction workbooks need of a parsed return: its file and its remarks. */
export interface FeedbackReturn extends RemarksOf {
  source: string;
}

/** The returns reduced to their remarks (most indicators have none), so the parsed returns can be let go. */
export function feedbackReturns(rets: readonly ParsedReturn[]): FeedbackReturn[] {
  return rets.map((r) => {
    const entries = new Map<string, { remark: string | null }>();
    for (const [code, e] of r.entries) if (e.remark) entries.set(code, { remark: e.remark });
    return { source: r.source, entries };
  });
}

const SUFFIX = { zh: '_退回修改', en: '_for-correction' } as const;

/** "<return name>_退回修改.xlsx", numbered when taken; a correction of a correction keeps one suffix. */
function targetName(dir: string, source: string, lang: Lang): string {
  const ext = path.extname(source) || '.xlsx';
  const stem = path.basename(source, ext).replace(/_(退回修改|for-correction)(\s*\(\d+\))?$/, '');
  for (let n = 1; ; n++) {
    const name = `${stem}${SUFFIX[lang]}${n > 1 ? ` (${n})` : ''}${ext}`;
    if (!fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
}

export async function writeFeedback(
  plan: Plan,
  result: Consolidation,
  rets: readonly FeedbackReturn[],
  dir: string,
  lang: Lang,
  progress?: (total: number) => Progress,
): Promise<FeedbackFile[]> {
  const retBySource = new Map<string, FeedbackReturn>();
  for (const r of rets) if (!retBySource.has(r.source)) retBySource.set(r.source, r);
  const findingsByFile = groupBy(result.findings, (f) => f.file);
  const todo = result.returns.filter((o) => o.status === 'accepted' && o.unit && retBySource.has(o.file));
  const bar = progress?.(todo.length);
  const written: FeedbackFile[] = [];
  try {
    for (const outcome of todo) {
      bar?.tick(path.basename(outcome.file));
      const problems = problemsOf(plan, retBySource.get(outcome.file)!, findingsByFile.get(outcome.file) ?? [], lang);
      if (!problems.length) continue;
      const code = outcome.unit!;
      const unit = unitOf(plan, code);
      const label = `${unit ? (lang === 'en' && unit.nameEn ? unit.nameEn : unit.name) : code}（${code}）`;
      const file = targetName(dir, outcome.file, lang);
      await writeFileAtomic(file, feedbackWorkbook(fs.readFileSync(outcome.file), problems, { unitLabel: label, lang, codec: NODE_ZIP_CODEC, inflater: nodeInflater }));
      const count = (severity: string) => problems.filter((p) => p.severity === severity).length;
      written.push({ unit: code, source: outcome.file, file, errors: count('error'), warnings: count('warning') });
    }
  } finally {
    bar?.done();
  }
  return written;
}
