/**
 * Generated workbooks read by openpyxl, an independent reader: sheets and
 * states, protection, locked/unlocked cells, data validations, conditional
 * formats, defined names, metadata, entry rows. Expectations are derived from
 * the loaded plan, so the test follows the plans as they grow.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan, builtinPlanIds } from '../../src/core/plan/builtin';
import { MARK_COLUMN } from '../../src/core/template/marks';
import { planHash } from '../../src/core/plan/load';
import { formatTarget } from '../../src/core/plan/target';
import type { Plan, ReportingUnit } from '../../src/core/plan/types';
import { periodKey, periodLabel, targetKey, type Period } from '../../src/core/period';
import {
  ENTRY_COLUMNS as C,
  ENTRY_FIRST_DATA_ROW,
  ENTRY_HEADER_ROW,
  ENTRY_HEADERS,
  META_KEYS,
  META_MAGIC,
  REPORTER_NAMES,
  SHEETS,
  STATUS,
  TEMPLATE_FORMAT_VERSION,
  remarkName,
  valueName,
} from '../../src/core/template/layout';
import { hashSheetPassword } from '../../src/node/protection';
import { entryRowHeight, writeTemplate } from '../../src/xlsx/write/template';
import { categoryParts } from '../../src/xlsx/write/content';
import { textUnits } from '../../src/xlsx/layout-text';
import { indicatorsFor, reportingUnits } from '../../src/xlsx/write/units';
import { runPythonJson } from '../support/python';
import { testPlan } from './test-plan';

interface SheetInfo {
  name: string;
  state: string;
  protected: boolean;
  hasPassword: boolean;
  formatColumns: boolean;
  formatRows: boolean;
  formatCells: boolean;
  selectLockedCells: boolean;
  selectUnlockedCells: boolean;
  freeze: string | null;
  orientation: string | null;
  fitToWidth: number | null;
  fitToPage: boolean;
  printTitleRows: string | null;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  wrapped: string[];
}
interface Validation {
  type: string;
  operator: string | null;
  formula1: string | null;
  formula2: string | null;
  cells: string[];
  allowBlank: boolean;
  showInputMessage: boolean;
  showErrorMessage: boolean;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
  errorStyle: string;
}
interface Report {
  sheets: SheetInfo[];
  names: Record<string, { sheet: string; cell: string }[]>;
  validations: Record<string, Validation[]>;
  conditional: Record<string, { sqref: string; type: string; formula: string[]; priority: number; fill: string | null }[]>;
  cells: Record<string, Record<string, string | number>>;
  unlocked: Record<string, string[]>;
  meta: Record<string, string>;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-gen-openpyxl-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FIXED_TIME = new Date('2024-01-15T08:30:00.000Z');

async function inspect(plan: Plan, period: Period, unit: ReportingUnit, protection?: ReturnType<typeof hashSheetPassword>): Promise<Report> {
  const data = await writeTemplate(plan, period, unit.code, { generator: 'plansheet test', generatedAt: FIXED_TIME, protection });
  const file = path.join(tmp, `${plan.id}-${periodKey(period)}-${unit.code}.xlsx`);
  fs.writeFileSync(file, data);
  return runPythonJson<Report>('test/generate/py/inspect_template.py', [file]);
}

/** What each value kind must be validated as (the rules). */
function expectedRule(kind: string): Pick<Validation, 'type' | 'operator' | 'formula1'> & { formula2?: string } {
  switch (kind) {
    case 'percent':
      return { type: 'decimal', operator: 'between', formula1: '0', formula2: '100' };
    case 'count':
      return { type: 'whole', operator: 'greaterThanOrEqual', formula1: '0' };
    case 'amount':
    case 'ratio':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formula1: '0' };
    case 'text':
      return { type: 'textLength', operator: 'between', formula1: '1', formula2: '500' };
    default:
      return { type: 'decimal', operator: 'between', formula1: '-999999999999999', formula2: '999999999999999' };
  }
}

