/**
 * The Office.js adapter against office-addin-mock workbooks: what it reads,
 * what it writes, how many context.sync() round trips it takes (independent of
 * the number of indicators), and that clearing marks restores the original
 * formats exactly.
 */

import { META_KEYS, META_MAGIC, REPORTER_NAMES, SHEETS, remarkName, valueName } from '../../src/core/template/layout';
import type { Finding } from '../../src/core/rules/finding';
import { ALL_CAPS } from '../../src/addin/office/caps';
import { copiedReturnOf, periodFromTitle, readSheetGrids, unitCodeFromTitle } from '../../src/addin/office/copiedSheets';
import { describeError } from '../../src/addin/office/errors';
import { applyHighlights, clearHighlights } from '../../src/addin/office/highlight';
import { HIGHLIGHT, MARKS_SETTING } from '../../src/addin/office/marks';
import { readOpenWorkbook } from '../../src/addin/office/readOpen';
import { selectCell } from '../../src/addin/office/select';
import { existingSheets, MAX_WRITE_SYNCS, summaryPrint, writeSummary } from '../../src/addin/office/writeSummary';
import { summaryColumnWidths } from '../../src/xlsx/summary/sheet-summary';
import { buildSummaryTables, type SummaryTables } from '../../src/addin/summaryTables';
import ExcelJS from 'exceljs';
import { writeSummaryWorkbook } from '../../src/xlsx/summary';
import { testConsolidation, testPlan } from '../summary/fixture';
import { MockBook } from './mockExcel';

const E = SHEETS.entry;

/** A return with n indicators laid out like the generator's (row 5 on). */
function returnBook(n: number, opts: { allowFormatCells?: boolean } = {}): { book: MockBook; codes: string[] } {
  const book = new MockBook();
  book.addSheet(SHEETS.instructions);
  book.addSheet(E, { protected: true, allowFormatCells: opts.allowFormatCells ?? true });
  book.addSheet(SHEETS.meta, { visibility: 'VeryHidden' });
  const codes = Array.from({ length: n }, (_, i) => `SZ-T-${String(i + 1).padStart(3, '0')}`);
  const meta: [string, string][] = [
    [META_KEYS.magic, META_MAGIC],
    [META_KEYS.formatVersion, '1'],
    [META_KEYS.planId, 'test-plan'],
    [META_KEYS.planHash, 'abc'],
    [META_KEYS.unitCode, '320582'],
    [META_KEYS.unitName, '张家港市'],
    [META_KEYS.period, '2023'],
    [META_KEYS.codes, codes.join(',')],
  ];
  meta.forEach(([k, v], i) => {
    book.set(SHEETS.meta, `A${i + 1}`, k);
    book.set(SHEETS.meta, `B${i + 1}`, v);
  });
  book.set(E, 'A4', '指标代码');
  book.set(E, 'F4', '填报值');
  codes.forEach((code, i) => {
    const r = 5 + i;
    book.set(E, `A${r}`, code);
    book.set(E, `E${r}`, '≥ 100');
    book.set(E, `F${r}`, i % 3 === 0 ? null : 100 + i, { fill: '#FFF2CC' });
    book.names.push({ name: valueName(code), value: `=${E}!$F$${r}` });
    book.names.push({ name: remarkName(code), value: `=${E}!$H$${r}` });
  });
  book.names.push({ name: REPORTER_NAMES.contact, value: `=${SHEETS.instructions}!$C$10` });
  book.set(SHEETS.instructions, 'C10', '  王小明 ');
  return { book, codes };
}

