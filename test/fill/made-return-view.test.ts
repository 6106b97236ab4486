/**
 * A district return made from its towns (`consolidate --as-return`) as
 * people see it where they open it: LibreOffice, WPS, or Excel in protected
 * view show the formulas' cached results and the stored row heights, and
 * recalculate nothing. Town templates from `plansheet generate` (plan
 * view-plan.json: 昆山 with ten towns, some with long names), filled by
 * openpyxl; 昆山's return is made by the real CLI, then read by openpyxl
 * (data_only: the cached values), converted to PDF by LibreOffice without
 * recalculation and read back with pdftotext.
 *
 * By hand, from the town values below (ten towns each):
 * - V-FIRMS 10 × 7 = 70 against 昆山's own target ≥ 60: 达标;
 * - V-OUTPUT 10 × 5.5 = 55 against its own ≥ 100: 未达标 (the remark says how it was made, so no ·请说明);
 * - V-PUE worst of 1.35 … 1.44 = 1.44 against ≤ 1.3: 未达标, every town named in a long remark;
 * - V-WATER worst of 10 … 19 = 19 against ≤ 20: 达标;
 * - V-SITES 10 × 300 = 3000, the city's target is not 昆山's: 已填;
 * - V-RATE a rate, left for 昆山 to type: 未填.
 */

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli, generateBlanks } from '../cli-validate/returns';
import { fillReturn } from '../fixtures/make-returns';
import { runPythonJson } from '../support/python';
import { convertWithLibreOffice, readSheetCsv } from '../support/libreoffice';
import { checkXlsx, errorLines } from '../ooxml/check';
import { MAX_ROW_POINTS, textUnits } from '../../src/xlsx/layout-text';

const PLAN = path.join(__dirname, 'view-plan.json');
const DISTRICT = '320583';
const TOWNS = ['320583101', '320583102', '320583103', '320583104', '320583105', '320583106', '320583107', '320583108', '320583109', '320583110'];
const TOWN_NAMES = ['花桥经济开发区', '昆山高新技术产业开发区', '昆山经济技术开发区', '张浦镇', '周市镇', '陆家镇', '巴城镇', '千灯镇', '淀山湖镇', '锦溪镇'];

const WANT: Record<string, { value: number | null; status: string }> = {
  'V-FIRMS': { value: 70, status: '达标' },
  'V-OUTPUT': { value: 55, status: '未达标' },
  'V-PUE': { value: 1.44, status: '未达标' },
  'V-WATER': { value: 19, status: '达标' },
  'V-SITES': { value: 3000, status: '已填' },
  'V-RATE': { value: null, status: '未填' },
};

interface View {
  fullCalcOnLoad: boolean;
  rows: Record<string, { row: number; status: string | null; formula: string; remark: string | null; height: number | null }>;
  provenance: {
    headerRow: number;
    header: string[];
    wrap: boolean[];
    widths: Record<string, number>;
    freeze: string;
    printTitles: string;
    merged: string[];
    heights: Record<string, number | null>;
    rows: (string | number | null)[][];
  };
}

let root: string;
let made: string;
let view: View;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-fillvis-'));
  const blanks = generateBlanks(PLAN, '2023', path.join(root, 'blank'));
  fs.mkdirSync(path.join(root, 'towns'));
  TOWNS.forEach((town, i) =>
    fillReturn(blanks.get(town)!, path.join(root, 'towns', `${town}.xlsx`), [
      { op: 'set', name: 'PSV_V_FIRMS', value: 7 },
      { op: 'set', name: 'PSV_V_OUTPUT', value: 5.5 },
      { op: 'set', name: 'PSV_V_PUE', value: Math.round((1.35 + i * 0.01) * 100) / 100 },
      { op: 'set', name: 'PSV_V_WATER', value: 10 + i },
      { op: 'set', name: 'PSV_V_SITES', value: 300 },
    ]),
  );
  made = path.join(root, 'made.xlsx');
  const r = cli(['consolidate', path.join(root, 'towns'), '--plan', PLAN, '--as-return', DISTRICT, '--out', made]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  view = runPythonJson<View>(path.join(__dirname, 'dump_view.py'), [made]);
}, 180_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the status column of a made return, before any recalculation', () => {
  it('caches the word each status formula gives (met, missed, already filled, blank), and keeps the formulas', () => {
    expect(Object.fromEntries(Object.entries(view.rows).map(([code, r]) => [code, r.status]))).toEqual(Object.fromEntries(Object.entries(WANT).map(([code, w]) => [code, w.status])));
    for (const r of Object.values(view.rows)) expect(r.formula).toMatch(/^=IF\(ISNUMBER\(F\d+\),/);
    // Excel still recalculates everything when it opens the file.
    expect(view.fullCalcOnLoad).toBe(true);
  });

  it('caches what the formulas compute: LibreOffice recalculating shows the same words', async () => {
    const out = path.join(root, 'csv');
    await convertWithLibreOffice(made, 'csv', out, { csvAllSheets: true });
    const grid = readSheetCsv(out, made, '指标填报');
    for (const [code, r] of Object.entries(view.rows)) {
      const line = grid[r.row - 1];
      expect([line[0], Number(line[5]) || null, line[6]]).toEqual([code, WANT[code].value, r.status]);
    }
  }, 120_000);
});

