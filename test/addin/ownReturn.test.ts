/**
 * The add-in's city mode with town returns, the way a district office meets
 * it: blank town templates from `plansheet generate` (the tree plan of
 * test/tree: three districts with 3, 2 and 3 towns), filled with openpyxl,
 * picked in the pane together with the plan file. The flows run over the real
 * Office.js adapter on the mock workbook (test/addin/mockExcel.ts):
 * - 汇总报表 writes one 汇总 column per district and the towns on 镇街明细
 *   under their district's subtotal row;
 * - 汇总为本级报表 makes 张家港's own return; the bytes Excel.createWorkbook
 *   receives are read back with the project's reader and openpyxl, checked
 *   with the OOXML checker, and consolidated by the city with the CLI.
 * Every figure is checked against sums done by hand.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MockBook } from './mockExcel';
import type { Consolidation } from '../../src/core/consolidate/types';
import { cli, generateBlanks } from '../cli-validate/returns';
import { fillReturn } from '../fixtures/make-returns';
import { runPythonJson } from '../support/python';
import { checkXlsx, errorLines } from '../ooxml/check';
import { readReturnFile } from '../../src/xlsx/read/node';
import { prepareConsolidation, readPicked, writeRun, type PickedFile } from '../../src/addin/flows';
import { makeOwnReturn, ownReturnChoices } from '../../src/addin/ownReturn';
import { excelHost } from '../../src/addin/office/excelHost';
import { ALL_CAPS } from '../../src/addin/office/caps';

const TREE = path.join(__dirname, '..', 'tree');
const PLAN = path.join(TREE, 'tree-plan.json');

/** Town → [高新技术企业数, 增加值 亿元, PUE]. */
const TOWNS: Record<string, Record<string, [number, number, number]>> = {
  '320582': { '320582101': [12, 3.5, 1.25], '320582102': [30, 10.25, 1.2], '320582103': [8, 1, 1.4] },
  '320581': { '320581101': [20, 7, 1.1], '320581102': [5, 2.5, 1.3] },
  '320585': { '320585101': [4, 1.5, 1.2], '320585102': [6, 2, 1.15], '320585103': [9, 0.75, 1.28] },
};

interface Dump {
  sheets: string[];
  states: Record<string, string>;
  values: Record<string, number | null>;
  remarks: Record<string, string | null>;
  meta: Record<string, string>;
  provenance: (string | number | null)[][];
  protected: Record<string, boolean>;
  validations: number;
  names: string[];
}

let root: string;
let blanks: Map<string, string>;
const townPath = (district: string, town: string) => path.join(root, 'towns', district, `${town}.xlsx`);
const picked = (file: string): PickedFile => ({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });
const planFile = (): PickedFile => picked(PLAN);
const townsOf = (district: string) => Object.keys(TOWNS[district]).map((t) => picked(townPath(district, t)));

/** The real adapter over a mock workbook; Excel.createWorkbook records what it is given. */
function host(book: MockBook, opened: string[], caps = ALL_CAPS) {
  (globalThis as unknown as { Excel: unknown }).Excel = { createWorkbook: async (b64: string) => void opened.push(b64) };
  return excelHost(caps, (fn) => fn(book.context()));
}

