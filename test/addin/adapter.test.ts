/**
 * The Office.js adapter against office-addin-mock workbooks: what it reads,
 * what it writes, how many context.sync() round trips it takes (independent of
 * the number of indicators), and that clearing marks restores the original
 * formats exactly.
 */

import { META_KEYS, META_MAGIC, REPORTER_NAMES, SHEETS, remarkName, valueName } from '../../src/core/template/layout';
import type { Finding } from '../../src/core/rules/finding';
import { ALL_CAPS } from '../../src/addin/office/caps';
import { BYTES_PER_CELL, MAX_COPIED_ROWS, PROBE_ROWS, READ_BUDGET, copiedReturnOf, periodFromTitle, readSheetGrids, unitCodeFromTitle } from '../../src/addin/office/copiedSheets';
import { describeError } from '../../src/addin/office/errors';
import { applyHighlights, clearHighlights } from '../../src/addin/office/highlight';
import { MARKS_SETTING, serializeMarks } from '../../src/addin/office/marks';
import { MARK_COLUMN, MARK_LEVEL, MARK_NAME, MARK_ROWS, markNameRef } from '../../src/core/template/marks';
import { readOpenWorkbook } from '../../src/addin/office/readOpen';
import { selectCell } from '../../src/addin/office/select';
import { existingSheets, MAX_WRITE_SYNCS, summaryPrint, widthPoints, writeSummary } from '../../src/addin/office/writeSummary';
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
  book.names.push({ name: MARK_NAME, value: `=${markNameRef()}` });
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
      // Lean: values only, no formats; the entry sheet bounded by the last named row, not its used range.
      expect(book.loads.flat().join(' | ')).not.toMatch(/format/);
      expect(book.loads[1]).toContain(`${E}!A1:E${4 + n}: values`);
      expect(book.loads[1]).toContain(`${E}!${MARK_COLUMN}1:${MARK_COLUMN}${4 + n}: values`);
      expect(book.loads[0]).toContain('items/name,items/protection/protected,items/protection/options');
      expect(book.loads[0].join(' ')).not.toMatch(/allowFormatCells/);
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
    // Value cells on the entry sheet, by row: where marks can show.
    expect([...wb.valueRows.values()]).toEqual([5, 6, 7, 8, 9]);
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

/** The mark column as the template writes it: meta!D, entry row r ↔ meta row r. */
const markCol = (book: MockBook) =>
  Object.fromEntries([...book.sheet(E)!.cells].filter(([k, c]) => new RegExp(`^${MARK_COLUMN}\\d+$`).test(k) && c.value !== null).map(([k, c]) => [Number(k.slice(1)), c.value]));

