/**
 * CLI errors and exit codes. Messages are bilingual, Chinese first:
 * "中文说明\nEnglish explanation".
 *
 * Exit codes: 0 success, 1 unexpected failure, 2 bad input (usage, unknown
 * plan/period/unit, invalid plan file). Commands that validate returns may
 * add their own codes (documented in docs/cli.md).
 */

import { PlanError } from '../core/plan/load';
import { PlanNotFoundError } from '../node/plan-source';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Bad input from the user: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE;
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.name = 'UsageError';
  }
}

/** Prints an error the way users should see it and returns the exit code. */
export function reportError(e: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (e instanceof UsageError || e instanceof PlanNotFoundError) {
    stderr.write(`错误 / error: ${e.message}\n`);
    return EXIT_USAGE;
  }
  if (e instanceof PlanError) {
    stderr.write(`错误 / error: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const fsErr = e as NodeJS.ErrnoException;
  if (fsErr && typeof fsErr.code === 'string' && typeof fsErr.path === 'string') {
    // A file-system failure (no permission, disk full, path is a file): no stack trace.
    stderr.write(`错误 / error: 无法读写文件 ${fsErr.path}（${fsErr.code}）\ncannot read or write ${fsErr.path} (${fsErr.code}): ${fsErr.message}\n`);
    return EXIT_FAILURE;
  }
  const err = e as Error;
  stderr.write(`意外错误 / unexpected error: ${err?.stack ?? String(e)}\n`);
  return EXIT_FAILURE;
}
