/**
 * Writing the correction workbooks of a consolidation into a folder: one per
 * unit whose return has errors or unexplained warnings. Each is written
 * atomically; an existing file is never replaced (a numbered name is taken
 * instead); the returns themselves are only read.
 */

import * as fs from 'fs';
import * as path from 'path';
import type { Plan } from '../../core/plan/types';
import type { ParsedReturn } from '../../core/return/types';
import type { Consolidation } from '../../core/consolidate/types';
import type { Lang } from '../../core/rules/finding';
import { writeFileAtomic } from '../../node/atomic';
import { feedbackWorkbook } from './write';
import { problemsOf } from './problems';

export interface FeedbackFile {
  unit: string;
  /** The return it answers. */
  source: string;
  file: string;
  errors: number;
  warnings: number;
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

export async function writeFeedback(plan: Plan, result: Consolidation, rets: ParsedReturn[], dir: string, lang: Lang): Promise<FeedbackFile[]> {
  const written: FeedbackFile[] = [];
  for (const outcome of result.returns) {
    if (outcome.status !== 'accepted' || !outcome.unit) continue;
    const ret = rets.find((r) => r.source === outcome.file);
    if (!ret) continue;
    const findings = result.findings.filter((f) => f.file === outcome.file);
    const problems = problemsOf(plan, ret, findings, lang);
    if (!problems.length) continue;
    const unit = plan.units.find((u) => u.code === outcome.unit);
    const label = `${unit ? (lang === 'en' && unit.nameEn ? unit.nameEn : unit.name) : outcome.unit}（${outcome.unit}）`;
    const bytes = feedbackWorkbook(new Uint8Array(fs.readFileSync(outcome.file)), problems, { unitLabel: label, lang });
    const file = targetName(dir, outcome.file, lang);
    await writeFileAtomic(file, bytes);
    written.push({
      unit: outcome.unit,
      source: outcome.file,
      file,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    });
  }
  return written;
}