describe('marks', () => {
  test('are one values write into the mark column, worst severity per row, never a format', async () => {
    const { book, codes } = returnBook(60);
    const wb = await readOpenWorkbook(book.context(), ALL_CAPS);
    expect(wb.markColumn).toEqual({ sheet: E, cell: `${MARK_COLUMN}1:${MARK_COLUMN}${MARK_ROWS}` });
    expect(wb.valueRows.get(`${E}!F7`)).toBe(7);
    const findings = codes.map((c, i) => finding(c, `F${5 + i}`, i % 2 ? 'warning' : 'error'));
    findings.push(finding(codes[0], 'F5', 'info')); // a weaker finding on the same cell
    findings.push(finding(codes[2], 'F7', 'error')); // a stronger one on a warning row... F7 is i=2: error already
    findings.push(finding(codes[1], 'F6', 'error')); // F6 (i=1) was a warning: now error
    findings.push({ ...finding(codes[0], 'F5', 'error'), sheet: null, cell: null }); // whole-return finding: no cell
    findings.push({ ...finding(codes[0], 'H5', 'warning') }); // a remark cell: no mark rule there
    const before = book.syncs;
    const r = await applyHighlights(book.context(), wb, findings);
    expect(book.syncs - before).toBe(1);
    expect(r).toEqual({ marked: 60, unmarkable: 1, available: true });
    const col = markCol(book);
    expect(col[5]).toBe(MARK_LEVEL.error);
    expect(col[6]).toBe(MARK_LEVEL.error);
    expect(col[8]).toBe(MARK_LEVEL.warning);
    expect(Object.keys(col)).toHaveLength(60);
    expect(col[4]).toBeUndefined();
    // The entry sheet's own formats are untouched.
    codes.forEach((_, i) => expect(book.cell(E, `F${5 + i}`)).toMatchObject({ fill: '#FFF2CC', font: null }));

    // The next check sees the marks, and rows that are fine now are emptied.
    const wb2 = await readOpenWorkbook(book.context(), ALL_CAPS);
    expect(wb2.markedRows).toHaveLength(60);
    await applyHighlights(book.context(), wb2, [finding(codes[1], 'F6', 'info')]);
    expect(markCol(book)).toEqual({ 6: MARK_LEVEL.info });

    // Clearing: two round trips, the column is empty again.
    const s0 = book.syncs;
    const c = await clearHighlights(book.context());
    expect(book.syncs - s0).toBe(2);
    expect(c).toEqual({ cleared: true, restored: 0, skippedSheets: [] });
    expect(markCol(book)).toEqual({});
    expect(book.loads[book.loads.length - 2].join(' ')).not.toMatch(/format/);
  });

  test('a protected sheet that forbids formatting is marked all the same (only the mark column is written)', async () => {
    const { book, codes } = returnBook(3, { allowFormatCells: false });
    const wb = await readOpenWorkbook(book.context(), ALL_CAPS);
    expect(wb.noFormatSheets).toEqual([E]);
    const r = await applyHighlights(book.context(), wb, [finding(codes[0], 'F5', 'error')]);
    expect(r).toEqual({ marked: 1, unmarkable: 0, available: true });
    expect(markCol(book)).toEqual({ 5: MARK_LEVEL.error });
    expect(book.cell(E, 'F5')!.fill).toBe('#FFF2CC');
  });

  test('a return made before marks existed is not marked, and says so', async () => {
    const { book, codes } = returnBook(3);
    book.names = book.names.filter((n) => n.name !== MARK_NAME);
    const wb = await readOpenWorkbook(book.context(), ALL_CAPS);
    expect(wb.markColumn).toBeNull();
    const r = await applyHighlights(book.context(), wb, [finding(codes[0], 'F5', 'error')]);
    expect(r).toEqual({ marked: 0, unmarkable: 1, available: false });
    expect(markCol(book)).toEqual({});
    expect((await clearHighlights(book.context())).cleared).toBe(false);
  });

  test('cells painted by an earlier version are put back exactly, and the store deleted', async () => {
    const { book } = returnBook(3);
    book.set(E, 'F5', 1, { fill: '#FFC7CE', font: '#9C0006' });
    book.set(E, 'F6', 2, { fill: '#FFEB9C', font: '#9C5700' });
    book.settings.set(
      MARKS_SETTING,
      serializeMarks({
        [`${E}!F5`]: { sheet: E, cell: 'F5', original: { fill: '#FFF2CC', font: '#112233' } },
        [`${E}!F6`]: { sheet: E, cell: 'F6', original: { fill: null, font: null } },
      }),
    );
    const c = await clearHighlights(book.context());
    expect(c.restored).toBe(2);
    expect(book.cell(E, 'F5')).toMatchObject({ fill: '#FFF2CC', font: '#112233' });
    expect(book.cell(E, 'F6')).toMatchObject({ fill: null, font: '#000000' });
    expect(book.settings.has(MARKS_SETTING)).toBe(false);
  });
});

