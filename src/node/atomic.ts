/**
 * Atomic file output: write to a temp file in the same directory, then rename
 * over the target. A reader (or a crash) never sees a half-written workbook,
 * and an existing file is only replaced once the new one is complete.
 */

import * as fs from 'fs';
import * as path from 'path';

let counter = 0;

/** Writes `data` to `file` atomically; creates the parent directory. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  await fs.promises.mkdir(dir, { recursive: true });
  // A dot-prefixed name keeps the temp file out of "*.xlsx" globs.
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++counter}.tmp`);
  try {
    await fs.promises.writeFile(tmp, data);
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
}