/** A mock sheet as rows of values, A1 down, as far as cells were written. */
function rowsOf(book: MockBook, sheet: string): (string | number | boolean | null)[][] {
  const cells = book.sheet(sheet)!.cells;
  const out: (string | number | boolean | null)[][] = [];
  for (const [ref, c] of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    (out[row] ??= [])[col] = c.value === '' ? null : c.value;
  }
  return out.map((r) => Array.from(r ?? [], (v) => v ?? null));
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-addin-own-'));
  blanks = generateBlanks(PLAN, '2023', path.join(root, 'blank'));
  for (const [district, towns] of Object.entries(TOWNS))
    for (const [town, [firms, output, pue]] of Object.entries(towns)) {
      fs.mkdirSync(path.dirname(townPath(district, town)), { recursive: true });
      fillReturn(blanks.get(town)!, townPath(district, town), [
        { op: 'set', name: 'PSV_T_FIRMS', value: firms },
        { op: 'set', name: 'PSV_T_OUTPUT', value: output },
        { op: 'set', name: 'PSV_T_PUE', value: pue },
      ]);
    }
}, 120_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('汇总报表 with town returns', () => {
  it('writes one 汇总 column per district and the towns on 镇街明细 under subtotal rows', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    const h = host(book, []);
    const files = [planFile(), ...Object.keys(TOWNS).flatMap(townsOf)];
    const { run, skipped } = await prepareConsolidation(h, files, false, 'zh');
    expect(skipped).toEqual([]);
    expect(run!.plan.id).toBe('tree-test-plan');
    const w = await writeRun(h, run!, async () => true);
    expect(w.written).toBe(true);
    expect(w.sheets).toContain('镇街明细');

    const summary = rowsOf(book, '汇总');
    expect(summary[2].slice(-3)).toEqual(['张家港', '常熟', '太仓']);
    // By hand: 12+30+8 = 50, 20+5 = 25, 4+6+9 = 19; 3.5+10.25+1 = 14.75, 7+2.5 = 9.5, 1.5+2+0.75 = 4.25; worst PUE.
    const row = (code: string) => summary.find((r) => r[0] === code)!.slice(-3);
    expect(row('T-FIRMS')).toEqual([50, 25, 19]);
    expect(row('T-OUTPUT')).toEqual([14.75, 9.5, 4.25]);
    expect(row('T-PUE')).toEqual([1.4, 1.3, 1.28]);

    const towns = rowsOf(book, '镇街明细');
    expect(towns.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
      ['320582', '小计：所辖镇街合计', 50, 14.75, 1.4],
      ['320582101', null, 12, 3.5, 1.25],
      ['320582102', null, 30, 10.25, 1.2],
      ['320582103', null, 8, 1, 1.4],
      ['320581', '小计：所辖镇街合计', 25, 9.5, 1.3],
      ['320581101', null, 20, 7, 1.1],
      ['320581102', null, 5, 2.5, 1.3],
      ['320585', '小计：所辖镇街合计', 19, 4.25, 1.28],
      ['320585101', null, 4, 1.5, 1.2],
      ['320585102', null, 6, 2, 1.15],
      ['320585103', null, 9, 0.75, 1.28],
    ]);
    // The subtotal rows are set off as in the CLI sheet (header fill), the towns are not.
    const fills = towns.map((_, i) => book.cell('镇街明细', `D${i + 1}`)?.fill ?? null);
    expect(fills.map((f, i) => (f ? towns[i][0] : null)).filter(Boolean)).toEqual(['单位代码', '320582', '320581', '320585']);
  }, 60_000);

  it('without the plan file, says the returns are of no known plan', async () => {
    const h = host(new MockBook(), []);
    const { run, skipped } = await prepareConsolidation(h, townsOf('320581'), false, 'zh');
    expect(run).toBeNull();
    expect(skipped.map((s) => s.reason)).toEqual(['不是内置规划或所选规划文件的 PlanSheet 填报表。', '不是内置规划或所选规划文件的 PlanSheet 填报表。']);
  });
});

