/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: ExcelJS's uuid ships ESM for browsers, which jest cannot load
// (the real pane gets ExcelJS's own browser build through webpack).
/**
 * The 汇总为本级报表 control in jsdom, with real town returns (the tree plan
 * of test/tree, templates from the generator filled with openpyxl) picked in
 * the city panel beside the plan file: what the clerk sees, and what Excel is
 * asked to open (or what is offered as a download below ExcelApi 1.8).
 */

import './jsdomPolyfills';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { loadPlanArg } from '../../src/node/plan-source';
import { parsePeriod } from '../../src/core/period';
import { writeTemplate } from '../../src/xlsx/write/template';
import { readReturn } from '../../src/xlsx/read';
import type { ExcelHost } from '../../src/addin/host';
import { ALL_CAPS } from '../../src/addin/office/caps';
import { App } from '../../src/addin/taskpane/App';
import { fillReturn } from '../fixtures/make-returns';

const PLAN_FILE = path.join(__dirname, '..', 'tree', 'tree-plan.json');
/** 张家港's towns: [高新技术企业数, 增加值 亿元, PUE]; 常熟's 虞山街道 for the mixed pick. */
const TOWNS: Record<string, [number, number, number]> = { '320582101': [12, 3.5, 1.25], '320582102': [30, 10.25, 1.2], '320582103': [8, 1, 1.4], '320581101': [20, 7, 1.1] };

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-own-ui-'));
  const plan = loadPlanArg(PLAN_FILE);
  for (const [town, [firms, output, pue]] of Object.entries(TOWNS)) {
    const blank = path.join(dir, `blank-${town}.xlsx`);
    fs.writeFileSync(blank, await writeTemplate(plan, parsePeriod('2023')!, town));
    fillReturn(blank, path.join(dir, `${town}.xlsx`), [
      { op: 'set', name: 'PSV_T_FIRMS', value: firms },
      { op: 'set', name: 'PSV_T_OUTPUT', value: output },
      { op: 'set', name: 'PSV_T_PUE', value: pue },
    ]);
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(p: string): File {
  const bytes = fs.readFileSync(p);
  const f = new File([bytes], path.basename(p));
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
  return f;
}

function cityHost(caps = ALL_CAPS): ExcelHost & { openWorkbook: jest.Mock } {
  return {
    caps,
    readOpen: jest.fn(async () => ({ kind: 'other', ret: null, sheets: [], noFormatSheets: [], valueRows: new Map(), markColumn: null, markedRows: [], marks: {} })),
    highlight: jest.fn(),
    clearMarks: jest.fn(),
    select: jest.fn(),
    existingSheets: jest.fn(async () => []),
    writeSummary: jest.fn(),
    readSheetGrids: jest.fn(async () => []),
    openWorkbook: jest.fn(async () => undefined),
  } as never;
}

async function pick(paths: string[]): Promise<void> {
  await screen.findByRole('button', { name: '汇总报表' });
  const input = screen.getByTestId('file-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: paths.map(file), configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
}

const towns = (...codes: string[]) => codes.map((c) => path.join(dir, `${c}.xlsx`));

test('is not shown for returns with no unit of their own above them', async () => {
  render(<App host={cityHost()} lang="zh" />);
  await pick(towns('320582101'));
  // Without the plan file the towns are of no known plan: nothing to make.
  expect(screen.queryByTestId('own-return')).toBeNull();
});

test("offers the towns' district, makes its return and asks Excel to open it", async () => {
  const host = cityHost();
  render(<App host={host} lang="zh" />);
  await pick([PLAN_FILE, ...towns('320582101', '320582102', '320582103')]);
  await screen.findByTestId('own-return');
  expect(screen.getByTestId('own-hint').textContent).toBe('所选 3 份报表同属 张家港市，可汇总为 张家港市 本级的报表。');
  const select = screen.getByRole('combobox', { name: '本级单位' }) as HTMLSelectElement;
  expect(select.value).toBe('320582');
  expect([...select.options].map((o) => o.textContent)).toEqual(['张家港市（下级报表 3 份）']);

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成本级报表' }));
  });
  const done = await screen.findAllByTestId('own-done');
  expect(done.map((d) => d.textContent)).toEqual([
    '已由 3/3 个下级单位的报表生成 张家港市 的报表，填写 3 项。已在新工作簿中打开，请另存为 2023_320582_张家港市.xlsx。',
    '下级报表问题：错误 0 条、警告 1 条，见：320582103.xlsx',
    '留待本单位填写 1 项：T-RATE。',
  ]);
  expect(host.openWorkbook).toHaveBeenCalledTimes(1);
  const r = readReturn(host.openWorkbook.mock.calls[0][0], '2023_320582_张家港市.xlsx', { lang: 'zh' });
  if (!r.ok) throw new Error(r.message);
  expect(r.ret.entries.get('T-FIRMS')!.value).toEqual({ type: 'number', value: 50 });
  expect(r.ret.entries.get('T-OUTPUT')!.value).toEqual({ type: 'number', value: 14.75 });
}, 30_000);

