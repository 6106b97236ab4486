/**
 * Runs the project's own conformance checker (test/ooxml/xlsx_check.py:
 * ECMA-376 schemas vendored in test/ooxml/schemas, plus Excel's limits) from
 * jest, on one or many workbooks in one Python run.
 */

import { spawnSync } from 'child_process';
import * as path from 'path';
import { PYTHON } from '../support/python';

export const CHECKER = path.join(__dirname, 'xlsx_check.py');
export const CRAFT = path.join(__dirname, 'craft_package.py');

export interface CheckFinding {
  part: string;
  level: 'ERROR' | 'WARN';
  check: string;
  where: string | null;
  message: string;
}

export interface CheckResult {
  /** 0 clean, 1 some ERROR. */
  code: number;
  /** File → its findings. */
  files: Record<string, CheckFinding[]>;
}

export function checkXlsx(files: string[]): CheckResult {
  const res = spawnSync(PYTHON, [CHECKER, '--json', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  if (res.error) throw res.error;
  if (res.status !== 0 && res.status !== 1) throw new Error(`xlsx_check.py exited ${res.status}:\n${res.stderr}`);
  return { code: res.status, files: JSON.parse(res.stdout) as Record<string, CheckFinding[]> };
}

/** Only the ERROR findings, as readable lines (empty when clean). */
export function errorLines(r: CheckResult): string[] {
  return Object.entries(r.files).flatMap(([f, list]) =>
    list.filter((x) => x.level === 'ERROR').map((x) => `${path.basename(f)} | ${x.part} | ${x.check} | ${x.where ?? ''} | ${x.message}`),
  );
}