describe('汇总为本级报表 (a district office makes its own return in Excel)', () => {
  let file: string;
  let made: Awaited<ReturnType<typeof makeOwnReturn>>;

  beforeAll(async () => {
    const opened: string[] = [];
    const h = host(new MockBook(), opened);
    const { group } = readPicked([planFile(), ...townsOf('320582')], 'zh');
    const options = ownReturnChoices(group!);
    // The towns' district is offered first and chosen by default.
    expect(options.preferred).toBe('320582');
    expect(options.parents).toEqual([]);
    made = await makeOwnReturn(group!, '320582', 'zh', new Date('2024-01-10T08:00:00Z'));
    await h.openWorkbook(made.bytes);
    // What Excel is asked to open is the file itself.
    expect(opened).toHaveLength(1);
    expect(Buffer.from(opened[0], 'base64').equals(Buffer.from(made.bytes))).toBe(true);
    file = path.join(root, 'made', made.fileName);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(opened[0], 'base64'));
  }, 60_000);

  it('tells the clerk what went in: towns, missing, findings, file name', () => {
    expect(made.fileName).toBe('2023_320582_张家港市.xlsx');
    expect(made).toMatchObject({ unit: '320582', unitName: '张家港市', used: 3, expected: 3, missing: [], filled: 3 });
    // 金港街道's PUE 1.4 is above the 1.3 limit: one warning travels up, with its file.
    expect(made.findings).toEqual({ errors: 0, warnings: 1, files: ['320582103.xlsx'] });
    expect(made.blank.map((b) => b.code)).toEqual(['T-RATE']);
    expect(made.skipped).toEqual([]);
  });

  it('is a return by the project reader and by openpyxl: the district totals, its metadata, the template contract', async () => {
    const r = await readReturnFile(file);
    if (!r.ok) throw new Error(r.message);
    expect(r.ret.meta).toMatchObject({ planId: 'tree-test-plan', unitCode: '320582', period: '2023' });
    const v = (code: string) => r.ret.entries.get(code)!.value;
    expect([v('T-FIRMS'), v('T-OUTPUT'), v('T-PUE')]).toEqual([
      { type: 'number', value: 50 },
      { type: 'number', value: 14.75 },
      { type: 'number', value: 1.4 },
    ]);
    expect(r.ret.meta!.belowFindings).toEqual({ errors: 0, warnings: 1, files: ['320582103.xlsx'] });

    const d = runPythonJson<Dump>(path.join(TREE, 'dump_return.py'), [file]);
    const blank = runPythonJson<Dump>(path.join(TREE, 'dump_return.py'), [blanks.get('320582')!]);
    expect(d.values).toEqual({ 'T-FIRMS': 50, 'T-OUTPUT': 14.75, 'T-PUE': 1.4, 'T-RATE': null });
    expect(d.sheets).toEqual(['填报说明', '指标填报', '汇总来源', '_plansheet_meta']);
    expect(d.states._plansheet_meta).toBe('veryHidden');
    expect(d.protected).toMatchObject({ 填报说明: true, 指标填报: true, 汇总来源: true });
    expect(d.validations).toBe(blank.validations);
    expect(d.names).toEqual(blank.names);
    expect(JSON.parse(d.meta['source:T-FIRMS'])).toEqual([
      { file: '320582101.xlsx', unit: '320582101', sheet: '指标填报', cell: 'F5', value: 12 },
      { file: '320582102.xlsx', unit: '320582102', sheet: '指标填报', cell: 'F5', value: 30 },
      { file: '320582103.xlsx', unit: '320582103', sheet: '指标填报', cell: 'F5', value: 8 },
    ]);
    expect(d.provenance.flat()).toContain('下级报表问题：错误 0 条、警告 1 条，见：320582103.xlsx');
  }, 60_000);

  it('passes the OOXML schema check', () => {
    expect(errorLines(checkXlsx([file]))).toEqual([]);
  });

  it('is consolidated by the city with the CLI like any district return', () => {
    const city = path.join(root, 'city');
    fs.mkdirSync(city, { recursive: true });
    // The district types its own rate, then sends the file up; the other districts' towns report directly.
    fillReturn(file, path.join(city, made.fileName), [{ op: 'set', name: 'PSV_T_RATE', value: 92 }]);
    const r = cli(['consolidate', city, path.join(root, 'towns', '320581'), path.join(root, 'towns', '320585'), '--plan', PLAN, '--out', path.join(root, 'city.xlsx'), '--json']);
    const c = JSON.parse(r.stdout) as Consolidation;
    const ind = (code: string) => c.indicators.find((i) => i.code === code)!;
    expect(c.returns.every((x) => x.status === 'accepted')).toBe(true);
    // 50 (张家港's return) + 25 + 19 = 94; 14.75 + 9.5 + 4.25 = 28.5; the worst PUE is 张家港's 1.4.
    expect(ind('T-FIRMS').city.value).toBe(94);
    expect(ind('T-OUTPUT').city.value).toBe(28.5);
    expect(ind('T-PUE').city).toMatchObject({ value: 1.4, nonCompliant: ['320582'] });
    expect(ind('T-FIRMS').tree!.map((n) => [n.unit, n.value, n.from])).toEqual([
      ['320582', 50, 'own'],
      ['320581', 25, 'below'],
      ['320585', 19, 'below'],
    ]);
    // The city follows 张家港's figure down to the town cells through the return the pane made.
    const zjg = ind('T-FIRMS').city.sources.find((s) => s.unit === '320582')!;
    expect(zjg.via!.map((s) => [s.file, s.cell, s.value])).toEqual([
      ['320582101.xlsx', 'F5', 12],
      ['320582102.xlsx', 'F5', 30],
      ['320582103.xlsx', 'F5', 8],
    ]);
  }, 120_000);
});

