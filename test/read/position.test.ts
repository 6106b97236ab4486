/**
 * Position checks end to end: a value is taken from a cell only when the
 * row's code (column A) agrees with the defined name. Returns are made from
 * the real generator's templates, edited by openpyxl (and re-saved by
 * LibreOffice), then checked and consolidated by the real CLI; the figures in
 * `consolidate --json`, the findings of `validate --json` and the input files'
 * hashes are compared with what was typed.
 */

import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan } from '../../src/core/plan/builtin';
import type { Plan } from '../../src/core/plan/types';
import { SHEETS } from '../../src/core/template/layout';
import { plausibleLimits } from '../../src/core/rules/limits';
import { cli, generateBlanks, goodValue } from '../cli-validate/returns';
import { fillReturn as editWorkbook, type FillOp } from '../fixtures/make-returns';
import { convertWithLibreOffice } from '../support/libreoffice';
import { sortThenDelete } from './lo-sort-delete';

const PLAN_ID = 'suzhou-new-infrastructure-2020-2022';
const YEAR = '2022';
const plan: Plan = builtinPlan(PLAN_ID)!;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-position-'));
const E = SHEETS.entry;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

const reportersOf = (u: string) => plan.indicators.filter((i) => i.reporters.includes(u));
// A district whose first two rows are numbers that are not percentages, so their values can differ freely.
const unit = plan.units.find((u) => {
  const inds = reportersOf(u.code);
  return u.kind === 'district' && inds.length >= 4 && inds.slice(0, 2).every((i) => i.kind !== 'text' && i.kind !== 'percent');
})!.code;
const inds = reportersOf(unit);
const row = (i: number) => 5 + i;
const nameOf = (code: string) => `PSV_${code.replace(/-/g, '_')}`;

/** Distinct values, one per row, so a neighbour's value would show. */
const typed: Record<string, number | string> = {};
inds.forEach((ind, i) => {
  const v = goodValue(ind, YEAR);
  if (typeof v !== 'number' || ind.kind === 'percent') typed[ind.code] = v;
  else {
    // Distinct, and still plausible (a PUE stays under its limit of 5).
    const max = plausibleLimits(ind)?.max ?? Infinity;
    typed[ind.code] = v + i * 3 <= max ? v + i * 3 : Number((v + i * 0.01).toFixed(2));
  }
});

interface JsonFinding {
  severity: string;
  rule: string;
  code: string | null;
  message: string;
}

function build(name: string, ops: FillOp[], blank: string): string {
  const out = path.join(root, 'in', name, `${YEAR}_${unit}.xlsx`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const fill: FillOp[] = Object.entries(typed).map(([code, value]) => ({ op: 'set', name: nameOf(code), value }));
  editWorkbook(blank, out, [...fill, ...ops]);
  return out;
}

function validateJson(file: string): JsonFinding[] {
  const r = cli(['validate', file, '--json']);
  expect([0, 1]).toContain(r.code);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }[])[0].findings;
}

function consolidated(file: string): Record<string, number | null> {
  const out = path.join(root, 'out', `${path.basename(path.dirname(file))}.xlsx`);
  const r = cli(['consolidate', file, '--out', out, '--json']);
  expect([0, 1]).toContain(r.code);
  expect(fs.existsSync(out)).toBe(true);
  const json = JSON.parse(r.stdout) as { indicators: { code: string; units: Record<string, number | null> }[] };
  const values: Record<string, number | null> = {};
  for (const i of json.indicators) if (unit in i.units) values[i.code] = i.units[unit];
  return values;
}

