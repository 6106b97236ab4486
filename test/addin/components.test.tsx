/** @jest-environment jsdom */
/**
 * The task pane's React components in jsdom, with a plain-object ExcelHost:
 * what the user sees for a real plan and return (engine included), and what
 * the pane asks Excel to do when buttons and findings are clicked.
 */

import './jsdomPolyfills';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_PLAN_ID, builtinPlan } from '../../src/core/plan/builtin';
import { planHash } from '../../src/core/plan/load';
import { progress, validateReturn } from '../../src/core/engine';
import type { ParsedReturn, ReturnEntry } from '../../src/core/return/types';
import { SHEETS } from '../../src/core/template/layout';
import { indicatorsFor } from '../../src/xlsx/write/units';
import type { ExcelHost } from '../../src/addin/host';
import { ALL_CAPS } from '../../src/addin/office/caps';
import type { OpenWorkbook } from '../../src/addin/office/readOpen';
import { App } from '../../src/addin/taskpane/App';
import { FindingList } from '../../src/addin/taskpane/FindingList';
import { ReplaceDialog } from '../../src/addin/taskpane/ReplaceDialog';

const PLAN = builtinPlan(DEFAULT_PLAN_ID)!;
const UNIT = '320582';
const E = SHEETS.entry;

function sampleReturn(): ParsedReturn {
  const inds = indicatorsFor(PLAN, UNIT);
  const entries = new Map<string, ReturnEntry>();
  inds.forEach((ind, i) => {
    const t = ind.targets['2023'];
    const value =
      i === 0
        ? ({ type: 'empty' } as const)
        : i === 1
          ? ({ type: 'text', value: '约100' } as const)
          : ind.kind === 'text'
            ? ({ type: 'text', value: '已完成' } as const)
            : ({ type: 'number', value: t && 'value' in t ? t.value : 1 } as const);
    entries.set(ind.code, {
      code: ind.code,
      value,
      remark: null,
      valueAt: { sheet: E, cell: `F${5 + i}` },
      remarkAt: { sheet: E, cell: `H${5 + i}` },
    });
  });
  return {
    source: 'open',
    meta: { formatVersion: '1', planId: PLAN.id, planHash: planHash(PLAN), unitCode: UNIT, unitName: '张家港市', period: '2023', codes: inds.map((i) => i.code) },
    reporter: {},
    entries,
    structural: [],
  };
}

type FakeHost = { caps: ExcelHost['caps'] } & { [K in Exclude<keyof ExcelHost, 'caps'>]: jest.MockedFunction<ExcelHost[K]> };

function fakeHost(open: Partial<OpenWorkbook>): FakeHost {
  const state: OpenWorkbook = { kind: 'return', ret: null, sheets: [], noFormatSheets: [], valueRows: new Map(), markColumn: null, markedRows: [], marks: {}, ...open };
  return {
    caps: ALL_CAPS,
    readOpen: jest.fn(async () => state),
    highlight: jest.fn(async () => ({ marked: 3, unmarkable: 0, available: true })),
    clearMarks: jest.fn(async () => ({ cleared: true, restored: 0, skippedSheets: [] })),
    select: jest.fn(async () => undefined),
    existingSheets: jest.fn(async () => []),
    writeSummary: jest.fn(async () => ({ syncs: 1, chart: true })),
    readSheetGrids: jest.fn(async () => []),
    openWorkbook: jest.fn(async () => undefined),
  } as never;
}

