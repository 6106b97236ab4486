/**
 * Every kind of workbook PlanSheet writes passes the project's own ECMA-376
 * check (test/ooxml/xlsx_check.py): templates of all built-in plans, every
 * period kind, districts and departments, a password template, and the
 * summary workbook of real returns (filled by openpyxl, consolidated by the
 * real CLI). And the check is not a rubber stamp: it fails on the faults
 * Excel repairs (the ExcelJS element order, a prompt over 255 UTF-16 units,
 * a bad sheet name).
 */

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan, builtinPlanIds } from '../../src/core/plan/builtin';
import { cli, fillReturn, generateBlanks } from '../cli-validate/returns';
import { PYTHON } from '../support/python';
import { checkXlsx, CRAFT, errorLines } from './check';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-ooxml-'));
const kinds = new Map<string, string[]>();
const xlsxIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, f));

function generate(kind: string, args: string[]): void {
  const out = path.join(root, kind);
  const r = cli(['generate', ...args, '--out', out]);
  if (r.code !== 0) throw new Error(`generate ${args.join(' ')} failed: ${r.stderr}`);
  kinds.set(kind, xlsxIn(out));
}

const SUMMARY_PLAN = 'suzhou-new-infrastructure-2020-2022';
let summary: string;

beforeAll(() => {
  // Every built-in plan, its last year, every reporting unit (districts and departments).
  for (const id of builtinPlanIds()) generate(`plan-${id}`, ['--plan', id]);
  const suzhou = builtinPlan('suzhou-digital-economy-2021-2023')!;
  const district = suzhou.units.find((u) => u.kind === 'district')!.code;
  const dept = suzhou.units.find((u) => u.kind === 'department' && suzhou.indicators.some((i) => i.reporters.includes(u.code)))!.code;
  generate('half-year', ['--period', '2023H1', '--units', 'districts']);
  generate('quarter', ['--period', '2023Q3', '--units', 'departments']);
  generate('password', ['--password', 'S3cret!', '--unit', district]);
  generate('password-department', ['--password', 'S3cret!', '--unit', dept, '--period', '2022']);

  // The summary of real returns: most districts and the lead departments report, two do not.
  const plan = builtinPlan(SUMMARY_PLAN)!;
  const blanks = generateBlanks(SUMMARY_PLAN, '2022', path.join(root, 'blank'));
  const returns = path.join(root, 'returns');
  const skip = plan.units.filter((u) => u.kind === 'district').slice(-2).map((u) => u.code);
  for (const [unit, blank] of blanks) {
    if (skip.includes(unit)) continue;
    fillReturn(plan, blank, path.join(returns, path.basename(blank)), unit, '2022', {
      reporter: { contact: '张三', phone: '0512-65000000', date: '2023-01-06' },
    });
  }
  summary = path.join(root, 'summary.xlsx');
  const r = cli(['consolidate', returns, '--out', summary]);
  if (r.code > 1) throw new Error(`consolidate failed: ${r.stderr}`);
  kinds.set('summary', [summary]);
}, 600_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('every workbook kind PlanSheet writes is schema-valid and within Excel limits', () => {
  expect([...kinds.keys()].sort()).toEqual(
    [...builtinPlanIds().map((id) => `plan-${id}`), 'half-year', 'quarter', 'password', 'password-department', 'summary'].sort(),
  );
  const files = [...kinds.values()].flat();
  for (const list of kinds.values()) expect(list.length).toBeGreaterThan(0);
  // Four plans' full sets, every unit.
  expect(files.length).toBeGreaterThan(50);
  const r = checkXlsx(files);
  expect(errorLines(r)).toEqual([]);
  expect(r.code).toBe(0);
  expect(Object.keys(r.files).sort()).toEqual([...files].sort());
  // Nothing to warn about either (no folder entries, no stray parts).
  expect(Object.values(r.files).flat()).toEqual([]);
}, 300_000);

test('the summary carries what once broke the schema: cell notes (VML) and data bars, in order', () => {
  const names = execFileSync(PYTHON, ['-c', 'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', summary], { encoding: 'utf8' });
  expect(names).toMatch(/xl\/drawings\/vmlDrawing\d+\.vml/);
  // …and the charts added after ExcelJS, validated with the rest.
  expect(names).toMatch(/xl\/charts\/chart1\.xml/);
  expect(names).toMatch(/xl\/drawings\/drawing1\.xml/);
  const sheet = execFileSync(PYTHON, ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode())', summary], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const legacy = sheet.indexOf('<legacyDrawing');
  expect(legacy).toBeGreaterThan(0);
  // The worksheet's own extLst is its last child (a dataBar may carry one of its own).
  expect(sheet.lastIndexOf('<extLst')).toBeGreaterThan(legacy);
  expect(sheet.lastIndexOf('</extLst>')).toBe(sheet.lastIndexOf('</worksheet>') - '</extLst>'.length);
  expect(sheet.indexOf('<dataBar')).toBeGreaterThan(0);
});

test.each([
  ['legacy-after-extlst', 'schema', /legacyDrawing.*not expected/],
  ['prompt-utf16', 'validation-text', /prompt is 256 characters \(UTF-16\), Excel allows 255/],
  ['sheet-name', 'sheet-name', /character Excel refuses/],
  ['chart-sheet', 'chart-ref', /sheet 汇总 does not exist/],
] as const)('the check fails on a crafted fault: %s', (fault, check, message) => {
  // The summary's charts name 汇总, so a renamed sheet is crafted on a template.
  const src = fault === 'legacy-after-extlst' || fault === 'chart-sheet' ? summary : kinds.get('password')![0];
  const bad = path.join(root, `bad-${fault}.xlsx`);
  execFileSync(PYTHON, [CRAFT, src, bad, fault]);
  const r = checkXlsx([bad]);
  expect(r.code).toBe(1);
  const errors = r.files[bad].filter((f) => f.level === 'ERROR');
  expect(errors.length).toBeGreaterThan(0);
  // Only the crafted fault (a chart has one reference per series and category range).
  for (const e of errors) expect(e).toEqual(expect.objectContaining({ check, message: expect.stringMatching(message) as string }));
});

test('notes on two sheets keep their own VML shape ids, and the check refuses a clash', () => {
  // The digital-economy plan has targets for 2021–2023, so 上期对比与说明 carries path notes beside 汇总's.
  const id = 'suzhou-digital-economy-2021-2023';
  const plan = builtinPlan(id)!;
  const blanks = generateBlanks(id, '2023', path.join(root, 'de-blank'));
  const returns = path.join(root, 'de-returns');
  for (const [unit, blank] of [...blanks].slice(0, 3)) fillReturn(plan, blank, path.join(returns, path.basename(blank)), unit, '2023', {});
  const summary = path.join(root, 'de-summary.xlsx');
  const r = cli(['consolidate', returns, '--out', summary]);
  expect(r.code).toBeLessThanOrEqual(1);
  const names = execFileSync(PYTHON, ['-c', 'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', summary], { encoding: 'utf8' });
  const vmlParts = names.split('\n').filter((n) => /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(n));
  expect(vmlParts.length).toBeGreaterThanOrEqual(2);
  // What ExcelJS writes: every part in block 1 with ids from 1025.
  const clash = path.join(root, 'vml-clash.xlsx');
  execFileSync(PYTHON, [
    '-c',
    [
      'import re,sys,zipfile',
      'src,dst=sys.argv[1],sys.argv[2]',
      'zi=zipfile.ZipFile(src); zo=zipfile.ZipFile(dst,"w",zipfile.ZIP_DEFLATED)',
      'for n in zi.namelist():',
      '  b=zi.read(n)',
      '  if re.match(r"xl/drawings/vmlDrawing\\d+\\.vml$",n):',
      '    s=b.decode(); s=re.sub(r"data=\\"[^\\"]*\\"","data=\\"1\\"",s,count=1); k=[1024]',
      '    s=re.sub(r"_x0000_s\\d+",lambda m:(k.__setitem__(0,k[0]+1) or "_x0000_s%d"%k[0]),s); b=s.encode()',
      '  zo.writestr(n,b)',
      'zo.close()',
    ].join('\n'),
    summary,
    clash,
  ]);
  expect(errorLines(checkXlsx([summary]))).toEqual([]);
  expect(errorLines(checkXlsx([clash])).some((l) => /vml-ids/.test(l))).toBe(true);
}, 300_000);
