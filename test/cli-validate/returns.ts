/**
 * Real returns for the CLI tests: blank workbooks made by `plansheet
 * generate`, filled by openpyxl with values that meet each target (so a
 * clean return has no errors), with single values blanked or replaced where a
 * test wants a problem.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Indicator, Plan } from '../../src/core/plan/types';
import { plausibleLimits } from '../../src/core/rules/limits';
import { REPO_ROOT } from '../support/python';
import { fillReturn as fillWithOps, type FillOp } from '../fixtures/make-returns';

const MAIN = path.join(REPO_ROOT, 'src/cli/main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process. */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const res = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', MAIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: path.join(REPO_ROOT, 'tsconfig.json'), NO_COLOR: '1', ...opts.env },
  });
  if (res.error) throw res.error;
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

/** A value that meets the indicator's target for the year (or a plain one). */
export function goodValue(ind: Indicator, year: string): number | string {
  if (ind.kind === 'text') return '已完成';
  const t = ind.targets[year];
  const whole = (n: number) => (ind.kind === 'count' ? Math.ceil(n) : Math.round(n * 100) / 100);
  let v: number;
  if (!t || t.op === 'none' || t.op === 'text') v = ind.kind === 'percent' ? 50 : 10;
  else if (t.op === 'ge') v = ind.kind === 'percent' ? Math.max(t.value, Math.min(100, t.value * 1.05)) : t.value * 1.2;
  else if (t.op === 'le') v = t.value * 0.9;
  else if (t.op === 'eq') v = t.value;
  else if (t.op === 'range') v = (t.min + t.max) / 2;
  else v = 10;
  // A plain value is also a plausible one (a PUE is not 10).
  const limits = plausibleLimits(ind);
  if (limits) v = Math.min(Math.max(v, limits.min), limits.max);
  return whole(v);
}

export interface FillSpec {
  values?: Record<string, number | string | null>;
  remarks?: Record<string, string>;
  reporter?: { contact?: string; phone?: string; date?: string; unit?: string };
}

/**
 * Fills `blank` into `out` with the shared openpyxl filler (test/fixtures):
 * every indicator the unit reports gets a good value, then `spec` overrides.
 * Remarks and reporter cells are typed as text, as a clerk would.
 */
export function fillReturn(plan: Plan, blank: string, out: string, unit: string, year: string, spec: FillSpec = {}): void {
  const values: Record<string, number | string | null> = {};
  for (const ind of plan.indicators) if (ind.reporters.includes(unit)) values[ind.code] = goodValue(ind, year);
  Object.assign(values, spec.values ?? {});
  const name = (prefix: string, code: string) => `${prefix}_${code.replace(/-/g, '_')}`;
  const ops: FillOp[] = [
    ...Object.entries(values).map(([code, value]) => ({ op: 'set', name: name('PSV', code), value })),
    ...Object.entries(spec.remarks ?? {}).map(([code, value]) => ({ op: 'set', name: name('PSR', code), value, as: 's' })),
    ...Object.entries(spec.reporter ?? {}).map(([key, value]) => ({ op: 'set', name: `PS_REPORT_${key.toUpperCase()}`, value, as: 's' })),
  ];
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fillWithOps(blank, out, ops);
}

/** Generates blank templates for a plan and period into `dir`; returns unit code → file. */
export function generateBlanks(planId: string, period: string, dir: string): Map<string, string> {
  const r = cli(['generate', '--plan', planId, '--period', period, '--out', dir]);
  if (r.code !== 0) throw new Error(`generate failed (${r.code}): ${r.stderr}`);
  const map = new Map<string, string>();
  for (const f of fs.readdirSync(dir)) {
    const m = /^[^_]+_([^_]+)_.*\.xlsx$/.exec(f);
    if (m) map.set(m[1], path.join(dir, f));
  }
  return map;
}