describe('汇总为本级报表 when the towns do not add up to one district', () => {
  it('says the returns belong to several districts, and leaves the others out of the one chosen', async () => {
    const { group } = readPicked([planFile(), ...townsOf('320582'), picked(townPath('320581', '320581101'))], 'zh');
    const options = ownReturnChoices(group!);
    expect(options.preferred).toBeNull();
    expect(options.parents.map((p) => [p.name, p.below])).toEqual([
      ['张家港市', 3],
      ['常熟市', 1],
    ]);
    const m = await makeOwnReturn(group!, '320582', 'zh');
    expect(m.used).toBe(3);
    expect(m.skipped).toEqual([{ file: '320581101.xlsx', reason: '报表 320581101.xlsx 的填报单位 320581101 不在 张家港市（320582） 之下，不能汇总为 张家港市（320582） 的报表' }]);
  }, 60_000);

  it('names the town that has not reported and leaves the sums blank', async () => {
    const { group } = readPicked([planFile(), ...townsOf('320585').slice(0, 2)], 'zh');
    const m = await makeOwnReturn(group!, '320585', 'zh');
    expect(m).toMatchObject({ used: 2, expected: 3, missing: ['浏河镇'], filled: 0 });
    const out = path.join(root, 'partial.xlsx');
    fs.writeFileSync(out, m.bytes);
    const r = await readReturnFile(out);
    if (!r.ok) throw new Error(r.message);
    expect(r.ret.entries.get('T-FIRMS')!.value).toEqual({ type: 'empty' });
  }, 60_000);
});

describe('the plan picked beside the returns', () => {
  it('may be the plan workbook written by `plansheet plan export`', async () => {
    const wbFile = path.join(root, '镇街汇总计划.xlsx');
    const r = cli(['plan', 'export', PLAN, '--out', wbFile]);
    expect(r.code).toBe(0);
    const { group, skipped } = readPicked([picked(wbFile), ...townsOf('320581')], 'zh');
    expect(skipped).toEqual([]);
    expect(group!.plan.id).toBe('tree-test-plan');
    expect(ownReturnChoices(group!).preferred).toBe('320581');
    const m = await makeOwnReturn(group!, '320581', 'zh');
    // 20 + 5 = 25 enterprises, 7 + 2.5 = 9.5 亿元.
    expect(m).toMatchObject({ fileName: '2023_320581_常熟市.xlsx', used: 2, expected: 2, missing: [], filled: 3 });
  }, 60_000);

  it('that is not a valid plan is listed with the reason, and its returns are of no known plan', () => {
    const bad: PickedFile = { name: '规划.json', bytes: new TextEncoder().encode('{"id": "x"') };
    const { group, skipped } = readPicked([bad, ...townsOf('320581')], 'zh');
    expect(group).toBeNull();
    expect(skipped[0].file).toBe('规划.json');
    expect(skipped[0].reason).toMatch(/^不是有效的规划文件：/);
    expect(skipped.slice(1).map((s) => s.file)).toEqual(['320581101.xlsx', '320581102.xlsx']);
  });
});
