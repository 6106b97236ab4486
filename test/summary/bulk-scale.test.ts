/**
 * The summary at town scale, as the city office gets it: a plan of 90
 * indicators reported by 120 towns under Suzhou's ten districts, the towns'
 * returns made from the real generator's templates (filled by XML, see
 * test/fixtures/scale-returns.ts), the real `plansheet consolidate`, and the
 * workbook read back by openpyxl, zipfile, LibreOffice and the OOXML checker.
 *
 * The sheets that grow with the units (镇街明细, 问题清单, 填报完成情况,
 * 数据溯源) are written as bulk rows streamed into the zip in pieces
 * (src/xlsx/ooxml/bulk-rows.ts); 数据溯源 here is several megabytes, so its
 * part is deflated in several pieces. Every value is checked against the
 * JSON of the same run, and provenance links against the return files
 * themselves, read by openpyxl.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadPlanArg } from '../../src/node/plan-source';
import type { Plan } from '../../src/core/plan/types';
import { writeScalePlan } from '../fixtures/scale-plan';
import { makeReturns } from '../fixtures/scale-returns';
import { cli } from '../cli-validate/returns';
import { runPythonJson } from '../support/python';
import { checkXlsx, errorLines } from '../ooxml/check';
import { libreOfficeConvert } from './tools';
import { readReturnFile } from '../../src/xlsx/read/node';
import { consolidate } from '../../src/core/engine';
import { writeSummaryWorkbook } from '../../src/xlsx/summary';

const TOWNS = 120;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bulk-scale-'));
const planFile = path.join(root, 'plan.json');
const dir = path.join(root, 'returns');
const out = path.join(root, 'summary.xlsx');

type Cell = string | number | boolean | null;
interface Row {
  values: Cell[];
  outline: number;
  height: number | null;
  styles: { bold: boolean; color: string | null; fill: string | null; border: string | null }[];
}
interface Bulk {
  badMember: string | null;
  sizes: Record<string, [number, number]>;
  sheets: string[];
  sheet: Record<string, { rows: Row[]; maxCol: number }>;
}
interface Json {
  indicators: {
    code: string;
    units: Record<string, number | null>;
    city: { basis: string; sources: { unit: string; file: string; sheet: string; cell: string }[] };
    tree?: { unit: string; value: number | null; complete: boolean; children: string[]; reported: { count: number; expected: number } }[];
  }[];
  grid: Record<string, Record<string, string>>;
}

const SHEETS = ['镇街明细', '问题清单', '填报完成情况', '数据溯源'];
let plan: Plan;
let json: Json;
let book: Bulk;

beforeAll(async () => {
  writeScalePlan(planFile, TOWNS);
  plan = loadPlanArg(planFile);
  await makeReturns(plan, dir, TOWNS);
  const res = cli(['consolidate', dir, '--plan', planFile, '--out', out, '--conflict', 'latest', '--json']);
  // 1: the random values break some targets' ranges (errors), the summary is written all the same.
  expect([0, 1]).toContain(res.code);
  json = JSON.parse(res.stdout) as Json;
  book = runPythonJson<Bulk>('test/summary/inspect_bulk.py', [out, ...SHEETS]);
}, 240_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const towns = () => plan.units.filter((u) => u.kind === 'town');

/** Runs a few lines of Python (openpyxl, zipfile) written here, and parses what it prints as JSON. */
function python<T>(name: string, lines: string[], args: string[], input?: string): T {
  const file = path.join(root, name);
  fs.writeFileSync(file, lines.join('\n'));
  return runPythonJson<T>(file, args, input === undefined ? {} : { input });
}

test('the zip is whole: every part inflates to its CRC, and 数据溯源 was large enough to be deflated in pieces', () => {
  expect(book.badMember).toBeNull();
  const provenancePart = Object.entries(book.sizes).find(([name]) => name.startsWith('xl/worksheets/sheet') && book.sizes[name][0] > 3_000_000);
  expect(provenancePart).toBeDefined();
  expect(book.sheets).toEqual(expect.arrayContaining(['汇总', ...SHEETS]));
});

test('the workbook passes the ECMA-376 schemas and Excel\'s limits', () => {
  const res = checkXlsx([out]);
  expect(errorLines(res)).toEqual([]);
});

test('数据溯源 has one row per value of every city figure, each with the value, file and cell the JSON gives', () => {
  const rows = book.sheet['数据溯源'].rows;
  const expected = json.indicators.flatMap((ind) =>
    ind.city.sources.map((s) => [ind.code, ind.units[s.unit] ?? null, s.file, s.sheet, s.cell] as const),
  );
  // Sums and limits list every town's value; a rate's figure comes from the level that owns it.
  expect(expected.length).toBeGreaterThan(TOWNS * 40);
  expect(rows.length).toBe(1 + expected.length);
  expected.forEach(([code, value, file, sheet, cell], k) => {
    const v = rows[k + 1].values;
    expect([v[0], v[3], v[4], v[5], v[6]]).toEqual([code, value, file, sheet, cell]);
  });
  expect(rows[1].styles[0].border).toBe('thin');
});

