/** Running the CLI and the openpyxl editor for the plan workbook tests. */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT, runPython, runPythonJson } from '../support/python';

const BIN = path.join(REPO_ROOT, 'bin', 'plansheet.js');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export type Edit =
  | { op: 'set'; sheet: string; where: Record<string, string>; column: string; value: string | number | null }
  | { op: 'append'; sheet: string; values: Record<string, string | number> }
  | { op: 'drop'; sheet: string };

/** Edits a plan workbook with openpyxl; returns the cell each edit wrote ("指标 Indicators!K3"). */
export function editPlan(src: string, dst: string, edits: Edit[]): string[] {
  const out = runPythonJson<{ cells: { sheet: string; cell: string }[] }>('test/planwb/py/edit_plan.py', [src, dst], { input: JSON.stringify(edits) });
  return out.cells.map((c) => `${c.sheet}!${c.cell}`);
}

