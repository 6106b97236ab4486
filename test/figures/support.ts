/**
 * Real returns for the figure tests: blank workbooks from `plansheet
 * generate`, filled by openpyxl (good values everywhere, then the case's own
 * values and number formats), consolidated by the real CLI with --json.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan } from '../../src/core/plan/builtin';
import type { Plan } from '../../src/core/plan/types';
import type { Consolidation, IndicatorSummary } from '../../src/core/consolidate/types';
import { cli, generateBlanks, goodValue } from '../cli-validate/returns';
import { fillReturn as edit, type FillOp } from '../fixtures/make-returns';

export interface UnitSpec {
  /** Indicator code → value (number, typed text, or null for blank). */
  values?: Record<string, number | string | null>;
  /** Indicator code → number format of its value cell ("0%"). */
  formats?: Record<string, string>;
}

const nameOf = (code: string) => `PSV_${code.replace(/-/g, '_')}`;

/** A plan's returns for one period, filled by openpyxl into a fresh folder. */
export class Returns {
  readonly plan: Plan;
  readonly root: string;
  readonly dir: string;
  private readonly blanks: Map<string, string>;

  constructor(
    readonly planId: string,
    readonly year: string,
  ) {
    this.plan = builtinPlan(planId)!;
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-figures-'));
    this.dir = path.join(this.root, 'returns');
    fs.mkdirSync(this.dir);
    this.blanks = generateBlanks(planId, year, path.join(this.root, 'blank'));
  }

  units(kind: 'district' | 'department'): string[] {
    return this.plan.units.filter((u) => u.kind === kind && this.plan.indicators.some((i) => i.reporters.includes(u.code))).map((u) => u.code);
  }

  /** Fills the unit's template: a good value for every indicator, then `spec`. Returns the file. */
  fill(unit: string, spec: UnitSpec = {}, dir = this.dir): string {
    const values: Record<string, number | string | null> = {};
    for (const ind of this.plan.indicators) if (ind.reporters.includes(unit)) values[ind.code] = goodValue(ind, this.year);
    // The case's values, for the indicators this unit reports (others have no cell).
    for (const [code, v] of Object.entries(spec.values ?? {})) if (code in values) values[code] = v;
    const ops: FillOp[] = [
      ...Object.entries(values).map(([code, value]) => ({ op: 'set', name: nameOf(code), value, ...(typeof value === 'string' ? { as: 's' } : {}) })),
      ...Object.entries(spec.formats ?? {}).filter(([code]) => code in values).map(([code, number_format]) => ({ op: 'format', name: nameOf(code), number_format })),
    ];
    const blank = this.blanks.get(unit);
    if (!blank) throw new Error(`no template for ${unit}`);
    fs.mkdirSync(dir, { recursive: true });
    const out = path.join(dir, path.basename(blank));
    edit(blank, out, ops);
    return out;
  }

  /** `plansheet consolidate <inputs> --out … --json`, parsed. */
  consolidate(inputs: string[] = [this.dir]): Consolidation {
    const out = path.join(this.root, `summary-${Math.random().toString(36).slice(2)}.xlsx`);
    const r = cli(['consolidate', ...inputs, '--out', out, '--json']);
    if (r.code !== 0 && r.code !== 1) throw new Error(`consolidate exited ${r.code}: ${r.stderr}`);
    expect(fs.existsSync(out)).toBe(true);
    return JSON.parse(r.stdout) as Consolidation;
  }

  cleanup(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export function indicator(c: Consolidation, code: string): IndicatorSummary {
  const i = c.indicators.find((x) => x.code === code);
  if (!i) throw new Error(`no indicator ${code}`);
  return i;
}

/** The findings of one unit about one indicator, as "severity:rule". */
export function findingsOf(c: Consolidation, unit: string, code: string): string[] {
  return c.findings.filter((f) => f.unit === unit && f.code === code).map((f) => `${f.severity}:${f.rule}`);
}
