/** Checks of `consolidate --deadline` and `--feedback`, before anything is read. */

import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './errors';
import { parseDay } from '../core/consolidate/timeliness';

export function checkDeadline(text: string): void {
  if (!/^\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}\s*$/.test(text) || parseDay(text) === null)
    throw new UsageError(`报送截止日期“${text}”格式不正确，应为 2024-01-15`, `malformed deadline "${text}": use a date like 2024-01-15`);
}

/**
 * The folder for correction workbooks: not a file, and not inside a folder
 * of returns (the next consolidation would read the copies as returns).
 */
export function checkFeedbackDir(dir: string, inputs: string[]): string {
  const abs = path.resolve(dir);
  if (fs.existsSync(abs) && !fs.statSync(abs).isDirectory())
    throw new UsageError(`--feedback 应为文件夹，${dir} 是一个文件`, `--feedback must name a folder; ${dir} is a file`);
  for (const input of inputs) {
    const src = path.resolve(input);
    if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) continue;
    const rel = path.relative(src, abs);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
      throw new UsageError(
        `退回修改单文件夹 ${dir} 位于报表文件夹 ${input} 之内，下次汇总会把它们当作报表读入；请换一个文件夹`,
        `the correction folder ${dir} is inside the returns folder ${input}, where the next consolidation would read them as returns; choose another folder`,
      );
  }
  return abs;
}
