/**
 * LibreOffice as an independent spreadsheet engine: a generated workbook
 * converts without error, and once filled (by openpyxl, through the defined
 * names) and recalculated, the status column says 达标 / 未达标 / 未填 / 无目标
 * exactly as the plan's own target evaluation (evaluateTarget) says.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan, DEFAULT_PLAN_ID } from '../../src/core/plan/builtin';
import { evaluateTarget } from '../../src/core/plan/target';
import type { Indicator, Plan, Target } from '../../src/core/plan/types';
import { targetKey, type Period } from '../../src/core/period';
import { ENTRY_COLUMNS as C, ENTRY_FIRST_DATA_ROW, SHEETS, STATUS, valueName } from '../../src/core/template/layout';
import { writeTemplate } from '../../src/xlsx/write/template';
import { indicatorsFor, reportingUnits } from '../../src/xlsx/write/units';
import { convertWithLibreOffice, readSheetCsv } from '../support/libreoffice';
import { runPythonJson } from '../support/python';
import { testPlan } from './test-plan';
import { entryTarget, type EntryTarget } from '../../src/core/template/entry-target';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-gen-lo-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const colIndex = (col: string) => col.charCodeAt(0) - 65;

/** The status the plan's own rules give for a filled value (null = blank). */
function expectedStatus(ind: Indicator, e: EntryTarget, value: number | string | null): string {
  if (ind.kind === 'text') return value !== null && String(value).trim() ? STATUS.qualitative : STATUS.blank;
  if (typeof value !== 'number') return STATUS.blank;
  if (e.judgement === 'none') return STATUS.filled;
  const ev = evaluateTarget(e.target, value, ind.tolerance);
  if (!ev) return STATUS.noTarget;
  return ev.met ? STATUS.met : e.judgement === 'met-only' ? STATUS.filled : STATUS.missed;
}

/** A value that meets the target, one that misses it (null where no number can miss). */
function metAndMissed(ind: Indicator, t: Target | undefined): { met: number | string; missed: number | null } {
  if (ind.kind === 'text') return { met: '平台已建成并投入运行', missed: null };
  const whole = ind.kind === 'count';
  switch (t?.op) {
    case 'ge':
      return { met: t.value, missed: whole ? Math.ceil(t.value) - 1 : t.value - 0.5 };
    case 'le':
      return { met: t.value, missed: t.value + 1 };
    case 'eq':
      return { met: t.value, missed: t.value + 1 };
    case 'range':
      return { met: t.max, missed: t.max + 1 };
    default:
      return { met: 7, missed: null };
  }
}

async function writeFile(plan: Plan, period: Period, unit: string, name: string): Promise<string> {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, await writeTemplate(plan, period, unit));
  return file;
}

/** Stored row heights of a sheet (points), as openpyxl reads them. */
function rowHeights(file: string, sheet: string): Record<string, number> {
  const r = runPythonJson<{ sheets: { name: string; rowHeights: Record<string, number> }[] }>('test/generate/py/inspect_template.py', [file]);
  return r.sheets.find((s) => s.name === sheet)!.rowHeights;
}

function fill(src: string, dst: string, values: Record<string, number | string | null>): void {
  runPythonJson('test/generate/py/fill_values.py', [src, dst], { input: JSON.stringify(values) });
}

/** Status words LibreOffice computed, by indicator code. */
function statuses(outDir: string, file: string): Map<string, string> {
  const rows = readSheetCsv(outDir, file, SHEETS.entry);
  const out = new Map<string, string>();
  for (const row of rows.slice(ENTRY_FIRST_DATA_ROW - 1)) {
    if (row[colIndex(C.code)]) out.set(row[colIndex(C.code)], row[colIndex(C.status)]);
  }
  return out;
}

test('a generated workbook converts to ODS and XLSX without error', async () => {
  const plan = builtinPlan(DEFAULT_PLAN_ID)!;
  const unit = reportingUnits(plan)[0];
  const file = await writeFile(plan, { kind: 'year', year: plan.years[plan.years.length - 1] }, unit.code, 'convert.xlsx');
  for (const fmt of ['ods', 'xlsx'] as const) {
    const outDir = path.join(tmp, `convert-${fmt}`);
    const res = await convertWithLibreOffice(file, fmt, outDir);
    expect(res.outputs).toHaveLength(1);
    expect(fs.statSync(res.outputs[0]).size).toBeGreaterThan(1000);
    expect(res.stderr).not.toMatch(/error/i);
    if (fmt === 'xlsx') {
      // LibreOffice prints with the stored row heights (it does not grow rows
      // to wrapped text): they survive its import, one line or more per row,
      // and the rows of long category/indicator names are several lines tall.
      const ours = rowHeights(file, SHEETS.entry);
      const theirs = rowHeights(res.outputs[0], SHEETS.entry);
      const inds = indicatorsFor(plan, unit.code);
      inds.forEach((ind, i) => {
        const row = String(ENTRY_FIRST_DATA_ROW + i);
        expect({ code: ind.code, h: theirs[row] }).toEqual({ code: ind.code, h: expect.any(Number) });
        expect(Math.abs(theirs[row] - ours[row])).toBeLessThanOrEqual(1);
        expect(theirs[row]).toBeGreaterThanOrEqual(17.5);
      });
      expect(Math.max(...inds.map((_, i) => theirs[String(ENTRY_FIRST_DATA_ROW + i)]))).toBeGreaterThanOrEqual(40);
    }
  }
});

