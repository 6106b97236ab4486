/**
 * The city summary workbook, written from a hand-built Consolidation and read
 * back by openpyxl and LibreOffice.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeSummaryWorkbook } from '../../src/xlsx/summary';
import { asCity, HOSTILE, testConsolidation, testPlan } from './fixture';
import { inspectXlsx, libreOfficeConvert, rowValues, colName, type Inspected } from './tools';
import { summaryColumnWidths, summaryPagesWide } from '../../src/xlsx/summary/sheet-summary';
import { buildSummaryTables } from '../../src/addin/summaryTables';
import { wrappedRowHeight } from '../../src/xlsx/layout-text';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-summary-'));
const file = path.join(dir, 'summary.xlsx');
const plan = testPlan();
const c = testConsolidation(plan);
let wb: Inspected;

beforeAll(async () => {
  const bytes = await writeSummaryWorkbook(plan, c, { generatedAt: new Date('2024-02-01T08:00:00Z') });
  expect(bytes).toBeInstanceOf(Uint8Array);
  fs.writeFileSync(file, bytes);
  wb = inspectXlsx(file);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('has the five Chinese sheets in order', () => {
  expect(wb.sheets).toEqual(['汇总', '报送情况', '问题清单', '填报完成情况', '数据溯源']);
});

test('汇总: headers, districts before departments, values and attainment words', () => {
  const s = wb.sheet['汇总'];
  const header = rowValues(s, 3);
  const districts = plan.units.filter((u) => u.kind === 'district').map((u) => u.shortName);
  // The columns people look for first come first, then the units.
  expect(header.slice(0, 12)).toEqual(['代码', '类型', '指标', '单位', '全市', '已报', '目标', '达标情况', '完成率', '计算方式', '区县排名', '区县合计与牵头部门差异']);
  expect(header.slice(12, 12 + districts.length)).toEqual(districts);
  expect(header[12 + districts.length]).toBe('市工信局');
  expect(header).toHaveLength(12 + districts.length + 1);

  const cityCol = header.indexOf('全市');
  const attCol = header.indexOf('达标情况');
  const byCode = new Map<string, (string | number | boolean | null)[]>();
  for (let r = 4; r <= s.maxRow; r++) {
    const row = rowValues(s, r);
    byCode.set(String(row[0]), row);
  }
  for (const ind of c.indicators) {
    const row = byCode.get(ind.code)!;
    expect(row).toBeDefined();
    // Each unit's value sits under its own header.
    for (const [unit, v] of Object.entries(ind.units)) {
      const label = plan.units.find((u) => u.code === unit)!.shortName;
      const words = ind.texts?.[unit];
      expect(row[header.indexOf(label!)] ?? null).toBe(words != null ? words.replace('\u0007', '') : v);
    }
    expect(row[cityCol] ?? null).toBe(ind.city.value);
  }
  expect(byCode.get('T-01')![attCol]).toBe('达标');
  expect(byCode.get('T-02')![attCol]).toBe('无数据');
  expect(byCode.get('T-03')![attCol]).toBe('未达标');
  expect(byCode.get('T-04')![attCol]).toBe('定性');
  expect(byCode.get('T-05')![attCol]).toBe('无目标');
  // Category with a parent shows both levels; the limit lists who fails it.
  expect(byCode.get('T-02')![1]).toBe('数字产业化 › 一网通办');
  expect(String(byCode.get('T-03')![header.indexOf('计算方式')])).toContain('张家港市');
  // ...and its value cell is marked; a unit that need not report is greyed.
  const zjg = colName(header.indexOf('张家港') + 1);
  expect(zjg).toBe('M');
  const t03Row = 4 + c.indicators.findIndex((i) => i.code === 'T-03');
  expect(s.cells[`${zjg}${t03Row}`].fill).toBe('FFFFC7CE');
  const t04Row = 4 + c.indicators.findIndex((i) => i.code === 'T-04');
  expect(c.grid[plan.units.find((u) => u.shortName === '张家港')!.code]['T-04']).toBe('not-required');
  expect(s.cells[`${zjg}${t04Row}`]).toEqual({ v: null, t: 'n', fill: 'FFEDEDED' });
  expect(byCode.get('T-01')![header.indexOf('目标')]).toBe('≥ 100');
  const dvl = c.indicators[0].city.districtsVsLead!;
  expect(byCode.get('T-01')![header.indexOf('区县合计与牵头部门差异')]).toBe(dvl.difference);
});

test('汇总: frozen header, autofilter, print setup, conditional formats and data bars', () => {
  const s = wb.sheet['汇总'];
  expect(s.freeze).toBe('D4');
  expect(s.autofilter).toMatch(/^A3:[A-Z]+\d+$/);
  // A3 landscape, as many pages wide as a readable scale needs, with the key
  // columns and the header rows on every page.
  expect(s.orientation).toBe('landscape');
  expect(Number(s.paperSize)).toBe(8);
  const widths = Array.from({ length: s.maxCol }, (_, i) => s.columnWidths[colName(i + 1)]);
  expect(widths.every((w) => w > 0)).toBe(true);
  expect(s.fitToWidth).toBe(summaryPagesWide(widths, 7));
  expect(s.fitToHeight).toBe(0);
  expect(s.printTitleRows).toBe('$1:$3');
  expect(s.printTitleCols).toBe('$A:$I');
  const words = s.cf.filter((r) => r.type === 'cellIs').map((r) => r.formula[0]);
  expect(words).toEqual(expect.arrayContaining(['"达标"', '"未达标"', '"无数据"', '"定性"', '"无目标"']));
  expect(s.cf.filter((r) => r.type === 'cellIs').every((r) => r.hasDxf)).toBe(true);
  const bars = s.cf.filter((r) => r.type === 'dataBar');
  expect(bars).toHaveLength(c.indicators.length);
  expect(bars[0].ref).toMatch(/^M4:[A-Z]+4$/);
});

test('汇总: rows are as tall as their wrapped text (LibreOffice prints with the stored height)', async () => {
  const s = wb.sheet['汇总'];
  c.indicators.forEach((_, i) => expect(s.rowHeights[String(4 + i)]).toBeGreaterThanOrEqual(18));
  // A long 计算方式 takes several lines in its 44-wide column.
  const long = structuredClone(c);
  long.indicators[0].city.basis = '9/10 个单位合计（未报送：吴江；数值无法识别：张家港）；牵头部门 市工信局 报全市数 410，各单位合计与之相差 1110';
  const f = path.join(dir, 'long.xlsx');
  fs.writeFileSync(f, await writeSummaryWorkbook(plan, long));
  const back = inspectXlsx(f).sheet['汇总'];
  const h = back.rowHeights['4'];
  expect(h).toBe(wrappedRowHeight([{ text: long.indicators[0].city.basis, width: 44 }]));
  expect(h).toBeGreaterThanOrEqual(48);
  // LibreOffice keeps it.
  expect(inspectXlsx(await libreOfficeConvert(f, 'xlsx')).sheet['汇总'].rowHeights['4']).toBeCloseTo(h, 0);
}, 120_000);

test('pages across: key columns repeat, the rest is dealt out at a readable scale', () => {
  const lead = summaryColumnWidths(12);
  const key = lead.slice(0, 9).reduce((a, b) => a + b, 0);
  const room = Math.floor(210 / 0.75) - key;
  expect(summaryPagesWide([...lead, ...Array(3).fill(10)], 9)).toBe(1);
  // The Suzhou plan: 10 districts and 17 departments.
  // Page 1 has 计算方式, 区县排名 and the difference beside the key columns;
  // every page after it holds `room / 10` units.
  const firstPageUnits = Math.floor((room - 44 - 28 - 14) / 10);
  const pages = (units: number) => 1 + Math.ceil(Math.max(0, units - firstPageUnits) / Math.floor(room / 10));
  expect(summaryPagesWide([...lead, ...Array(27).fill(10)], 9)).toBe(pages(27));
  expect(summaryPagesWide([...lead, ...Array(60).fill(10)], 9)).toBe(pages(60));
  expect(pages(60)).toBeGreaterThan(pages(27));
});

test('the add-in writes the same 汇总 table: same header, same key columns', () => {
  const t = buildSummaryTables(plan, c).sheets[0];
  expect(t.name).toBe('汇总');
  const s = wb.sheet['汇总'];
  expect(t.table.rows[2]).toEqual(rowValues(s, 3));
  c.indicators.forEach((_, i) => {
    // Empty cells: '' in the add-in's table, absent in the workbook.
    const ours = t.table.rows[3 + i].map((v) => (v === '' ? null : v));
    const theirs = rowValues(s, 4 + i);
    expect(ours.slice(0, theirs.length)).toEqual(theirs);
  });
});

test('报送情况: each expected unit, missing ones, then rejected and conflicting files', () => {
  const s = wb.sheet['报送情况'];
  expect(rowValues(s, 2)).toEqual(['单位', '是否报送', '文件', '时间', '联系人', '电话', '错误数', '警告数', '状态/原因']);
  const rows = Array.from({ length: s.maxRow }, (_, i) => rowValues(s, i + 1));
  const find = (name: string) => rows.filter((r) => r[0] === name);
  expect(find('张家港市')[0].slice(1, 3)).toEqual(['已报送', 'returns/320582.xlsx']);
  for (const m of c.missing) {
    const name = plan.units.find((u) => u.code === m)!.name;
    expect(find(name)[0][1]).toBe('未报送');
  }
  // The department sent two files: its own row says so, and both files are listed.
  expect(find(plan.units.find((u) => u.code === 'SZ-GXJ')!.name)[0][1]).toBe('重复报送');
  const conflictRows = rows.filter((r) => r[1] === '冲突');
  expect(conflictRows.map((r) => r[2]).sort()).toEqual(['returns/SZ-GXJ-v2.xlsx', 'returns/SZ-GXJ.xlsx']);
  const rejected = rows.filter((r) => r[1] === '已拒收');
  expect(rejected.map((r) => r[2])).toEqual(['returns/broken.xlsx', '=cmd|x.xlsx']);
  expect(s.cf.length).toBeGreaterThan(0);
});

test('问题清单 and 数据溯源 list every finding and every source', () => {
  const f = wb.sheet['问题清单'];
  expect(rowValues(f, 1)).toEqual(['单位', '严重程度', '问题', '处数', '工作表', '单元格', '指标', '说明', '文件', '规则']);
  // Three findings of three files: three groups, errors first.
  expect(f.autofilter).toBe(`A1:J${1 + c.findings.length}`);
  expect(rowValues(f, 2)).toEqual(['昆山市', '错误', '必填指标未填写', 1, '指标填报', 'F5', 'T-01', '未填写', 'returns/320583.xlsx', 'value.missing']);
  expect(rowValues(f, 3).slice(0, 4)).toEqual([null, '错误', '文件无法读取', 1]);
  expect(rowValues(f, 4).slice(1, 3)).toEqual(['警告', '填报值问题']);

  const p = wb.sheet['数据溯源'];
  expect(rowValues(p, 1)).toEqual(['指标代码', '指标', '单位', '数值', '文件', '工作表', '单元格']);
  const total = c.indicators.reduce((n, i) => n + i.city.sources.length, 0);
  expect(p.maxRow).toBe(1 + total);
  const first = c.indicators[0].city.sources[0];
  expect(rowValues(p, 2)).toEqual(['T-01', '测试指标T-01', '张家港市', c.indicators[0].units[first.unit], first.file, first.sheet, first.cell]);
});

test('填报完成情况: grid words match the consolidation and colours are conditional', () => {
  const s = wb.sheet['填报完成情况'];
  const header = rowValues(s, 2);
  const col = header.indexOf('昆山') + 1;
  expect(col).toBeGreaterThan(2);
  const kunshan = plan.units.find((u) => u.shortName === '昆山')!.code;
  const missing = c.missing.includes(kunshan);
  c.indicators.forEach((ind, i) => {
    const want = { filled: '已填', blank: missing ? '未报' : '未填', 'not-required': '—' }[c.grid[kunshan][ind.code]];
    expect(rowValues(s, 3 + i)[col - 1]).toBe(want);
  });
  expect(rowValues(s, 3 + c.indicators.length)[1]).toBe('已填 / 应填');
  expect(s.cf.map((r) => r.formula[0])).toEqual(['"已填"', '"未填"', '"—"', '"未报"', '"有误"', '"待核实"']);
});

test('text a clerk typed stays inert text, never a formula', () => {
  const all = Object.values(wb.sheet).flatMap((s) => Object.values(s.cells));
  expect(all.filter((cell) => cell.t === 'f')).toEqual([]);
  const strings = all.filter((cell) => cell.t === 's').map((cell) => cell.v);
  expect(strings).toContain(HOSTILE[0]);
  expect(strings).toContain(HOSTILE[1]);
  expect(strings).toContain('备注：-3');
  expect(strings).toContain(HOSTILE[3]);
  expect(strings).toContain('=cmd|x.xlsx');
  // A qualitative goal's words, with the control character XML cannot hold removed.
  expect(strings).toContain('=1+1');
  expect(strings.filter((v) => v === '=1+1')).toHaveLength(2); // 汇总 and 数据溯源
});

test('LibreOffice opens and converts it, keeping sheets and values', async () => {
  const out = await libreOfficeConvert(file, 'xlsx');
  const back = inspectXlsx(out);
  expect(back.sheets).toEqual(wb.sheets);
  expect(rowValues(back.sheet['汇总'], 3)).toEqual(rowValues(wb.sheet['汇总'], 3));
  expect(back.sheet['汇总'].cells['A4'].v).toBe('T-01');
  // LibreOffice keeps the clerk's formula-looking text as text too.
  expect(back.sheet['报送情况'].cells['E3']).toEqual({ v: HOSTILE[0], t: 's' });
  expect(back.sheet['汇总'].cf.some((r) => r.type === 'dataBar')).toBe(true);
});

test('an empty consolidation still makes a valid workbook', async () => {
  const empty = { ...c, returns: [], indicators: [], findings: [], grid: {}, missing: [] };
  const bytes = await writeSummaryWorkbook(plan, empty);
  const f = path.join(dir, 'empty.xlsx');
  fs.writeFileSync(f, bytes);
  const back = inspectXlsx(f);
  expect(back.sheets).toHaveLength(5);
  expect(rowValues(back.sheet['问题清单'], 1)[0]).toBe('单位');
});

test('sums are written without binary float noise', async () => {
  const noisy = structuredClone(c);
  noisy.indicators[0].city.value = 0.1 + 0.2;
  const unit = Object.keys(noisy.indicators[0].units)[0];
  noisy.indicators[0].units[unit] = 44304.00000000001;
  const f = path.join(dir, 'noisy.xlsx');
  fs.writeFileSync(f, await writeSummaryWorkbook(plan, noisy));
  const s = inspectXlsx(f).sheet['汇总'];
  const header = rowValues(s, 3);
  expect(rowValues(s, 4)[header.indexOf('全市')]).toBe(0.3);
  expect(rowValues(s, 4)[header.indexOf(plan.units.find((u) => u.code === unit)!.shortName!)]).toBe(44304);
});

test('LibreOffice prints it to PDF with the page setup', async () => {
  const pdf = await libreOfficeConvert(file, 'pdf');
  const head = fs.readFileSync(pdf).subarray(0, 5).toString('latin1');
  expect(head).toBe('%PDF-');
  // The summary on landscape A3 pages (1191 × 842 pt).
  expect(fs.readFileSync(pdf).toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 1190\.\d+ 841\.\d+\s*\]/);
}, 120_000);

describe('what the engine says beside a figure', () => {
  const zjg = plan.units.find((u) => u.shortName === '张家港')!.code;
  const kunshan = plan.units.find((u) => u.shortName === '昆山')!.code;
  let s: Inspected['sheet'][string];
  let header: (string | number | boolean | null)[];
  let flagged: ReturnType<typeof testConsolidation>;
  let grid: Inspected['sheet'][string];

  beforeAll(async () => {
    flagged = structuredClone(c);
    const t01 = flagged.indicators[0];
    // 张家港 typed 120 (亿元) into a 万亿元 cell: left out of the figure, named, and the figure is 待核实.
    t01.units[zjg] = null;
    t01.city = asCity({
      ...t01.city,
      attained: 'unverified' as 'met',
      reported: { count: 6, expected: 10 },
      excluded: [{ unit: zjg, value: 1200000, reason: 'unit-slip', message: '疑似单位错误：填报 1200000，是参考值的约 40000 倍' }],
      completion: null,
      note: '超过目标上限 5',
    });
    (t01 as { unusable?: Record<string, string> }).unusable = { [kunshan]: '填报值不是数值（约100）' };
    // As the engine records them: neither value is a usable number.
    flagged.grid[zjg][t01.code] = 'blank';
    flagged.grid[kunshan][t01.code] = 'blank';
    const t05 = flagged.indicators[4];
    t05.city = asCity({ ...t05.city, completion: 0.875 });
    const f = path.join(dir, 'flagged.xlsx');
    fs.writeFileSync(f, await writeSummaryWorkbook(plan, flagged, { generatedAt: new Date('2024-02-01T20:30:00Z') }));
    const back = inspectXlsx(f);
    s = back.sheet['汇总'];
    header = rowValues(s, 3);
    grid = back.sheet['填报完成情况'];
  });

  test('填报完成情况 says why a filled cell has no usable number: 待核实, 有误 (the JSON grid says blank)', () => {
    const head = rowValues(grid, 2);
    // Row 3 is the first indicator: 张家港's slip is left out until verified, 昆山's "约100" has an error.
    expect(rowValues(grid, 3)[head.indexOf('张家港')]).toBe('待核实');
    expect(rowValues(grid, 3)[head.indexOf('昆山')]).toBe('有误');
  });

  test('待核实 instead of 达标/未达标, coloured by its own rule', () => {
    expect(rowValues(s, 4)[header.indexOf('达标情况')]).toBe('待核实');
    expect(s.cf.find((r) => r.type === 'cellIs' && r.formula[0] === '"待核实"')?.hasDxf).toBe(true);
  });

  test('a value left out is named in 计算方式 and marked where it stands; an unusable one too', () => {
    const row = rowValues(s, 4);
    const basis = String(row[header.indexOf('计算方式')]);
    expect(basis).toContain('未计入全市数：张家港市 1200000（待核实）');
    expect(basis).toContain('超过目标上限 5');
    const zcell = s.cells[`${colName(header.indexOf('张家港') + 1)}4`];
    // As text, so the column's data bar and a reader's SUM leave it out.
    expect(zcell).toEqual({ v: '1200000（未计入）', t: 's', fill: 'FFFFEB9C' });
    expect(s.cells[`${colName(header.indexOf('昆山') + 1)}4`].fill).toBe('FFFFEB9C');
  });

  test('已报 and 完成率 are the engine\'s where it gives them', () => {
    expect(rowValues(s, 4)[header.indexOf('已报')]).toBe('6/10');
    expect(rowValues(s, 4)[header.indexOf('完成率')] ?? null).toBeNull();
    expect(rowValues(s, 8)[header.indexOf('完成率')]).toBe(0.875);
  });

  test('the time stamp is China time (UTC+8), the next day after 16:00 UTC', () => {
    expect(String(s.cells['A2'].v)).toContain('生成于 2024-02-02 04:30（北京时间 UTC+8）');
    expect(String(wb.sheet['汇总'].cells['A2'].v)).toContain('生成于 2024-02-01 16:00（北京时间 UTC+8）');
  });
});