test('a provenance link leads to the very cell of the return: openpyxl reads the same number there', () => {
  const rows = book.sheet['数据溯源'].rows.slice(1);
  const picks = [0, 777, 2345, rows.length - 1].map((k) => rows[k].values);
  for (const v of picks) expect(path.dirname(String(v[4]))).toBe(dir);
  const checks = picks.map((v) => ({ file: String(v[4]), sheet: String(v[5]), cell: String(v[6]), value: v[3] }));
  const lines = [
    'import json, sys, openpyxl',
    'out = []',
    'for c in json.load(sys.stdin):',
    '    out.append(openpyxl.load_workbook(c["file"], data_only=True)[c["sheet"]][c["cell"]].value)',
    'print(json.dumps(out))',
  ];
  const read = python<Cell[]>('cells.py', lines, [], JSON.stringify(checks));
  expect(read).toEqual(checks.map((c) => c.value));
});

test('镇街明细: every town row carries its values, grouped under its district, whose subtotal is the sum of its towns', () => {
  const rows = book.sheet['镇街明细'].rows;
  const inds = json.indicators.filter((i) => i.tree?.length);
  const header = rows[1].values;
  expect(header.length).toBe(3 + inds.length);
  const byUnit = new Map(rows.slice(2).map((r) => [String(r.values[0]), r]));
  for (const town of towns()) {
    const row = byUnit.get(town.code)!;
    expect(row).toBeDefined();
    expect(row.outline).toBe(1);
    expect(row.styles[0].border).toBe('thin');
    expect(row.styles[0].bold).toBe(false);
    inds.forEach((ind, j) => expect(row.values[3 + j] ?? null).toBe(ind.units[town.code] ?? null));
  }
  // A summed indicator: each district's subtotal row is the total of its towns' cells as openpyxl read them.
  const summed = new Set(plan.indicators.filter((i) => i.rollup === 'sum').map((i) => i.code));
  const j = inds.findIndex((i) => summed.has(i.code));
  expect(j).toBeGreaterThanOrEqual(0);
  const districts = plan.units.filter((u) => u.kind === 'district');
  let checked = 0;
  for (const d of districts) {
    const sub = byUnit.get(d.code)!;
    expect(sub.styles[0].bold).toBe(true);
    const node = inds[j].tree!.find((n) => n.unit === d.code)!;
    const townCells = towns()
      .filter((t) => t.parent === d.code)
      .map((t) => byUnit.get(t.code)!.values[3 + j]);
    if (node.complete) {
      const total = townCells.reduce((s: number, v) => s + (typeof v === 'number' ? v : 0), 0);
      expect(sub.values[3 + j]).toBeCloseTo(total, 6);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
});

test('填报完成情况: a column per unit, and its 已填 / 应填 line counts the words above it', () => {
  const sheet = book.sheet['填报完成情况'];
  const rows = sheet.rows;
  expect(sheet.maxCol).toBe(2 + towns().length + plan.units.filter((u) => u.kind === 'district').length);
  const total = rows[rows.length - 1].values;
  expect(total[1]).toBe('已填 / 应填');
  const body = rows.slice(2, rows.length - 1);
  expect(body.length).toBe(json.indicators.length);
  for (let col = 2; col < total.length; col++) {
    const filled = body.filter((r) => r.values[col] === '已填').length;
    expect(String(total[col]).startsWith(`${filled} / `)).toBe(true);
  }
});

test('镇街明细 repeats its header row and unit columns on every printed page (a valid print-titles name)', () => {
  const lines = [
    'import sys, zipfile, re, html, json',
    'wb = zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode()',
    'print(json.dumps([html.unescape(t) for t in re.findall(r"<definedName[^>]*_xlnm.Print_Titles[^>]*>([^<]*)<", wb)]))',
  ];
  const titles = python<string[]>('titles.py', lines, [out]);
  expect(titles).toContain("'镇街明细'!$A:$C,'镇街明细'!$2:$2");
  for (const t of titles) expect(t).not.toContain('$$');
});

test('汇总\'s 计算方式 names the first units left out and counts the rest, instead of hundreds of names', () => {
  const lines = [
    'import sys, json, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1])["汇总"]',
    'print(json.dumps([c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]))',
  ];
  const texts = python<string[]>('basis.py', lines, [out]);
  const leftOut = texts.filter((t) => t.includes('未计入全市数'));
  expect(leftOut.length).toBeGreaterThan(0);
  expect(leftOut.some((t) => / 等 \d+ 个/.test(t))).toBe(true);
  // Every cell, the basis (未填 / 数值无法识别 …) included, stays readable.
  expect(texts.some((t) => /(未填|数值无法识别|数值有错误)：[^；]* 等 \d+ 个/.test(t))).toBe(true);
  for (const t of texts) expect(t.length).toBeLessThan(1500);
  for (const ind of json.indicators) expect(ind.city.basis.length).toBeLessThan(600);
});

test('汇总: 已报 fits its column, and a district ranked on some of its towns says how many reported', () => {
  const lines = [
    'import sys, json, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1])["汇总"]',
    'head = [c.value for c in ws[3]]',
    'f, k = head.index("已报") + 1, head.index("区县排名") + 1',
    'rows = [[r[0].value, r[f - 1].value, r[k - 1].value] for r in ws.iter_rows(min_row=4) if r[0].value in codes]',
    'print(json.dumps({"width": ws.column_dimensions[openpyxl.utils.get_column_letter(f)].width, "rows": rows}))',
  ];
  const codes = JSON.stringify(json.indicators.map((i) => i.code));
  const got = python<{ width: number; rows: [string, string | null, string | null][] }>('ranking.py', [lines[0], `codes = set(${codes})`, ...lines.slice(1)], [out]);
  const longest = Math.max(...got.rows.map(([, reported]) => String(reported ?? '').length));
  expect(longest).toBeGreaterThanOrEqual('110/120'.length);
  expect(got.width).toBeGreaterThanOrEqual(longest + 2);
  let marked = 0;
  for (const [code, , ranking] of got.rows) {
    const ind = json.indicators.find((i) => i.code === code)!;
    for (const node of ind.tree ?? []) {
      const name = plan.units.find((u) => u.code === node.unit)!;
      const label = name.shortName ?? name.name;
      const entry = String(ranking ?? '').split(' · ').find((e) => e.replace(/^\d+ /, '').startsWith(label));
      if (!entry) continue;
      if (node.complete) expect(entry).not.toContain('已报');
      else {
        expect(entry).toContain(`（已报 ${node.reported.count}/${node.reported.expected}）`);
        marked++;
      }
    }
  }
  expect(marked).toBeGreaterThan(0);
});

test('报送情况 lists the towns that report, not the districts made from them (no return is asked of those)', () => {
  const lines = [
    'import sys, json, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1])["报送情况"]',
    'print(json.dumps([[c.value for c in row[:2]] for row in ws.iter_rows(min_row=3)]))',
  ];
  const rows = python<[string | null, string | null][]>('submissions.py', lines, [out]).filter(([name]) => name);
  const districts = plan.units.filter((u) => u.kind === 'district').map((u) => u.name);
  expect(rows.map(([name]) => name).sort()).toEqual(towns().map((u) => u.name).sort());
  for (const [name] of rows) expect(districts).not.toContain(name);
  expect(rows.every(([, submitted]) => submitted === '已报送')).toBe(true);
});

test('问题清单: one row per unit, file and problem, no row taller than Excel allows', () => {
  const rows = book.sheet['问题清单'].rows;
  expect(rows.length).toBeGreaterThan(TOWNS);
  expect(rows.length).toBeLessThan(TOWNS * 10);
  for (const r of rows.slice(1)) expect(r.height ?? 0).toBeLessThanOrEqual(409);
  expect(rows[1].styles[0].border).toBe('thin');
});

test('the browser codec (fflate, streaming) writes the same rows as the CLI\'s zlib', async () => {
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  const rets = (await Promise.all(files.map((f) => readReturnFile(f)))).map((r) => (r.ok ? r.ret : { file: r.file, message: r.message }));
  const c = consolidate(plan, '2023', rets, { lang: 'zh', conflict: 'latest' });
  const bytes = await writeSummaryWorkbook(plan, c, { creator: 'test' });
  const file = path.join(root, 'fflate.xlsx');
  fs.writeFileSync(file, bytes);
  const other = runPythonJson<Bulk>('test/summary/inspect_bulk.py', [file, '数据溯源']);
  expect(other.badMember).toBeNull();
  expect(other.sheet['数据溯源'].rows.map((r) => r.values)).toEqual(book.sheet['数据溯源'].rows.map((r) => r.values));
}, 120_000);

test('LibreOffice opens it and keeps the town rows', async () => {
  const converted = await libreOfficeConvert(out, 'xlsx');
  const back = runPythonJson<Bulk>('test/summary/inspect_bulk.py', [converted, '镇街明细']);
  const codes = back.sheet['镇街明细'].rows.map((r) => String(r.values[0]));
  for (const town of towns()) expect(codes).toContain(town.code);
}, 180_000);

test('--as-return for a district that reports nothing in the plan says why and writes nothing', () => {
  const made = path.join(root, 'made.xlsx');
  const res = cli(['consolidate', dir, '--plan', planFile, '--as-return', '320582', '--out', made]);
  expect(res.code).toBe(2);
  expect(res.stderr).toContain('“320582”（张家港市）在计划 bench-scale-plan 中不填报任何指标');
  expect(fs.existsSync(made)).toBe(false);
});