let blank: string;
beforeAll(() => {
  blank = generateBlanks(PLAN_ID, YEAR, path.join(root, 'blank')).get(unit)!;
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('openpyxl delete_rows leaves the names behind: the deleted indicator is lost, never given its neighbour’s value', () => {
  const file = build('delete-rows', [{ op: 'delete_rows', sheet: E, idx: row(1), amount: 1, move_names: false }], blank);
  const before = sha(file);
  const lost = inds[1].code;
  const findings = validateJson(file);
  const stale = findings.filter((f) => f.rule === 'reader.name-stale');
  expect(stale.map((f) => [f.severity, f.code])).toEqual([['error', lost]]);
  expect(stale[0].message).toContain(inds[2].code); // the row it points at shows the next code
  expect(findings.find((f) => f.rule === 'reader.row-deleted')!.message).toContain(lost);

  const values = consolidated(file);
  expect(values[lost]).toBeNull();
  // Every other row is read from the row that shows its code.
  for (const ind of inds) if (ind.code !== lost && ind.kind !== 'text') expect(values[ind.code]).toBe(typed[ind.code]);
  expect(sha(file)).toBe(before);
}, 120_000);

test('entry sheet renamed by openpyxl (names keep the old sheet name): every value read, no false "row deleted"', () => {
  const file = build('renamed', [{ op: 'rename_sheet', sheet: E, to: '填报数据', move_names: false }], blank);
  const before = sha(file);
  const findings = validateJson(file);
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(findings.map((f) => f.rule)).toContain('reader.sheet-renamed');
  expect(findings.map((f) => f.rule)).not.toContain('reader.name-broken');
  const values = consolidated(file);
  for (const ind of inds) if (ind.kind !== 'text') expect(values[ind.code]).toBe(typed[ind.code]);
  expect(sha(file)).toBe(before);
}, 120_000);

test('LibreOffice itself sorts five rows and deletes the first: the deleted code is lost, every other value is its own', () => {
  const filled = build('lo-sort-delete', [], blank);
  const file = path.join(root, 'in', 'lo-sort-delete-out', path.basename(filled));
  sortThenDelete(filled, file, { sheet: 1, first: row(0), last: row(4), remove: row(0), ascending: true });
  const before = sha(file);
  const sorted = inds.slice(0, 5).map((i) => i.code);
  const values = consolidated(file);
  // Exactly one of the five sorted codes is gone (the one sorted to the top), and nothing else changed.
  const lost = sorted.filter((c) => values[c] === null);
  expect(lost).toHaveLength(1);
  for (const ind of inds) if (ind.kind !== 'text' && ind.code !== lost[0]) expect(values[ind.code]).toBe(typed[ind.code]);
  const findings = validateJson(file);
  expect(findings.filter((f) => f.severity === 'error' && f.code === lost[0]).length + findings.filter((f) => f.rule === 'reader.row-deleted' && f.message.includes(lost[0])).length).toBeGreaterThan(0);
  // The deleted code came from further down: its name now points at another code's row.
  expect(lost[0]).not.toBe(sorted[0]);
  expect(findings.filter((f) => f.rule === 'reader.name-stale').map((f) => f.code)).toEqual(lost);
  expect(sha(file)).toBe(before);
}, 180_000);

test('sorted then a row deleted (names as LibreOffice moves them), re-saved by LibreOffice: the deleted code is lost, the sorted one found by its code', async () => {
  // A sort moves the rows but not the names; deleting a row then moves the names
  // below it (and breaks the deleted row's): what LibreOffice does to the names.
  const edited = build(
    'sort-delete',
    [
      { op: 'swap_rows', sheet: E, a: row(0), b: row(1), move_names: false },
      { op: 'delete_rows', sheet: E, idx: row(0), amount: 1, move_names: true },
    ],
    blank,
  );
  const loDir = path.join(root, 'in', 'sort-delete-lo');
  await convertWithLibreOffice(edited, 'xlsx', loDir);
  const file = path.join(loDir, path.basename(edited));
  const [first, second] = [inds[0].code, inds[1].code];
  const before = sha(file);
  const findings = validateJson(file);
  // The second indicator's row was deleted; its name now points at the first one's row.
  expect(findings.filter((f) => f.rule === 'reader.name-stale').map((f) => f.code)).toEqual([second]);
  const values = consolidated(file);
  expect(values[second]).toBeNull();
  expect(values[first]).toBe(typed[first]);
  for (const ind of inds.slice(2)) if (ind.kind !== 'text') expect(values[ind.code]).toBe(typed[ind.code]);
  expect(sha(file)).toBe(before);
}, 180_000);
