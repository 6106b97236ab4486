/**
 * Town → district → city, the way offices do it: blank town templates from
 * `plansheet generate` (plan test/tree/tree-plan.json: three districts with
 * 3, 2 and 3 towns), filled by openpyxl; each district consolidates its towns
 * into its own return with `consolidate --as-return`, types its own rate, and
 * the city consolidates the district returns. Every figure and provenance
 * link is checked against the numbers below, added up by hand.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Consolidation, IndicatorSummary } from '../../src/core/consolidate/types';
import { cli, generateBlanks } from '../cli-validate/returns';
import { fillReturn } from '../fixtures/make-returns';
import { runPythonJson } from '../support/python';
import { loadPlanArg } from '../../src/node/plan-source';
import { readReturnFile } from '../../src/xlsx/read/node';
import { consolidate } from '../../src/core/engine';
import { buildSummaryTables } from '../../src/addin/summaryTables';
import { checkXlsx, errorLines } from '../ooxml/check';

const PLAN = path.join(__dirname, 'tree-plan.json');
const DUMP = path.join(__dirname, 'dump_return.py');

/** Town → [高新技术企业数, 增加值 亿元, PUE]. */
const TOWNS: Record<string, Record<string, [number, number, number]>> = {
  '320582': { '320582101': [12, 3.5, 1.25], '320582102': [30, 10.25, 1.2], '320582103': [8, 1, 1.4] },
  '320581': { '320581101': [20, 7, 1.1], '320581102': [5, 2.5, 1.3] },
  '320585': { '320585101': [4, 1.5, 1.2], '320585102': [6, 2, 1.15], '320585103': [9, 0.75, 1.28] },
};
/** By hand: 12+30+8 = 50, 3.5+10.25+1 = 14.75, worst PUE 1.4 (金港街道 above 1.3); … */
const DISTRICT = {
  '320582': { firms: 50, output: 14.75, pue: 1.4 },
  '320581': { firms: 25, output: 9.5, pue: 1.3 },
  '320585': { firms: 19, output: 4.25, pue: 1.28 },
};
/** The rate each district types into its own return (the city-level figure is the lead department's). */
const RATES = { '320582': 92, '320581': 95, '320585': 91 };

interface Dump {
  sheets: string[];
  states: Record<string, string>;
  values: Record<string, number | null>;
  remarks: Record<string, string | null>;
  /** The status cells' cached values: what LibreOffice, WPS or Excel in protected view show. */
  statuses: Record<string, string | null>;
  meta: Record<string, string>;
  provenance: (string | number | null)[][];
  protected: Record<string, boolean>;
  validations: number;
  names: string[];
}

interface SummaryDump {
  sheets: string[];
  summaryHeader: (string | null)[];
  summaryRows: Record<string, (string | number | null)[]>;
  towns: (string | number | null)[][];
  outline: Record<string, number>;
  provenance: (string | number | null)[][];
}

const dump = (file: string) => runPythonJson<Dump>(DUMP, [file]);
const ind = (c: Consolidation, code: string): IndicatorSummary => c.indicators.find((i) => i.code === code)!;
const townFile = (town: string) => `${town}.xlsx`;

let root: string;
let blanks: Map<string, string>;

/** Fills a town's blank template with its three values (openpyxl). */
function fillTown(town: string, dir: string): string {
  const [firms, output, pue] = Object.values(TOWNS).find((t) => town in t)![town];
  const out = path.join(dir, townFile(town));
  fs.mkdirSync(dir, { recursive: true });
  fillReturn(blanks.get(town)!, out, [
    { op: 'set', name: 'PSV_T_FIRMS', value: firms },
    { op: 'set', name: 'PSV_T_OUTPUT', value: output },
    { op: 'set', name: 'PSV_T_PUE', value: pue },
  ]);
  return out;
}

