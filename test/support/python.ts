/**
 * Running independent readers written in Python (openpyxl) from jest tests.
 *
 * Always /usr/bin/python3: the `python3` on PATH may be a pyenv build without
 * openpyxl. A script prints one JSON document on stdout; runPythonJson parses
 * it. A non-zero exit fails with the script's stderr, so the test shows why.
 *
 *   const report = runPythonJson<Report>('test/generate/py/inspect_template.py', [file]);
 */

import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';

export const PYTHON = '/usr/bin/python3';

/** Repository root, for script paths given relative to it. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Runs a Python script (path relative to the repo root, or absolute) and returns stdout. */
export function runPython(script: string, args: string[] = [], opts: { input?: string; timeoutMs?: number } = {}): string {
  const file = path.isAbsolute(script) ? script : path.join(REPO_ROOT, script);
  const res = spawnSync(PYTHON, [file, ...args], {
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
  });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${path.basename(file)} exited ${res.status}:\n${res.stderr}`);
  return res.stdout;
}

/** Runs a Python script and parses its stdout as JSON. */
export function runPythonJson<T = unknown>(script: string, args: string[] = [], opts: { input?: string; timeoutMs?: number } = {}): T {
  const out = runPython(script, args, opts);
  try {
    return JSON.parse(out) as T;
  } catch {
    throw new Error(`${script} did not print JSON:\n${out.slice(0, 2000)}`);
  }
}

/** True when /usr/bin/python3 can import the module (e.g. "openpyxl"). */
export function pythonHas(module: string): boolean {
  try {
    execFileSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