function checkWorkbook(r: Report, plan: Plan, period: Period, unit: ReportingUnit, withPassword = false): void {
  const inds = indicatorsFor(plan, unit.code);
  const lastRow = ENTRY_FIRST_DATA_ROW + inds.length - 1;
  const rowOf = (i: number) => ENTRY_FIRST_DATA_ROW + i;

  // Sheets, order and states.
  expect(r.sheets.map((s) => [s.name, s.state])).toEqual([
    [SHEETS.instructions, 'visible'],
    [SHEETS.entry, 'visible'],
    [SHEETS.meta, 'veryHidden'],
  ]);
  const sheet = (n: string) => r.sheets.find((s) => s.name === n)!;
  for (const n of [SHEETS.instructions, SHEETS.entry]) {
    const s = sheet(n);
    expect(s.protected).toBe(true);
    expect(s.hasPassword).toBe(withPassword);
    // openpyxl reads these as "is this action locked": false = allowed.
    // openpyxl reports "false" for actions the protection allows: resizing, and formatting cells (the add-in highlights findings).
    expect(s.formatColumns).toBe(false);
    expect(s.formatRows).toBe(false);
    expect(s.formatCells).toBe(false);
    expect(s.selectUnlockedCells).toBe(false);
  }

  // Entry sheet: titles, headers, rows.
  const entry = r.cells[SHEETS.entry];
  expect(entry.A1).toBe(plan.title);
  expect(String(entry.A2)).toContain(periodLabel(period));
  expect(String(entry.A2)).toContain(unit.name);
  expect(String(entry.A2)).toContain(unit.code);
  for (const [k, col] of Object.entries(C)) expect(entry[`${col}${ENTRY_HEADER_ROW}`]).toBe(ENTRY_HEADERS[k as keyof typeof C]);
  const tk = targetKey(period);
  inds.forEach((ind, i) => {
    const row = rowOf(i);
    expect(entry[`${C.code}${row}`]).toBe(ind.code);
    expect(entry[`${C.name}${row}`]).toBe(ind.name);
    expect(String(entry[`${C.target}${row}`])).toContain(formatTarget(ind.targets[tk], ind.unit));
    expect(entry[`${C.value}${row}`]).toBeUndefined();
    // Numbers are judged by ISNUMBER; answers in words (kind "text") by being non-blank.
    const test = ind.kind === 'text' ? `LEN\\(TRIM\\(${C.value}${row}\\)\\)>0` : `ISNUMBER\\(${C.value}${row}\\)`;
    expect(String(entry[`${C.status}${row}`])).toMatch(new RegExp(`^=IF\\(${test},`));
  });
  expect(entry[`${C.code}${lastRow + 1}`]).toBeUndefined();

  // Only the value and remark cells are unlocked on the entry sheet, and the
  // add-in's hidden mark column (its cells, where the sheet has them).
  const expectedUnlocked = inds.flatMap((_, i) => [`${C.value}${rowOf(i)}`, `${C.remark}${rowOf(i)}`]);
  const isMark = (c: string) => new RegExp(`^${MARK_COLUMN}\\d+$`).test(c);
  expect([...r.unlocked[SHEETS.entry]].filter((c) => !isMark(c)).sort()).toEqual(expectedUnlocked.sort());

  // Defined names: value and remark cells, reporter cells.
  inds.forEach((ind, i) => {
    expect(r.names[valueName(ind.code)]).toEqual([{ sheet: SHEETS.entry, cell: `${C.value}${rowOf(i)}` }]);
    expect(r.names[remarkName(ind.code)]).toEqual([{ sheet: SHEETS.entry, cell: `${C.remark}${rowOf(i)}` }]);
  });
  const reporterCells = Object.values(REPORTER_NAMES).map((n) => {
    expect(r.names[n]).toHaveLength(1);
    expect(r.names[n][0].sheet).toBe(SHEETS.instructions);
    return r.names[n][0].cell;
  });
  expect([...r.unlocked[SHEETS.instructions]].sort()).toEqual([...reporterCells].sort());
  const info = r.cells[SHEETS.instructions];
  expect(info[r.names[REPORTER_NAMES.unit][0].cell]).toBe(unit.name);
  const infoText = Object.values(info).join('\n');
  expect(infoText).toContain(plan.title);
  if (plan.docNumber) expect(infoText).toContain(plan.docNumber);
  expect(infoText).toContain(periodLabel(period));
  const unitName = new Map(plan.units.map((u) => [u.code, u.name]));
  for (const lead of new Set(inds.flatMap((i) => i.lead))) expect(infoText).toContain(unitName.get(lead)!);

  // Reporter validations: date as a date, phone as a text length.
  const infoDv = r.validations[SHEETS.instructions];
  const dvAt = (cell: string) => infoDv.filter((d) => d.cells.includes(cell));
  expect(dvAt(r.names[REPORTER_NAMES.date][0].cell).map((d) => d.type)).toEqual(['date']);
  expect(dvAt(r.names[REPORTER_NAMES.phone][0].cell).map((d) => d.type)).toEqual(['textLength']);

  // One validation per value cell, fitting the indicator's kind, with prompts in Excel's limits.
  const dvs = r.validations[SHEETS.entry];
  inds.forEach((ind, i) => {
    const cell = `${C.value}${rowOf(i)}`;
    const matching = dvs.filter((d) => d.cells.includes(cell));
    expect(matching).toHaveLength(1);
    const d = matching[0];
    const want = expectedRule(ind.kind);
    expect(d.type).toBe(want.type);
    // OOXML's default operator is "between"; openpyxl reports it as absent or "between".
    expect(d.operator ?? 'between').toBe(want.operator);
    expect(Number(d.formula1)).toBe(Number(want.formula1));
    if (want.formula2) expect(Number(d.formula2)).toBe(Number(want.formula2));
    expect(d.allowBlank && d.showInputMessage && d.showErrorMessage).toBe(true);
    expect(d.errorStyle).toBe('stop');
    expect([...d.promptTitle].length).toBeLessThanOrEqual(32);
    expect([...d.prompt].length).toBeLessThanOrEqual(255);
    expect([...d.errorTitle].length).toBeLessThanOrEqual(32);
    expect([...d.error].length).toBeLessThanOrEqual(225);
    expect(ind.name.startsWith(d.promptTitle.replace(/…$/, ''))).toBe(true);
    expect(d.prompt).toContain(formatTarget(ind.targets[tk], ind.unit));
    if (ind.unit) expect(d.prompt).toContain(ind.unit);
    // Whom to ask: the lead departments close the prompt (unless Excel's limit clipped it).
    const unitsByCode = new Map(plan.units.map((u) => [u.code, u]));
    if (!d.prompt.endsWith('…')) for (const l of ind.lead) expect(d.prompt).toContain(unitsByCode.get(l)!.shortName ?? unitsByCode.get(l)!.name);
  });
  // No validation on a cell that is not a value cell.
  const valueCells = new Set(inds.map((_, i) => `${C.value}${rowOf(i)}`));
  for (const d of dvs) for (const c of d.cells) expect(valueCells.has(c)).toBe(true);

  // Conditional formats: the add-in's three mark rules over the value column
  // first (test/generate/marks.test.ts), then one rule per status word over value+status.
  const all = r.conditional[SHEETS.entry];
  const marks = all.filter((c) => new RegExp(`^\\$${MARK_COLUMN}\\d+=\\d$`).test(c.formula[0]));
  expect(marks.map((c) => [c.sqref.replace(/^(\w+):\1$/, '$1'), c.priority])).toEqual([1, 2, 3].map((p) => [`${C.value}${ENTRY_FIRST_DATA_ROW}:${C.value}${lastRow}`.replace(/^(\w+):\1$/, '$1'), p]));
  const cfs = all.filter((c) => !marks.includes(c));
  expect(cfs).toHaveLength(Object.keys(STATUS).length);
  expect(Math.min(...cfs.map((c) => c.priority))).toBe(4);
  for (const cf of cfs) {
    expect(cf.sqref).toBe(`${C.value}${ENTRY_FIRST_DATA_ROW}:${C.status}${lastRow}`);
    expect(cf.type).toBe('expression');
    expect(cf.fill).toMatch(/^FF[0-9A-F]{6}$/);
  }
  expect(new Set(cfs.map((c) => c.priority)).size).toBe(cfs.length);
  expect(cfs.map((c) => c.formula[0]).sort()).toEqual(Object.values(STATUS).map((w) => `$${C.status}${ENTRY_FIRST_DATA_ROW}="${w}"`).sort());

  // Layout: freeze below the header, landscape, fit to width, repeated header rows, column widths.
  const e = sheet(SHEETS.entry);
  expect(e.freeze).toBe(`D${ENTRY_FIRST_DATA_ROW}`);
  expect(e.orientation).toBe('landscape');
  expect(e.fitToPage).toBe(true);
  expect(e.fitToWidth).toBe(1);
  expect(e.printTitleRows).toBe(`$1:$${ENTRY_HEADER_ROW}`);
  for (const col of Object.values(C)) expect(e.columnWidths[col]).toBeGreaterThan(5);

  // Row heights: every entry row stores the height of its wrapped text
  // (LibreOffice prints with the stored height), at least one line.
  const cats = categoryParts(plan);
  inds.forEach((ind, i) => {
    const h = e.rowHeights[String(rowOf(i))];
    const cat = cats.get(ind.category)!;
    const blocks = [...(cat.parent ? [{ text: cat.parent, fontSize: 8 }] : []), { text: cat.name }];
    expect({ code: ind.code, h }).toEqual({ code: ind.code, h: entryRowHeight(blocks, ind.name, String(entry[`${C.target}${rowOf(i)}`])) });
    expect(h).toBeGreaterThanOrEqual(18);
    // The 类型 cell shows the category's own name, a parent's on the line above.
    expect(entry[`${C.category}${rowOf(i)}`]).toBe(cat.parent ? `${cat.parent}\n${cat.name}` : cat.name);
  });
  // Instructions: a line longer than its column wraps, with a height for its lines.
  const ins = sheet(SHEETS.instructions);
  for (const [addr, v] of Object.entries(r.cells[SHEETS.instructions])) {
    if (!addr.startsWith('B') || textUnits(String(v)) <= 85) continue;
    expect(ins.wrapped).toContain(addr);
    expect(ins.rowHeights[addr.slice(1)]).toBeGreaterThanOrEqual(33);
  }

  // Metadata.
  expect(r.meta).toEqual({
    [META_KEYS.magic]: META_MAGIC,
    [META_KEYS.formatVersion]: TEMPLATE_FORMAT_VERSION,
    [META_KEYS.planId]: plan.id,
    [META_KEYS.planHash]: planHash(plan),
    [META_KEYS.unitCode]: unit.code,
    [META_KEYS.unitName]: unit.name,
    [META_KEYS.period]: periodKey(period),
    [META_KEYS.generatedAt]: FIXED_TIME.toISOString(),
    [META_KEYS.generator]: 'plansheet test',
    [META_KEYS.codes]: inds.map((i) => i.code).join(','),
  });
}