function asReturn(district: string, inputs: string[], out: string) {
  return cli(['consolidate', ...inputs, '--plan', PLAN, '--as-return', district, '--out', out]);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-tree-'));
  blanks = generateBlanks(PLAN, '2023', path.join(root, 'blank'));
  for (const [district, towns] of Object.entries(TOWNS)) for (const town of Object.keys(towns)) fillTown(town, path.join(root, 'towns', district));
}, 120_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a district return made from its towns (--as-return)', () => {
  const made = new Map<string, string>();

  beforeAll(() => {
    for (const district of Object.keys(TOWNS)) {
      const out = path.join(root, 'made', `2023_${district}.xlsx`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const r = asReturn(district, [path.join(root, 'towns', district)], out);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      made.set(district, out);
    }
  }, 120_000);

  it('fills each district total by hand-computed numbers, and leaves the rate to the district', () => {
    for (const [district, want] of Object.entries(DISTRICT)) {
      const d = dump(made.get(district)!);
      expect(d.values).toEqual({ 'T-FIRMS': want.firms, 'T-OUTPUT': want.output, 'T-PUE': want.pue, 'T-RATE': null });
      expect(d.remarks['T-FIRMS']).toBe(`由 ${Object.keys(TOWNS[district]).length} 个下级单位汇总，来源见“汇总来源”表`);
      expect(d.meta.unit_code).toBe(district);
      expect(d.meta.consolidated_from).toBe(String(Object.keys(TOWNS[district]).length));
    }
    // The limit names the town that does not comply.
    expect(dump(made.get('320582')!).remarks['T-PUE']).toContain('不达标：金港街道');
  });

  it('stores the status words of the filled rows, so viewers that do not recalculate show them', () => {
    // The sums are the districts' parts of city targets (已填); the PUE limit binds each district:
    // 张家港 1.4 > 1.3 misses it (its remark names the town, so no ·请说明), 常熟 1.3 and 太仓 1.28 meet it;
    // the rate is the district's own to type (未填).
    const want = { '320582': '未达标', '320581': '达标', '320585': '达标' };
    for (const [district, pue] of Object.entries(want))
      expect(dump(made.get(district)!).statuses).toEqual({ 'T-FIRMS': '已填', 'T-OUTPUT': '已填', 'T-PUE': pue, 'T-RATE': '未填' });
  });

  it('keeps the template contract: sheets, very hidden metadata, protection, validation, defined names', () => {
    const blank = dump(blanks.get('320582')!);
    const d = dump(made.get('320582')!);
    expect(d.sheets).toEqual(['填报说明', '指标填报', '汇总来源', '_plansheet_meta']);
    expect(d.states._plansheet_meta).toBe('veryHidden');
    expect(d.protected).toEqual({ 填报说明: true, 指标填报: true, 汇总来源: true, _plansheet_meta: blank.protected._plansheet_meta });
    expect(d.validations).toBe(blank.validations);
    expect(d.names).toEqual(blank.names);
    for (const key of ['plan_id', 'plan_hash', 'period', 'codes', 'format_version']) expect(d.meta[key]).toBe(blank.meta[key]);
  });

  it('passes the OOXML schema check', () => {
    // The project's own checker (the ECMA-376 schemas plus Excel's limits).
    expect(made.size).toBeGreaterThan(0);
    expect(errorLines(checkXlsx([...made.values()]))).toEqual([]);
  });

  it('names the town file and cell behind every value, in the metadata and on the 汇总来源 sheet', () => {
    const d = dump(made.get('320582')!);
    const sources = JSON.parse(d.meta['source:T-FIRMS']);
    expect(sources).toEqual([
      { file: '320582101.xlsx', unit: '320582101', sheet: '指标填报', cell: 'F5', value: 12 },
      { file: '320582102.xlsx', unit: '320582102', sheet: '指标填报', cell: 'F5', value: 30 },
      { file: '320582103.xlsx', unit: '320582103', sheet: '指标填报', cell: 'F5', value: 8 },
    ]);
    const rows = d.provenance.filter((r) => /^3205/.test(String(r[6])));
    expect(rows).toHaveLength(9);
    const output = d.provenance.findIndex((r) => r[0] === 'T-OUTPUT');
    expect(d.provenance[output].slice(0, 4)).toEqual(['T-OUTPUT', '数字经济核心产业增加值', '亿元', 14.75]);
    expect(d.provenance.slice(output, output + 3).map((r) => r.slice(5))).toEqual([
      ['杨舍镇', '320582101', '320582101.xlsx', '指标填报', 'F6', 3.5],
      ['塘桥镇', '320582102', '320582102.xlsx', '指标填报', 'F6', 10.25],
      ['金港街道', '320582103', '320582103.xlsx', '指标填报', 'F6', 1],
    ]);
    // The rate is the district's own: no source, and why.
    const rate = d.provenance.find((r) => r[0] === 'T-RATE')!;
    expect(rate[3]).toBeNull();
    expect(rate[4]).toContain('由本单位填报');
    expect(d.meta['source:T-RATE']).toBeUndefined();
  });

  it("carries the towns' findings up as a count and a pointer", () => {
    const d = dump(made.get('320582')!);
    // 金港街道's PUE 1.4 is above the 1.3 limit: a warning in its return.
    expect(JSON.parse(d.meta.below_findings)).toEqual({ errors: 0, warnings: 1, files: ['320582103.xlsx'] });
    expect(d.provenance.flat()).toContain('下级报表问题：错误 0 条、警告 1 条，见：320582103.xlsx');
    expect(JSON.parse(dump(made.get('320581')!).meta.below_findings)).toEqual({ errors: 0, warnings: 0, files: [] });
  });

  it('is a valid return once the district types its own rate; the city follows every figure down to the town cell', () => {
    const cityDir = path.join(root, 'city');
    fs.mkdirSync(cityDir, { recursive: true });
    for (const [district, file] of made) {
      // Before: the only error is the rate the district has yet to type.
      const before = cli(['validate', file, '--plan', PLAN, '--json']);
      const findings = JSON.parse(before.stdout)[0].findings as { severity: string; rule: string; code: string }[];
      expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.code])).toEqual([['value.missing', 'T-RATE']]);
      fillReturn(file, path.join(cityDir, `${district}.xlsx`), [{ op: 'set', name: 'PSV_T_RATE', value: RATES[district as keyof typeof RATES] }]);
      const after = cli(['validate', path.join(cityDir, `${district}.xlsx`), '--plan', PLAN]);
      expect(after.code).toBe(0);
    }

    const summary = path.join(root, 'summary.xlsx');
    const r = cli(['consolidate', cityDir, '--plan', PLAN, '--out', summary, '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Consolidation;
    expect(c.missing).toEqual([]);
    expect(c.returns.map((x) => x.status)).toEqual(['accepted', 'accepted', 'accepted']);

    // 50 + 25 + 19 = 94 enterprises; 14.75 + 9.5 + 4.25 = 28.5 亿元; worst PUE 1.4.
    expect(ind(c, 'T-FIRMS').city).toMatchObject({ value: 94, attained: 'missed', reported: { count: 3, expected: 3 } });
    expect(ind(c, 'T-OUTPUT').city).toMatchObject({ value: 28.5, attained: 'missed', reported: { count: 3, expected: 3 } });
    expect(ind(c, 'T-PUE').city).toMatchObject({ value: 1.4, attained: 'missed', nonCompliant: ['320582'] });
    expect(ind(c, 'T-RATE').units).toEqual({ '320582': 92, '320581': 95, '320585': 91 });
    expect(ind(c, 'T-FIRMS').ranking).toEqual(['320582', '320581', '320585']);

    // Each district's cell, and through it every town cell with its value.
    for (const code of ['T-FIRMS', 'T-OUTPUT', 'T-PUE']) {
      const i = ind(c, code);
      const col = { 'T-FIRMS': 0, 'T-OUTPUT': 1, 'T-PUE': 2 }[code]!;
      const cell = `F${5 + col}`;
      expect(i.city.sources).toHaveLength(3);
      for (const s of i.city.sources) {
        expect(s).toMatchObject({ file: path.join(cityDir, `${s.unit}.xlsx`), sheet: '指标填报', cell });
        expect(s.via).toEqual(Object.entries(TOWNS[s.unit]).map(([town, v]) => ({ file: townFile(town), unit: town, sheet: '指标填报', cell, value: v[col] })));
      }
    }
    // The district returns stand for their towns in the tree.
    expect(ind(c, 'T-FIRMS').tree!.map((n) => [n.unit, n.value, n.from])).toEqual([
      ['320582', 50, 'own'],
      ['320581', 25, 'own'],
      ['320585', 19, 'own'],
    ]);
    expect(c.returns.find((x) => x.unit === '320582')!.belowFindings).toEqual({ errors: 0, warnings: 1, files: ['320582103.xlsx'] });

    // The summary's 数据溯源 follows 张家港's figure down to its towns' cells.
    const sheet = runPythonJson<SummaryDump>(path.join(__dirname, 'dump_summary.py'), [summary]).provenance;
    const at = sheet.findIndex((row) => row[0] === 'T-FIRMS' && row[2] === '张家港市');
    expect(sheet[at].slice(3)).toEqual([50, path.join(cityDir, '320582.xlsx'), '指标填报', 'F5']);
    expect(sheet.slice(at + 1, at + 4).map((row) => row.slice(2))).toEqual([
      ['  └ 杨舍镇', 12, '320582101.xlsx', '指标填报', 'F5'],
      ['  └ 塘桥镇', 30, '320582102.xlsx', '指标填报', 'F5'],
      ['  └ 金港街道', 8, '320582103.xlsx', '指标填报', 'F5'],
    ]);
  }, 120_000);
});