describe('readOpenWorkbook', () => {
  test('reads a return in two round trips whatever its size', async () => {
    for (const n of [3, 150]) {
      const { book, codes } = returnBook(n);
      const wb = await readOpenWorkbook(book.context(), ALL_CAPS, 'open');
      expect(book.syncs).toBe(2);
      expect(wb.kind).toBe('return');
      expect(wb.ret!.meta).toMatchObject({ planId: 'test-plan', unitCode: '320582', period: '2023', codes });
      expect(wb.ret!.entries.size).toBe(n);
      // Round trip 1 loads sheets, names and the marks store; round trip 2 every value cell.
      expect(book.loads[0].join(' | ')).toMatch(/items\/name.*protection/);
      expect(book.loads[0].some((l) => l.startsWith(`setting ${MARKS_SETTING}`))).toBe(true);
      expect(book.loads[1].filter((l) => l.includes('valueTypes')).length).toBe(n);
    }
  });

  test('turns cells into the neutral RawCell, with remarks, shown code/target and reporter', async () => {
    const { book, codes } = returnBook(5);
    book.set(E, 'F6', '１２０', { fill: null });
    book.set(E, 'F7', 3.5, { formula: '=1+2.5' });
    book.set(E, 'F8', '#DIV/0!', { type: 'Error' });
    book.set(E, 'H6', '  统计局年报  ');
    book.set(E, 'A9', 'TAMPERED');
    const wb = await readOpenWorkbook(book.context(), ALL_CAPS, 'open');
    const e = (i: number) => wb.ret!.entries.get(codes[i])!;
    expect(e(0).value).toEqual({ type: 'empty' });
    expect(e(1).value).toEqual({ type: 'text', value: '１２０' });
    expect(e(1).remark).toBe('统计局年报');
    expect(e(1).remarkAt).toEqual({ sheet: E, cell: 'H6' });
    expect(e(2).value).toEqual({ type: 'formula', formula: '1+2.5', cached: { type: 'number', value: 3.5 } });
    expect(e(3).value).toEqual({ type: 'error', value: '#DIV/0!' });
    expect(e(4).value).toEqual({ type: 'number', value: 104 });
    expect(e(4).valueAt).toEqual({ sheet: E, cell: 'F9' });
    expect(e(4).shownCode).toBe('TAMPERED');
    expect(e(4).shownTarget).toBe('≥ 100');
    expect(wb.ret!.reporter).toEqual({ contact: '王小明' });
    // Original formats of value cells: no fill is null, a fill its colour.
    expect(wb.formats.get(`${E}!F6`)).toEqual({ fill: null, font: '#000000' });
    expect(wb.formats.get(`${E}!F5`)).toEqual({ fill: '#FFF2CC', font: '#000000' });
  });

  test('any other workbook is recognised in one round trip', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    book.set('Sheet1', 'A1', 'hello');
    const wb = await readOpenWorkbook(book.context(), ALL_CAPS);
    expect(wb.kind).toBe('other');
    expect(wb.ret).toBeNull();
    expect(book.syncs).toBe(1);
  });

  test('a deleted sheet and a deleted row become structural issues, not exceptions', async () => {
    const { book, codes } = returnBook(3);
    book.sheets = book.sheets.filter((s) => s.name !== SHEETS.instructions);
    book.names.find((n) => n.name === valueName(codes[1]))!.value = '=#REF!$F$6';
    book.names.splice(book.names.findIndex((n) => n.name === valueName(codes[2])), 1);
    const wb = await readOpenWorkbook(book.context(), ALL_CAPS);
    const rules = wb.ret!.structural.map((s) => `${s.rule} ${JSON.stringify(s.params)}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        `reader.name-broken {"name":"${valueName(codes[1])}","code":"${codes[1]}"}`,
        `reader.name-missing {"name":"${valueName(codes[2])}","code":"${codes[2]}"}`,
        `reader.sheet-missing {"sheet":"${SHEETS.instructions}"}`,
      ]),
    );
    expect(wb.ret!.entries.size).toBe(1);
  });

  test('Excel without ExcelApi 1.4 gets a sentence, before any call', async () => {
    const { book } = returnBook(2);
    await expect(readOpenWorkbook(book.context(), { ...ALL_CAPS, api14: false })).rejects.toMatchObject({ key: 'err_excelTooOld' });
    expect(book.syncs).toBe(0);
    expect(describeError(await readOpenWorkbook(book.context(), { ...ALL_CAPS, api14: false }).catch((e) => e), 'zh')).toMatch(/Excel 版本过旧.*ExcelApi 1\.4/);
  });

  test('edit mode is reported as a sentence', async () => {
    const { book } = returnBook(2);
    book.failNextSync = { code: 'InvalidOperationInCellEditMode', message: 'edit mode' };
    const err = await readOpenWorkbook(book.context(), ALL_CAPS).catch((e) => e);
    expect(describeError(err, 'zh')).toBe('Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。');
    expect(describeError(err, 'en')).toMatch(/^Excel is editing a cell/);
  });
});

function finding(code: string, cell: string, severity: Finding['severity']): Finding {
  return { severity, rule: 'value.test', code, sheet: E, cell, message: `${code} 有问题` };
}

describe('highlights', () => {
  test('are written in one round trip and cleared back to the exact originals', async () => {
    const { book, codes } = returnBook(60);
    book.set(E, 'F6', 7, { fill: null, font: '#112233' });
    const wb = await readOpenWorkbook(book.context(), ALL_CAPS);
    const findings = codes.map((c, i) => finding(c, `F${5 + i}`, i % 2 ? 'warning' : 'error'));
    findings.push(finding(codes[0], 'F5', 'info')); // a weaker finding on the same cell
    findings.push({ ...finding(codes[0], 'F5', 'error'), sheet: null, cell: null }); // whole-return finding: no cell
    const before = book.syncs;
    const r = await applyHighlights(book.context(), wb, findings);
    expect(book.syncs - before).toBe(1);
    expect(r).toEqual({ marked: 60, skippedSheets: [] });
    expect(book.cell(E, 'F5')).toMatchObject({ fill: HIGHLIGHT.error.fill, font: HIGHLIGHT.error.font });
    expect(book.cell(E, 'F6')).toMatchObject({ fill: HIGHLIGHT.warning.fill, font: HIGHLIGHT.warning.font });
    const stored = JSON.parse(book.settings.get(MARKS_SETTING)!);
    expect(stored.cells[`${E}!F6`].original).toEqual({ fill: null, font: '#112233' });
    expect(stored.cells[`${E}!F5`].original).toEqual({ fill: '#FFF2CC', font: '#000000' });

    // A second check (cells still coloured) keeps the first originals and
    // restores cells that are fine now.
    const wb2 = await readOpenWorkbook(book.context(), ALL_CAPS);
    await applyHighlights(book.context(), wb2, [finding(codes[1], 'F6', 'error')]);
    expect(book.cell(E, 'F5')).toMatchObject({ fill: '#FFF2CC', font: '#000000' });
    expect(book.cell(E, 'F6')).toMatchObject({ fill: HIGHLIGHT.error.fill });
    expect(JSON.parse(book.settings.get(MARKS_SETTING)!).cells[`${E}!F6`].original).toEqual({ fill: null, font: '#112233' });

    const s0 = book.syncs;
    const c = await clearHighlights(book.context());
    expect(book.syncs - s0).toBe(2);
    expect(c.restored).toBe(1);
    expect(book.cell(E, 'F6')).toMatchObject({ fill: null, font: '#112233' });
    expect(book.settings.has(MARKS_SETTING)).toBe(false);
    // Every value cell is back to how it was generated.
    codes.forEach((_, i) => {
      expect(book.cell(E, `F${5 + i}`)).toMatchObject(i === 1 ? { fill: null, font: '#112233' } : { fill: '#FFF2CC', font: '#000000' });
    });
  });

  test('a protected sheet that forbids formatting is skipped and said so', async () => {
    const { book, codes } = returnBook(3, { allowFormatCells: false });
    const wb = await readOpenWorkbook(book.context(), ALL_CAPS);
    expect(wb.noFormatSheets).toEqual([E]);
    const r = await applyHighlights(book.context(), wb, [finding(codes[0], 'F5', 'error')]);
    expect(r).toEqual({ marked: 0, skippedSheets: [E] });
    expect(book.cell(E, 'F5')!.fill).toBe('#FFF2CC');
    expect(book.settings.has(MARKS_SETTING)).toBe(false);
  });

  test('before ExcelApi 1.9 a white fill is taken as no fill', async () => {
    const { book } = returnBook(2);
    book.set(E, 'F5', 1, { fill: '#FFFFFF' });
    const wb = await readOpenWorkbook(book.context(), { ...ALL_CAPS, fillPattern: false });
    expect(wb.formats.get(`${E}!F5`)).toEqual({ fill: null, font: '#000000' });
    expect(book.loads[1].some((l) => l.includes('pattern'))).toBe(false);
  });
});

describe('selectCell', () => {
  test('activates the sheet and selects the cell in one round trip', async () => {
    const { book } = returnBook(2);
    await selectCell(book.context(), E, 'H6');
    expect(book.syncs).toBe(1);
    expect(book.active).toBe(E);
    expect(book.selected).toEqual({ sheet: E, cell: 'H6' });
  });

  test('a sheet the user deleted is a sentence naming it', async () => {
    const { book } = returnBook(2);
    const err = await selectCell(book.context(), '已删除', 'A1').catch((e) => e);
    expect(describeError(err, 'zh')).toBe('找不到工作表“已删除”，它可能已被删除或改名。');
  });
});

function tables(rows = 3): SummaryTables {
  const body = Array.from({ length: rows }, (_, i) => [`SZ-T-${i}`, '类型', `指标${i}`, i * 10]);
  return {
    sheets: [
      { name: '汇总', table: { rows: [['标题', '', '', ''], ['期间', '', '', ''], ['代码', '类型', '指标', '全市'], ...body], headerRows: [3], titleRow: 1 } },
      { name: '报送情况', table: { rows: [['单位', '是否报送'], ['张家港市', '已报送']], headerRows: [1] } },
      { name: '问题清单', table: { rows: [['单位', '说明'], ['张家港市', '=cmd|calc']], headerRows: [1] } },
    ],
    charts: [{ title: '按类型达标情况', at: 'F3', rows: [['类型', '达标', '未达标'], ['A', 1, 2]] }],
  };
}

describe('writeSummary', () => {
  test('writes the three sheets and a chart within three round trips', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    const r = await writeSummary(book.context(), tables(), [], ALL_CAPS);
    expect(book.syncs).toBeLessThanOrEqual(3);
    expect(r).toEqual({ syncs: book.syncs, chart: true });
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', '汇总', '报送情况', '问题清单']);
    expect(book.cell('汇总', 'A3')!.value).toBe('代码');
    expect(book.cell('汇总', 'D6')!.value).toBe(20);
    expect(book.cell('报送情况', 'B2')!.value).toBe('已报送');
    // Text that looks like a formula is written as text.
    expect(book.cell('问题清单', 'B2')!.value).toBe("'=cmd|calc");
    expect(book.cell('汇总', 'G4')!.value).toBe(1);
    expect(book.charts).toEqual([{ sheet: '汇总', type: 'BarClustered', source: '汇总!F3:H4', title: '按类型达标情况' }]);
  });

  test('replaces existing sheets even when they are the only ones', async () => {
    const book = new MockBook();
    for (const n of ['汇总', '报送情况', '问题清单']) {
      book.addSheet(n);
      book.set(n, 'Z99', 'old');
    }
    expect(await existingSheets(book.context(), ['汇总', '报送情况', '问题清单', '别的'])).toEqual(['汇总', '报送情况', '问题清单']);
    const s0 = book.syncs;
    await writeSummary(book.context(), tables(), ['汇总', '报送情况', '问题清单'], ALL_CAPS);
    expect(book.syncs - s0).toBeLessThanOrEqual(3);
    expect(book.sheets.map((s) => s.name)).toEqual(['汇总', '报送情况', '问题清单']);
    for (const n of ['汇总', '报送情况', '问题清单']) expect(book.cell(n, 'Z99')).toBeUndefined();
    expect(book.deleted).toHaveLength(3);
  });

  test('no chart where the host cannot draw one', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    const r = await writeSummary(book.context(), tables(), [], { ...ALL_CAPS, charts: false });
    expect(r.chart).toBe(false);
    expect(book.charts).toEqual([]);
    expect(book.cell('汇总', 'F3')!.value).toBe('类型');
  });

  test('large tables are split across round trips under the payload budget; too large is refused before writing', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    const big = tables(0);
    const wide = 'x'.repeat(200);
    big.sheets[2].table.rows = [['单位', '说明'], ...Array.from({ length: 12000 }, (_, i) => [`单位${i}`, wide])];
    const r = await writeSummary(book.context(), big, [], ALL_CAPS);
    expect(r.syncs).toBe(2);
    expect(book.cell('问题清单', 'A12001')!.value).toBe('单位11999');

    const book2 = new MockBook();
    book2.addSheet('Sheet1');
    const huge = tables(0);
    huge.sheets[2].table.rows = [['单位', '说明'], ...Array.from({ length: 30000 }, (_, i) => [`单位${i}`, wide])];
    const err = await writeSummary(book2.context(), huge, [], ALL_CAPS).catch((e) => e);
    expect(describeError(err, 'zh')).toMatch(/超过 Excel 网页版单次请求的上限/);
    expect(book2.syncs).toBe(0);
    expect(book2.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('汇总 print setup (ExcelApi 1.9 pageLayout)', () => {
  test('A3 landscape, N pages wide, rows 1–3 and columns A:I repeated, without an extra round trip', async () => {
    const withLayout = new MockBook();
    withLayout.addSheet('Sheet1');
    const r = await writeSummary(withLayout.context(), tables(), [], ALL_CAPS);
    const without = new MockBook();
    without.addSheet('Sheet1');
    const r0 = await writeSummary(without.context(), tables(), [], { ...ALL_CAPS, pageLayout: false });
    expect(r.syncs).toBe(r0.syncs);
    expect(withLayout.syncs).toBeLessThanOrEqual(MAX_WRITE_SYNCS);
    expect(MAX_WRITE_SYNCS).toBe(3);
    const width = tables().sheets[0].table.rows[0].length;
    expect(withLayout.sheet('汇总')!.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A3',
      zoom: { horizontalFitToPages: summaryPrint(width).pagesWide, verticalFitToPages: 0 },
      titleRows: '$1:$3',
      titleColumns: '$A:$I',
    });
    // Only 汇总 is set up for print; the other sheets keep Excel's defaults.
    expect(withLayout.sheet('报送情况')!.pageLayout).toBeUndefined();
    expect(withLayout.sheet('问题清单')!.pageLayout).toBeUndefined();
    // Below ExcelApi 1.9 it is left out silently.
    expect(without.sheets.map((x) => x.pageLayout)).toEqual([undefined, undefined, undefined, undefined]);
    expect(without.cell('汇总', 'A3')!.value).toBe('代码');
  });

  test('pages across grow with the unit columns, as the CLI counts them', () => {
    expect(summaryPrint(9).pagesWide).toBe(1);
    const wide = [9 + 10, 9 + 30, 9 + 60].map((n) => summaryPrint(n).pagesWide);
    expect(wide[0]).toBeLessThan(wide[2]);
    expect([...wide].sort((a, b) => a - b)).toEqual(wide);
  });

  test('matches the print setup of the summary workbook the CLI writes for the same consolidation', async () => {
    const plan = testPlan();
    const c = testConsolidation(plan);
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.load(Buffer.from(await writeSummaryWorkbook(plan, c, { generatedAt: new Date('2024-02-01T08:00:00Z') })) as never);
    const ws = cli.getWorksheet('汇总')!;
    const tablesOf = buildSummaryTables(plan, c);
    const width = tablesOf.sheets[0].table.rows[0].length;
    expect(ws.columnCount).toBe(width);
    // The widths the add-in counts pages with are the CLI's own.
    expect(Array.from({ length: width }, (_, j) => ws.getColumn(j + 1).width)).toEqual(summaryColumnWidths(width));

    const book = new MockBook();
    book.addSheet('Sheet1');
    await writeSummary(book.context(), tablesOf, [], ALL_CAPS);
    const got = book.sheet('汇总')!.pageLayout!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(8); // A3
    expect(got.orientation).toBe('Landscape');
    expect(got.paperSize).toBe('A3');
    expect(got.zoom).toEqual({ horizontalFitToPages: ws.pageSetup.fitToWidth, verticalFitToPages: ws.pageSetup.fitToHeight });
    expect(got.titleRows!.replace(/\$/g, '')).toBe(ws.pageSetup.printTitlesRow!.replace(/\$/g, ''));
    expect(got.titleColumns!.replace(/\$/g, '')).toBe(ws.pageSetup.printTitlesColumn!.replace(/\$/g, ''));
  });
});

describe('copied entry sheets', () => {
  test('are read in two round trips and recognised by header and codes', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    book.set('Sheet1', 'A1', '苏州市汇总');
    const s = `${E} (2)`;
    book.addSheet(s);
    book.addSheet('隐藏', { visibility: 'Hidden' });
    book.set(s, 'A2', '填报期：2023年上半年　　填报单位：张家港市（320582）');
    const headers = ['指标代码', '类型', '指标名称', '单位', '目标值', '填报值', '状态', '备注（数据来源/说明）'];
    headers.forEach((h, i) => book.set(s, `${'ABCDEFGH'[i]}4`, h));
    book.set(s, 'A5', 'SZ-T-001');
    book.set(s, 'F5', 12.5);
    book.set(s, 'H5', '来自统计局');
    book.set(s, 'A6', 'SZ-T-002');
    book.set(s, 'F6', '约3');
    book.set(s, 'E6', '≥ 5');
    const grids = await readSheetGrids(book.context(), ['汇总']);
    expect(book.syncs).toBe(2);
    expect(grids.map((g) => g.sheet)).toEqual(['Sheet1', s]);
    expect(copiedReturnOf(grids[0])).toBeNull();
    const c = copiedReturnOf(grids[1])!;
    expect(c.codes).toEqual(['SZ-T-001', 'SZ-T-002']);
    expect(c.entries.get('SZ-T-001')).toMatchObject({ value: { type: 'number', value: 12.5 }, remark: '来自统计局', valueAt: { sheet: s, cell: 'F5' } });
    expect(c.entries.get('SZ-T-002')).toMatchObject({ value: { type: 'text', value: '约3' }, remark: null, shownTarget: '≥ 5' });
    expect(periodFromTitle(c.titleText)).toBe('2023H1');
    expect(unitCodeFromTitle(c.titleText)).toBe('320582');
  });

  test('title words become period keys', () => {
    expect(periodFromTitle('填报期：2023年')).toBe('2023');
    expect(periodFromTitle('填报期：2024年下半年')).toBe('2024H2');
    expect(periodFromTitle('填报期：2022年第3季度')).toBe('2022Q3');
    expect(periodFromTitle('没有年份')).toBeNull();
    expect(unitCodeFromTitle('填报单位：苏州市工业和信息化局（SZ-GXJ）')).toBe('SZ-GXJ');
    expect(unitCodeFromTitle('填报单位：张家港市')).toBeNull();
  });
});