test('says when the towns belong to several districts, and lists the returns left out', async () => {
  const urls: Blob[] = [];
  Object.assign(URL, { createObjectURL: (b: Blob) => (urls.push(b), `blob:made-${urls.length}`), revokeObjectURL: () => undefined });
  const host = cityHost({ ...ALL_CAPS, createWorkbook: false });
  render(<App host={host} lang="zh" />);
  await pick([PLAN_FILE, ...towns('320582101', '320582102', '320581101')]);
  await screen.findByTestId('own-return');
  expect(screen.getByTestId('own-hint').textContent).toBe(
    '所选报表属于多个上级单位：张家港市（下级报表 2 份）、常熟市（下级报表 1 份）。请选择要生成报表的单位，其他单位的报表不计入。',
  );
  const select = screen.getByRole('combobox', { name: '本级单位' }) as HTMLSelectElement;
  expect(select.value).toBe('320582');
  fireEvent.change(select, { target: { value: '320581' } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '生成本级报表' }));
  });
  const done = await screen.findAllByTestId('own-done');
  expect(done[0].textContent).toBe('已由 1/2 个下级单位的报表生成 常熟市 的报表，填写 0 项。');
  expect(done[1].textContent).toBe('未报送的下级单位：梅李镇（相应合计项未填写）。');
  // Below ExcelApi 1.8 the file is a download, named as generate names the unit's template.
  expect(host.openWorkbook).not.toHaveBeenCalled();
  const link = screen.getByTestId('own-download') as HTMLAnchorElement;
  expect(link.getAttribute('download')).toBe('2023_320581_常熟市.xlsx');
  expect(link.getAttribute('href')).toBe('blob:made-1');
  expect(screen.getByTestId('own-skipped').textContent).toContain('320582101.xlsx：报表 320582101.xlsx 的填报单位 320582101 不在 常熟市（320581） 之下');
}, 30_000);

test('speaks English in an English Excel', async () => {
  const host = cityHost();
  render(<App host={host} lang="en" />);
  await screen.findByRole('button', { name: 'Consolidate' });
  const input = screen.getByTestId('file-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [PLAN_FILE, ...towns('320582101', '320582102', '320582103')].map(file), configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await screen.findByTestId('own-return');
  expect(screen.getByTestId('own-hint').textContent).toBe('The 3 returns chosen all belong to 张家港市: make the return of 张家港市 itself from them.');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Make our return' }));
  });
  const done = await screen.findAllByTestId('own-done');
  expect(done.map((d) => d.textContent)).toEqual([
    'Made the return of 张家港市 from the returns of 3/3 units below; 3 values filled. Opened as a new workbook: save it as 2023_320582_张家港市.xlsx.',
    'findings in the returns below: 0 errors, 1 warnings, in: 320582103.xlsx',
    'Left for our unit to fill (1): T-RATE.',
  ]);
}, 30_000);