describe('the city consolidating through the tree', () => {
  it('totals a district from its towns when they report to the city directly, beside district returns', () => {
    // 张家港 and 太仓 send district returns made from their towns; 常熟's towns report directly.
    const dir = path.join(root, 'mixed');
    fs.mkdirSync(dir, { recursive: true });
    for (const d of ['320582', '320585']) {
      const made = path.join(dir, `${d}.xlsx`);
      expect(asReturn(d, [path.join(root, 'towns', d)], made).code).toBe(0);
    }
    const r = cli(['consolidate', dir, path.join(root, 'towns', '320581'), '--plan', PLAN, '--out', path.join(root, 'mixed.xlsx'), '--json']);
    expect([0, 1]).toContain(r.code);
    const c = JSON.parse(r.stdout) as Consolidation;
    const firms = ind(c, 'T-FIRMS');
    expect(firms.city).toMatchObject({ value: 94, reported: { count: 4, expected: 4 } });
    expect(firms.city.sources.map((s) => s.unit).sort()).toEqual(['320581101', '320581102', '320582', '320585']);
    const changshu = firms.tree!.find((n) => n.unit === '320581')!;
    expect(changshu).toMatchObject({ value: 25, from: 'below', complete: true, reported: { count: 2, expected: 2 } });
    expect(changshu.sources.map((s) => [path.basename(s.file), s.cell])).toEqual([
      ['320581101.xlsx', 'F5'],
      ['320581102.xlsx', 'F5'],
    ]);
    expect(ind(c, 'T-OUTPUT').tree!.find((n) => n.unit === '320581')!.value).toBe(9.5);
    expect(ind(c, 'T-PUE').tree!.find((n) => n.unit === '320581')).toMatchObject({ value: 1.3, nonCompliant: [] });
    // 常熟 still owes its own rate, which no town reports; its towns are not missing.
    expect(c.missing).toEqual(['320581']);
  }, 120_000);

  it('sums towns into districts and districts into the city when only towns report', () => {
    const r = cli(['consolidate', path.join(root, 'towns'), '--plan', PLAN, '--out', path.join(root, 'towns.xlsx'), '--json']);
    const c = JSON.parse(r.stdout) as Consolidation;
    const firms = ind(c, 'T-FIRMS');
    expect(firms.city).toMatchObject({ value: 94, reported: { count: 8, expected: 8 } });
    expect(firms.tree!.map((n) => [n.unit, n.value, n.from, n.reported.count])).toEqual([
      ['320582', 50, 'below', 3],
      ['320581', 25, 'below', 2],
      ['320585', 19, 'below', 3],
    ]);
    expect(firms.ranking).toEqual(['320582', '320581', '320585']);
    expect(ind(c, 'T-PUE').tree!.map((n) => [n.unit, n.value, n.nonCompliant])).toEqual([
      ['320582', 1.4, ['320582103']],
      ['320581', 1.3, []],
      ['320585', 1.28, []],
    ]);

    // 汇总: the city and one column per district; the towns on 镇街明细 under their district.
    const file = path.join(root, 'towns.xlsx');
    expect(errorLines(checkXlsx([file]))).toEqual([]);
    const s = runPythonJson<SummaryDump>(path.join(__dirname, 'dump_summary.py'), [file]);
    expect(s.sheets.slice(0, 2)).toEqual(['汇总', '镇街明细']);
    expect(s.summaryHeader.slice(-3)).toEqual(['张家港', '常熟', '太仓']);
    expect(s.summaryRows['T-FIRMS'].slice(-3)).toEqual([50, 25, 19]);
    expect(s.summaryRows['T-OUTPUT'].slice(-3)).toEqual([14.75, 9.5, 4.25]);
    expect(s.towns.slice(2).map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
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
    // Towns are grouped (outline level 1) under their district's subtotal row.
    expect(s.outline['320582']).toBe(0);
    expect(s.outline['320582101']).toBe(1);
  }, 120_000);
});

describe("the add-in's city mode", () => {
  it('shows one 汇总 column per district and the towns on 镇街明细, from the same town returns', async () => {
    const plan = loadPlanArg(PLAN);
    const files = Object.entries(TOWNS).flatMap(([d, towns]) => Object.keys(towns).map((t) => path.join(root, 'towns', d, townFile(t))));
    const rets = await Promise.all(files.map(async (f) => {
      const r = await readReturnFile(f);
      if (!r.ok) throw new Error(`cannot read ${f}`);
      return r.ret;
    }));
    const tables = buildSummaryTables(plan, consolidate(plan, '2023', rets));
    const summary = tables.sheets.find((s) => s.name === '汇总')!.table.rows;
    expect(summary[2].slice(-3)).toEqual(['张家港', '常熟', '太仓']);
    const firms = summary.find((r) => r[0] === 'T-FIRMS')!;
    expect(firms.slice(-3)).toEqual([50, 25, 19]);
    const towns = tables.sheets.find((s) => s.name === '镇街明细')!.table.rows;
    expect(towns.map((r) => [r[0], r[3]])).toEqual([
      ['单位代码', 'T-FIRMS 高新技术企业数（家）'],
      ['320582', 50], ['320582101', 12], ['320582102', 30], ['320582103', 8],
      ['320581', 25], ['320581101', 20], ['320581102', 5],
      ['320585', 19], ['320585101', 4], ['320585102', 6], ['320585103', 9],
    ]);
  }, 60_000);
});

describe('what --as-return refuses or leaves blank', () => {
  it('leaves a sum blank when a town has not reported, and says which', () => {
    const dir = path.join(root, 'partial');
    fs.mkdirSync(dir, { recursive: true });
    for (const t of ['320585101', '320585102']) fs.copyFileSync(path.join(root, 'towns', '320585', townFile(t)), path.join(dir, townFile(t)));
    const out = path.join(root, 'partial.xlsx');
    const r = asReturn('320585', [dir], out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('T-FIRMS');
    const d = dump(out);
    expect(d.values['T-FIRMS']).toBeNull();
    expect(d.meta['source:T-FIRMS']).toBeUndefined();
    expect(d.provenance.find((x) => x[0] === 'T-FIRMS')![4]).toBe('下级单位未报齐（2/3，未报或数值有误：浏河镇），未填写；补齐后重新汇总，或由本单位核实后填写');
  }, 60_000);

  it("refuses a town of another district, and an existing output, writing nothing", () => {
    const out = path.join(root, 'wrong.xlsx');
    const r = asReturn('320582', [path.join(root, 'towns', '320582'), path.join(root, 'towns', '320581', townFile('320581101'))], out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('320581101.xlsx 的填报单位 320581101 不在 320582 之下');
    expect(fs.existsSync(out)).toBe(false);

    const existing = path.join(root, 'existing.xlsx');
    fs.writeFileSync(existing, 'keep me');
    const again = asReturn('320582', [path.join(root, 'towns', '320582')], existing);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
  }, 60_000);
});