describe('errors', () => {
  const err = (code: string, message = 'any text, in any language') => Object.assign(new Error(message), { code });
  test('Office.js codes of the Excel API reference become sentences that say the real cause', () => {
    const zh = (code: string) => describeError(err(code), 'zh');
    expect(zh('ResponsePayloadSizeLimitExceeded')).toMatch(/^要读取的数据超过 Excel 单次响应的上限（网页版为 5 MB）/);
    expect(zh('RequestPayloadSizeLimitExceeded')).toMatch(/^写入的数据量超过 Excel 单次请求的上限/);
    expect(zh('ServiceNotAvailable')).toMatch(/^Excel 服务暂时不可用/);
    expect(zh('ActivityLimitReached')).toMatch(/^Excel 暂时拒绝了请求/);
    expect(zh('Conflict')).toMatch(/共同编辑冲突/);
    expect(zh('Unauthenticated')).toMatch(/登录已过期/);
    expect(zh('ApiNotFound')).toMatch(/ExcelApi 1\.4/);
    // Protection is known by its code, not by an English word in Excel's message.
    expect(describeError(err('AccessDenied', '单元格或图表受保护，因此为只读。'), 'zh')).toBe('Excel 拒绝了修改：工作表或工作簿受保护，或文件以只读方式打开（代码 AccessDenied）。');
    expect(describeError(err('InvalidOperation', 'This operation is not permitted because the sheet is protected.'), 'zh')).toBe(
      '操作未完成：This operation is not permitted because the sheet is protected.（InvalidOperation）',
    );
    // Item not found names no "?" sheet; where the sheet is known (select), it is named.
    expect(zh('ItemNotFound')).toBe('找不到要读取的工作表、名称或单元格，它可能已被删除或改名。请关闭并重新打开本窗格后重试。');
    // Codes that are not Office.js codes are not matched.
    for (const fake of ['ServiceUnavailable', 'PayloadTooLarge']) expect(zh(fake)).toMatch(/^操作未完成：/);
    expect(describeError(err('ServiceNotAvailable'), 'en')).toMatch(/^The Excel service is not available/);
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
      { name: '汇总图表', table: { rows: [['按类型达标情况', '', ''], ['类型', '达标', '未达标'], ['A', 1, 2]], headerRows: [2], freeze: false } },
      { name: '报送情况', table: { rows: [['单位', '是否报送'], ['张家港市', '已报送']], headerRows: [1] } },
      { name: '问题清单', table: { rows: [['单位', '说明'], ['张家港市', '=cmd|calc']], headerRows: [1] } },
    ],
    charts: [{ title: '按类型达标情况', sheet: '汇总图表', source: 'A2:C3', from: 'F1', to: 'O12' }],
  };
}

describe('writeSummary', () => {
  test('writes the three sheets and a chart within three round trips', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    const r = await writeSummary(book.context(), tables(), [], ALL_CAPS);
    expect(book.syncs).toBeLessThanOrEqual(3);
    expect(r).toEqual({ syncs: book.syncs, chart: true });
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', '汇总', '汇总图表', '报送情况', '问题清单']);
    expect(book.cell('汇总', 'A3')!.value).toBe('代码');
    expect(book.cell('汇总', 'D6')!.value).toBe(20);
    expect(book.cell('报送情况', 'B2')!.value).toBe('已报送');
    // Text that looks like a formula is written as text.
    expect(book.cell('问题清单', 'B2')!.value).toBe("'=cmd|calc");
    expect(book.cell('汇总图表', 'B3')!.value).toBe(1);
    expect(book.charts).toEqual([{ sheet: '汇总图表', type: 'BarClustered', source: '汇总图表!A2:C3', title: '按类型达标情况', position: 'F1:O12' }]);
  });

  test('replaces existing sheets even when they are the only ones', async () => {
    const book = new MockBook();
    const ours = ['汇总', '汇总图表', '报送情况', '问题清单'];
    for (const n of ours) {
      book.addSheet(n);
      book.set(n, 'Z99', 'old');
    }
    expect(await existingSheets(book.context(), [...ours, '别的'])).toEqual(ours);
    const s0 = book.syncs;
    await writeSummary(book.context(), tables(), ours, ALL_CAPS);
    expect(book.syncs - s0).toBeLessThanOrEqual(3);
    expect(book.sheets.map((s) => s.name)).toEqual(ours);
    for (const n of ours) expect(book.cell(n, 'Z99')).toBeUndefined();
    expect(book.deleted).toHaveLength(4);
  });

  test('no chart where the host cannot draw one', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    const r = await writeSummary(book.context(), tables(), [], { ...ALL_CAPS, charts: false });
    expect(r.chart).toBe(false);
    expect(book.charts).toEqual([]);
    expect(book.cell('汇总图表', 'A2')!.value).toBe('类型');
  });

  test('large tables are split across round trips under the payload budget; too large is refused before writing', async () => {
    const book = new MockBook();
    book.addSheet('Sheet1');
    const big = tables(0);
    const wide = 'x'.repeat(200);
    big.sheets.find((x) => x.name === '问题清单')!.table.rows = [['单位', '说明'], ...Array.from({ length: 12000 }, (_, i) => [`单位${i}`, wide])];
    const r = await writeSummary(book.context(), big, [], ALL_CAPS);
    expect(r.syncs).toBe(2);
    expect(book.cell('问题清单', 'A12001')!.value).toBe('单位11999');

    const book2 = new MockBook();
    book2.addSheet('Sheet1');
    const huge = tables(0);
    huge.sheets.find((x) => x.name === '问题清单')!.table.rows = [['单位', '说明'], ...Array.from({ length: 30000 }, (_, i) => [`单位${i}`, wide])];
    const err = await writeSummary(book2.context(), huge, [], ALL_CAPS).catch((e) => e);
    expect(describeError(err, 'zh')).toMatch(/超过 Excel 单次请求的上限（网页版为 5 MB）/);
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
    expect(withLayout.sheet('汇总')!.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A3',
      zoom: { horizontalFitToPages: summaryPrint(tables().sheets[0].table).pagesWide, verticalFitToPages: 0 },
      titleRows: '$1:$3',
      titleColumns: '$A:$I',
    });
    // Only 汇总 is set up for print; the other sheets keep Excel's defaults.
    expect(withLayout.sheet('报送情况')!.pageLayout).toBeUndefined();
    expect(withLayout.sheet('问题清单')!.pageLayout).toBeUndefined();
    // Below ExcelApi 1.9 it is left out silently.
    expect(without.sheets.map((x) => x.pageLayout)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(without.cell('汇总', 'A3')!.value).toBe('代码');
  });

  test('pages across grow with the unit columns, as the CLI counts them', () => {
    const cols = (n: number) => ({ rows: [Array(n).fill('')] });
    expect(summaryPrint(cols(9)).pagesWide).toBe(1);
    const wide = [9 + 10, 9 + 30, 9 + 60].map((n) => summaryPrint(cols(n)).pagesWide);
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
    const table = tablesOf.sheets[0].table;
    const width = table.rows[0].length;
    expect(ws.columnCount).toBe(width);
    expect(table.rows[2]).toEqual(Array.from({ length: width }, (_, j) => ws.getCell(3, j + 1).value));
    // The widths the add-in sets and counts pages with are the CLI's own.
    expect(Array.from({ length: width }, (_, j) => ws.getColumn(j + 1).width)).toEqual(table.widths);

    const book = new MockBook();
    book.addSheet('Sheet1');
    await writeSummary(book.context(), tablesOf, [], ALL_CAPS);
    // Applied (points), not autofitted: the print setup counts with them.
    const points = book.sheet('汇总')!.columnWidths!;
    expect(Object.keys(points)).toHaveLength(width);
    expect(points.A).toBe(widthPoints(table.widths![0]));
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
  test('a big unrelated sheet is only probed; copied sheets are read bounded, in batches under the response budget', async () => {
    const book = new MockBook();
    book.addSheet('数据');
    book.set('数据', 'A1', '明细');
    book.set('数据', 'C150000', 1); // a sheet with 150,000 rows of someone's data
    const headers = ['指标代码', '类型', '指标名称', '单位', '目标值', '填报值', '状态', '备注（数据来源/说明）'];
    const copies = ['指标填报 (2)', '指标填报 (3)', '指标填报 (4)'];
    for (const s of copies) {
      book.addSheet(s);
      book.set(s, 'A2', '填报期：2023年　　填报单位：张家港市（320582）');
      headers.forEach((h, i) => book.set(s, `${'ABCDEFGH'[i]}4`, h));
      book.set(s, 'A5', 'SZ-T-001');
      book.set(s, 'F5', 1);
    }
    // One copy with 3,000 more rows of codes: more than one batch holds with the others.
    for (let r = 6; r < 3006; r++) book.set(copies[2], `A${r}`, `SZ-T-${r}`);
    book.set(copies[2], 'Z9000', 'x'); // a stray value far right and down: the read stays within A:H
    const grids = await readSheetGrids(book.context(), []);
    expect(grids.map((g) => g.sheet)).toEqual(copies);
    // List, probe, then the reads.
    const probe = book.loads[1];
    expect(probe).toEqual(expect.arrayContaining([`数据!A1:T${PROBE_ROWS}: values`, '数据!A1:C150000: address']));
    const reads = book.loads.slice(2).flat();
    expect(reads.some((l) => l.startsWith('数据!'))).toBe(false);
    expect(reads).toContain("'指标填报 (2)'!A1:H5: values,valueTypes");
    for (const l of reads) expect(l).toMatch(/!A\d+:H\d+: values,valueTypes$/);
    const cellsPerSync = book.loads.slice(2).map((ls) => ls.reduce((n, l) => {
      const m = /!A(\d+):H(\d+)/.exec(l)!;
      return n + (Number(m[2]) - Number(m[1]) + 1) * 8;
    }, 0));
    for (const n of cellsPerSync) expect(n * BYTES_PER_CELL).toBeLessThanOrEqual(READ_BUDGET);
    expect(book.syncs).toBe(2 + cellsPerSync.filter((n) => n > 0).length);
    expect(grids[2].values.length).toBe(Math.min(9000, MAX_COPIED_ROWS));
    expect(copiedReturnOf(grids[2])!.codes).toHaveLength(3001);
  });

  test('are read in three round trips (list, probe, read) and recognised by header and codes', async () => {
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
    expect(book.syncs).toBe(3);
    // Sheet1 has no entry header: probed, not read.
    expect(grids.map((g) => g.sheet)).toEqual([s]);
    const c = copiedReturnOf(grids[0])!;
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