describe('what a clerk sees in LibreOffice without recalculation', () => {
  let pages: string[];
  let words: { text: string; yMin: number; yMax: number; page: number }[];

  beforeAll(async () => {
    const out = path.join(root, 'pdf');
    const { outputs } = await convertWithLibreOffice(made, 'pdf', out, { recalc: false });
    const pdf = outputs.find((f) => f.endsWith('.pdf'))!;
    pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    words = [];
    let page = -1;
    for (const m of bbox.matchAll(/<page |<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      if (m[0] === '<page ') page++;
      else words.push({ text: m[3], yMin: Number(m[1]), yMax: Number(m[2]), page });
    }
  }, 120_000);

  it('shows each row with its status word, and no filled row as 未填', () => {
    const entry = pages.find((p) => p.includes('V-FIRMS') && p.includes('填报值'))!;
    for (const [code, w] of Object.entries(WANT)) {
      const line = entry.split('\n').find((l) => new RegExp(`^\\s*${code}\\s`).test(l))!;
      expect(line).toContain(w.status);
      if (w.value !== null) expect(line).not.toContain('未填');
    }
  });

  it("keeps the long remark inside its row, clear of the rows above and below", () => {
    expect(view.rows['V-PUE'].remark).toContain(TOWN_NAMES.join('、'));
    // Stored tall enough for the remark wrapped in column H (32 wide), at most Excel's 409 points.
    const remark = view.rows['V-PUE'].remark!;
    const lines = Math.ceil((textUnits(remark) / 31));
    expect(view.rows['V-PUE'].height).toBeGreaterThanOrEqual(lines * 15);
    expect(view.rows['V-PUE'].height).toBeLessThanOrEqual(MAX_ROW_POINTS);
    // On the page: the remark's first and last lines lie between the codes of the rows above and below.
    const entryPage = words.find((w) => w.text === 'V-PUE')!.page;
    const on = words.filter((w) => w.page === entryPage);
    const first = on.find((w) => w.text.includes('最不利') && w.text.includes('花桥'))!;
    const last = on.find((w) => w.text.includes('锦溪镇'))!;
    const above = on.find((w) => w.text === 'V-OUTPUT')!;
    const below = on.find((w) => w.text === 'V-WATER')!;
    expect(first.yMin).toBeGreaterThan(above.yMax);
    expect(last.yMax).toBeLessThan(below.yMin);
    expect(last.yMax).toBeGreaterThan(first.yMax);
  });

  it('prints the 汇总来源 headers, every one in Chinese and English', () => {
    const prov = pages.filter((p) => p.includes('报表汇总来源') || p.includes('Source value'));
    expect(prov.length).toBeGreaterThan(0);
    const text = prov.join('\n');
    for (const h of view.provenance.header) for (const part of h.split('\n')) expect(text).toContain(part);
    expect(view.provenance.header.map((h) => h.split('\n')[0])).toEqual(['指标编码', '指标名称', '计量单位', '本级数值', '说明', '来源单位', '单位代码', '来源文件', '工作表', '单元格', '来源数值']);
  });
});

describe('the 汇总来源 sheet', () => {
  it('wraps its header, freezes it and repeats it on every printed page', () => {
    const p = view.provenance;
    expect(p.wrap.every(Boolean)).toBe(true);
    expect(p.freeze).toBe(`A${p.headerRow + 1}`);
    expect(p.printTitles).toBe(`$${p.headerRow}:$${p.headerRow}`);
    // Two lines of header text (Chinese over English).
    expect(p.heights[p.headerRow]).toBeGreaterThanOrEqual(30);
    // Title and the lines under it span the table.
    expect(p.merged).toEqual(['A1:K1', 'A2:K2', 'A3:K3']);
  });

  it('gives every column room for its header words, and the unit and file names their own line', () => {
    const p = view.provenance;
    const cols = 'ABCDEFGHIJK'.split('');
    p.header.forEach((h, i) => {
      for (const word of h.split('\n')) expect(p.widths[cols[i]]).toBeGreaterThanOrEqual(textUnits(word));
    });
    // 昆山高新技术产业开发区 (22 units) and 320583101.xlsx fit their columns.
    expect(p.widths.F).toBeGreaterThanOrEqual(textUnits('昆山高新技术产业开发区'));
    expect(p.widths.H).toBeGreaterThanOrEqual(textUnits('320583101.xlsx'));
    // The row of a long note is stored taller than one line.
    const pue = p.rows.findIndex((r) => r[0] === 'V-PUE');
    expect(p.heights[pue + 1]).toBeGreaterThanOrEqual(45);
    expect(p.rows[pue].slice(0, 5)).toEqual(['V-PUE', '数据中心电能利用效率（PUE）', null, 1.44, expect.stringContaining('锦溪镇')]);
    expect(p.rows.filter((r) => typeof r[6] === 'string' && TOWNS.includes(r[6] as string))).toHaveLength(50);
  });

  it('passes the OOXML schema check', () => {
    expect(errorLines(checkXlsx([made]))).toEqual([]);
  });
});