/** A district and a non-district unit of each plan (when it has them). */
function sampleUnits(plan: Plan): ReportingUnit[] {
  const units = reportingUnits(plan);
  const picks = [units.find((u) => u.kind === 'district'), units.find((u) => u.kind !== 'district')];
  return picks.filter((u): u is ReportingUnit => !!u);
}

describe.each(builtinPlanIds())('built-in plan %s', (id) => {
  const plan = builtinPlan(id)!;
  const period: Period = { kind: 'year', year: plan.years[plan.years.length - 1] };
  test.each(sampleUnits(plan).map((u) => [u.code, u] as const))('unit %s: workbook matches the plan', async (_code, unit) => {
    checkWorkbook(await inspect(plan, period, unit), plan, period, unit);
  });
});

describe('test plan with every target operator', () => {
  const plan = testPlan();
  test('a district, half-year period (annual targets shown)', async () => {
    const unit = plan.units.find((u) => u.code === '320582')!;
    const period: Period = { kind: 'half', year: 2023, half: 1 };
    const r = await inspect(plan, period, unit);
    checkWorkbook(r, plan, period, unit);
    // A sub-category shows its own name under its parent's.
    expect(Object.values(r.cells[SHEETS.entry])).toContain('数字产业\n软件');
  });

  test('a department, with a password hashed once and reused', async () => {
    const unit = plan.units.find((u) => u.code === 'SZ-KJJ')!;
    const period: Period = { kind: 'year', year: 2023 };
    const protection = hashSheetPassword('secret', 1000);
    const r = await inspect(plan, period, unit, protection);
    checkWorkbook(r, plan, period, unit, true);
    // The long name wraps to two lines at least, and its row is that tall.
    const long = indicatorsFor(plan, unit.code).findIndex((i) => i.code === 'T-LONG');
    expect(long).toBeGreaterThanOrEqual(0);
    expect(r.sheets[1].rowHeights[String(ENTRY_FIRST_DATA_ROW + long)]).toBeGreaterThanOrEqual(33);
  });

  test('an unknown unit or one that reports nothing is refused', async () => {
    await expect(writeTemplate(plan, { kind: 'year', year: 2023 }, 'NOPE')).rejects.toThrow(/NOPE/);
    await expect(writeTemplate(plan, { kind: 'year', year: 2023 }, '320500')).rejects.toThrow(/320500/);
  });
});