describe('clerk mode', () => {
  test('shows unit, plan, period and progress; checks, lists findings, selects cells', async () => {
    const ret = sampleReturn();
    const host = fakeHost({ ret });
    render(<App host={host} lang="zh" />);
    await screen.findByRole('button', { name: '检查本表' });
    expect(screen.getByTestId('unit').textContent).toBe('张家港市');
    expect(screen.getByTestId('plan').textContent).toBe(PLAN.title);
    expect(screen.getByTestId('period').textContent).toBe('2023年');
    const findings = validateReturn(PLAN, ret, { lang: 'zh', period: '2023' });
    const p = progress(PLAN, ret, findings);
    expect(screen.getByTestId('progress').textContent).toBe(`已填 ${p.filled}/${p.total} · 达标 ${p.met} · 问题 ${p.problems}`);

    fireEvent.click(screen.getByRole('button', { name: '检查本表' }));
    await screen.findByTestId('findings');
    expect(host.readOpen).toHaveBeenCalledTimes(2);
    expect(host.highlight).toHaveBeenCalledTimes(1);
    expect(host.highlight.mock.calls[0][1]).toEqual(findings);
    expect(screen.getByTestId('note').textContent).toBe('已在“填报值”列用醒目底色标出 3 个单元格（红＝错误，橙＝警告，蓝＝提示）。');
    const items = screen.getAllByTestId('finding');
    expect(items).toHaveLength(findings.length);
    // The blank first indicator and the text "约100" are errors at their cells.
    const blank = items.find((el) => el.getAttribute('data-cell') === 'F5')!;
    const text = items.find((el) => el.getAttribute('data-cell') === 'F6')!;
    expect(blank.closest('section')!.getAttribute('data-severity')).toBe('error');
    expect(text.textContent).toContain('约100');

    fireEvent.click(within(text).getByTitle('定位到 F6'));
    expect(host.select).toHaveBeenLastCalledWith(E, 'F6');
    // "约100" asks for an explanation: the finding links to the remark cell.
    expect(findings.find((f) => f.cell === 'F6')!.remarkAt).toEqual({ sheet: E, cell: 'H6' });
    fireEvent.click(within(text).getByTestId('remark-link'));
    expect(host.select).toHaveBeenLastCalledWith(E, 'H6');

    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(screen.getByTestId('note').textContent).toBe('已清除标记，单元格恢复为表格原有的颜色。'));
    expect(host.clearMarks).toHaveBeenCalledTimes(1);
  });

  test('a return without the mark rule says so; Excel errors become sentences', async () => {
    const host = fakeHost({ ret: sampleReturn() });
    host.highlight.mockResolvedValueOnce({ marked: 0, unmarkable: 3, available: false });
    render(<App host={host} lang="zh" />);
    fireEvent.click(await screen.findByRole('button', { name: '检查本表' }));
    await waitFor(() => expect(screen.getByTestId('note').textContent).toBe('本表由较早版本的 PlanSheet 生成，没有标记规则，单元格上不能显示标记；请点击下方问题逐条定位。'));

    host.select.mockRejectedValueOnce(Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' }));
    fireEvent.click(within(screen.getAllByTestId('finding').find((el) => el.getAttribute('data-cell'))!).getAllByRole('button')[0]);
    expect(await screen.findByTestId('error')).toHaveProperty('textContent', 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。');
  });

  test('English Excel shows English words', async () => {
    render(<App host={fakeHost({ ret: sampleReturn() })} lang="en" />);
    await screen.findByRole('button', { name: 'Check this return' });
    expect(screen.getByRole('button', { name: 'Clear marks' })).toBeTruthy();
    expect(screen.getByTestId('progress').textContent).toMatch(/^Filled \d+\/\d+ · met \d+ · problems \d+$/);
  });

  test('a failure to read the workbook is a sentence, not an exception', async () => {
    const host = fakeHost({});
    host.readOpen.mockRejectedValueOnce(Object.assign(new Error('busy'), { code: 'ActivityLimitReached' }));
    render(<App host={host} lang="zh" />);
    expect((await screen.findByTestId('error')).textContent).toBe('Excel 暂时拒绝了请求（短时间内请求过多，或正在计算），请稍后重试。');
  });

  test('a fatal message replaces the pane (Excel too old)', () => {
    render(<App host={null} lang="zh" fatal="当前 Excel 版本过旧" />);
    expect(screen.getByTestId('error').textContent).toBe('当前 Excel 版本过旧');
  });
});

describe('FindingList', () => {
  test('groups by severity, errors first, and offers the remark cell', () => {
    const onSelect = jest.fn();
    render(
      <FindingList
        lang="zh"
        onSelect={onSelect}
        findings={[
          { severity: 'info', rule: 'a', code: 'X-1', sheet: E, cell: 'F5', message: '提示一' },
          { severity: 'error', rule: 'b', code: 'X-2', sheet: E, cell: 'F6', message: '错误一', remarkAt: { sheet: E, cell: 'H6' } },
          { severity: 'warning', rule: 'c', code: null, sheet: null, cell: null, message: '整表警告' },
        ]}
      />,
    );
    const sections = Array.from(document.querySelectorAll('section[data-severity]')).map((s) => s.getAttribute('data-severity'));
    expect(sections).toEqual(['error', 'warning', 'info']);
    expect(screen.getByText('共 3 条：错误 1，警告 1，提示 1。')).toBeTruthy();
    expect(screen.getByText('整表').textContent).toBe('整表');
    fireEvent.click(screen.getByTestId('remark-link'));
    expect(onSelect).toHaveBeenCalledWith(E, 'H6');
    fireEvent.click(screen.getByRole('button', { name: '错误一' }));
    expect(onSelect).toHaveBeenLastCalledWith(E, 'F6');
  });

  test('says so when there is nothing to fix', () => {
    render(<FindingList lang="zh" onSelect={jest.fn()} findings={[]} />);
    expect(screen.getByRole('status').textContent).toBe('未发现问题。');
  });
});

describe('city mode', () => {
  test('a picked file that is no return is listed with its reason; nothing is written', async () => {
    const host = fakeHost({ kind: 'other', ret: null });
    render(<App host={host} lang="zh" />);
    await screen.findByRole('button', { name: '汇总报表' });
    const file = new File(['hello'], '通知.xlsx', { type: 'application/octet-stream' });
    if (!('arrayBuffer' in file)) {
      Object.defineProperty(file, 'arrayBuffer', { value: async () => new TextEncoder().encode('hello').buffer });
    }
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    expect(screen.getByTestId('picked').textContent).toBe('已选 1 个文件：通知.xlsx');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '汇总报表' }));
    });
    await screen.findByTestId('skipped');
    expect(screen.getByTestId('error').textContent).toBe('没有可汇总的填报表。请选择各单位报来的 .xlsx 文件。');
    expect(screen.getByTestId('skipped').textContent).toContain('通知.xlsx');
    expect(host.readSheetGrids).toHaveBeenCalledTimes(1);
    expect(host.writeSummary).not.toHaveBeenCalled();
  });

  test('the replace dialog answers yes or no', () => {
    const onAnswer = jest.fn();
    const { rerender } = render(<ReplaceDialog sheets={['汇总', '问题清单']} lang="zh" onAnswer={onAnswer} />);
    expect(screen.getByRole('alertdialog').textContent).toContain('本工作簿中已有工作表：汇总、问题清单。');
    fireEvent.click(screen.getByRole('button', { name: '替换' }));
    expect(onAnswer).toHaveBeenLastCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(onAnswer).toHaveBeenLastCalledWith(false);
    rerender(<ReplaceDialog sheets={null} lang="zh" onAnswer={onAnswer} />);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