test('test plan: status column is recomputed correctly for ge/le/eq/range/percent/text/none/missing targets', async () => {
  const plan = testPlan();
  const period: Period = { kind: 'year', year: 2023 };
  const unit = '320582';
  const inds = indicatorsFor(plan, unit);
  const tk = targetKey(period);
  const blank = await writeFile(plan, period, unit, 'ops-blank.xlsx');

  // Three returns: everything met, everything missed (or text), everything blank/odd.
  const scenarios: Record<string, Record<string, number | string | null>> = { met: {}, missed: {}, empty: {} };
  inds.forEach((ind, i) => {
    const t = ind.targets[tk];
    const { met, missed } = metAndMissed(ind, t);
    scenarios.met[valueName(ind.code)] = met;
    scenarios.missed[valueName(ind.code)] = missed ?? 12.5;
    // Alternate blank and text-that-is-not-a-number: neither is a return.
    scenarios.empty[valueName(ind.code)] = i % 2 ? null : '待统计';
  });
  const files = Object.entries(scenarios).map(([name, values]) => {
    const dst = path.join(tmp, `ops-${name}.xlsx`);
    fill(blank, dst, values);
    return dst;
  });
  const outDir = path.join(tmp, 'ops-csv');
  await convertWithLibreOffice(files, 'csv', outDir, { csvAllSheets: true });

  const seen = new Set<string>();
  Object.entries(scenarios).forEach(([name, values], k) => {
    const got = statuses(outDir, files[k]);
    expect([...got.keys()]).toEqual(inds.map((i) => i.code));
    for (const ind of inds) {
      const v = values[valueName(ind.code)];
      const want = expectedStatus(ind, entryTarget(ind, period, unit), v);
      seen.add(want);
      expect({ scenario: name, code: ind.code, value: v, status: got.get(ind.code) }).toEqual({
        scenario: name,
        code: ind.code,
        value: v,
        status: want,
      });
    }
  });
  // The scenarios exercised every status word.
  expect([...seen].sort()).toEqual(Object.values(STATUS).sort());
});

test('built-in default plan: statuses for a met, a missed and a blank return of one unit', async () => {
  const plan = builtinPlan(DEFAULT_PLAN_ID)!;
  const period: Period = { kind: 'year', year: plan.years[plan.years.length - 1] };
  const unit = reportingUnits(plan).reduce((a, b) => (indicatorsFor(plan, b.code).length > indicatorsFor(plan, a.code).length ? b : a));
  const inds = indicatorsFor(plan, unit.code);
  const tk = targetKey(period);
  const blank = await writeFile(plan, period, unit.code, 'default-blank.xlsx');
  const values: Record<string, number | string | null> = {};
  inds.forEach((ind, i) => {
    const { met, missed } = metAndMissed(ind, ind.targets[tk]);
    values[valueName(ind.code)] = i % 3 === 0 ? met : i % 3 === 1 ? missed : null;
  });
  const filled = path.join(tmp, 'default-filled.xlsx');
  fill(blank, filled, values);
  const outDir = path.join(tmp, 'default-csv');
  await convertWithLibreOffice(filled, 'csv', outDir, { csvAllSheets: true });
  const got = statuses(outDir, filled);
  for (const ind of inds) expect([ind.code, got.get(ind.code)]).toEqual([ind.code, expectedStatus(ind, entryTarget(ind, period, unit.code), values[valueName(ind.code)])]);
});

test('approximate targets: the sheet tolerates what the plan tolerates (2000 家左右 met at 1950, 约 5% missed at 4.5)', async () => {
  const plan = builtinPlan(DEFAULT_PLAN_ID)!;
  const period: Period = { kind: 'year', year: 2023 };
  const blank = await writeFile(plan, period, 'SZ-GXJ', 'tolerance-blank.xlsx');
  const filled = path.join(tmp, 'tolerance-filled.xlsx');
  fill(blank, filled, { [valueName('SZDE-T21')]: 1950, [valueName('SZDE-T08')]: 4.5 });
  const outDir = path.join(tmp, 'tolerance-csv');
  await convertWithLibreOffice(filled, 'csv', outDir, { csvAllSheets: true });
  const got = statuses(outDir, filled);
  // 1950 is within ±5 % of 2000 (without the tolerance it would be a miss); 4.5 is below 5 − 5 %.
  expect([got.get('SZDE-T21'), got.get('SZDE-T08')]).toEqual([STATUS.met, STATUS.missed]);
});
