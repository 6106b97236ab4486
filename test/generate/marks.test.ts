/**
 * The add-in's marks as a user sees them. The template carries a conditional
 * format of highest priority over the value column, driven by the hidden mark
 * column of the entry sheet (core/template/marks.ts). A return is generated, filled
 * with openpyxl, marked the way the pane marks it (the pane's own markLevels
 * over the real findings, written as numbers into the mark column), and
 * rendered by LibreOffice, which applies conditional formats with the same
 * precedence as Excel: the marks' colours are on the page, over the status
 * colours; with the column emptied (what 清除标记 does) the page is exactly
 * the unmarked one.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_PLAN_ID, builtinPlan } from '../../src/core/plan/builtin';
import { parsePeriod } from '../../src/core/period';
import { validateReturn } from '../../src/core/engine';
import { SHEETS, valueName } from '../../src/core/template/layout';
import { MARK_COLUMN, MARK_LEVEL, MARK_NAME, markNameRef } from '../../src/core/template/marks';
import { readReturn } from '../../src/xlsx/read';
import { writeTemplate } from '../../src/xlsx/write/template';
import { MARK_COLORS, markRules } from '../../src/xlsx/write/status';
import { indicatorsFor } from '../../src/xlsx/write/units';
import { cellKey } from '../../src/addin/office/address';
import { markLevels } from '../../src/addin/office/highlight';
import { convertWithLibreOffice } from '../support/libreoffice';
import { pdfFillColours } from '../support/pdf-colours';
import { runPythonJson } from '../support/python';

const PLAN = builtinPlan(DEFAULT_PLAN_ID)!;
const UNIT = '320582';
const FILL = 'test/fixtures/fill_return.py';
const hex = (argb: string) => `#${argb.slice(2).toUpperCase()}`;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-marks-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function edit(src: string, dst: string, ops: Record<string, unknown>[]): string {
  runPythonJson(FILL, [], { input: JSON.stringify({ src, dst, ops }) });
  return dst;
}

test('mark rules: one per severity, before the status rules, reading the hidden mark column of the same sheet', () => {
  const rules = markRules(5);
  expect(rules.map((r) => [r.priority, r.formulae[0]])).toEqual([
    [1, `$${MARK_COLUMN}5=${MARK_LEVEL.error}`],
    [2, `$${MARK_COLUMN}5=${MARK_LEVEL.warning}`],
    [3, `$${MARK_COLUMN}5=${MARK_LEVEL.info}`],
  ]);
  // The column is on the entry sheet itself, right after the remark column; the name finds it.
  expect(MARK_COLUMN).toBe('I');
  expect(markNameRef()).toBe(`'${SHEETS.entry}'!$I$1:$I$2000`);
  expect(MARK_NAME).toBe('PS_MARKS');
});

test('a marked return shows the marks over the status colours in LibreOffice; emptied, the page is the unmarked one', async () => {
  const blank = path.join(tmp, 'blank.xlsx');
  fs.writeFileSync(blank, await writeTemplate(PLAN, parsePeriod('2023')!, UNIT, { generatedAt: new Date('2024-01-05T08:00:00Z') }));
  const inds = indicatorsFor(PLAN, UNIT);
  const count = inds.find((i) => i.kind === 'count')!;
  const numeric = inds.filter((i) => i.kind !== 'text' && i !== count);
  // 14.4 in a count cell (an error; the cell shows 14), text in a number cell
  // (an error), every fifth cell blank, the rest plausible numbers.
  const ops = inds.map((ind, i) => ({ op: 'set', name: valueName(ind.code), value: i % 5 === 4 ? null : ind.kind === 'text' ? '已按计划推进' : 10 + i }));
  ops.push({ op: 'set', name: valueName(count.code), value: 14.4 }, { op: 'set', name: valueName(numeric[0].code), value: '约100' });
  const plain = edit(blank, path.join(tmp, 'plain.xlsx'), ops);

  // Mark it as the pane does: worst severity per value row, from the real findings.
  const read = readReturn(new Uint8Array(fs.readFileSync(plain)), 'plain.xlsx', { lang: 'zh' });
  if (!read.ok) throw new Error(read.message);
  const findings = validateReturn(PLAN, read.ret, { lang: 'zh', period: '2023' });
  const valueRows = new Map([...read.ret.entries.values()].map((e) => [cellKey(e.valueAt!.sheet, e.valueAt!.cell), Number(e.valueAt!.cell.slice(1))]));
  const { levels } = markLevels({ valueRows }, findings);
  const bySeverity = (level: number) => [...levels.values()].filter((l) => l === level).length;
  expect(bySeverity(MARK_LEVEL.error)).toBeGreaterThanOrEqual(2);
  expect(findings.find((f) => f.code === count.code)!.message).toContain('单元格按整数格式显示为 14');
  const markOps = [...levels].map(([row, level]) => ({ op: 'set', cell: `${SHEETS.entry}!${MARK_COLUMN}${row}`, value: level }));
  const marked = edit(plain, path.join(tmp, 'marked.xlsx'), markOps);
  const cleared = edit(marked, path.join(tmp, 'cleared.xlsx'), [...levels.keys()].map((row) => ({ op: 'set', cell: `${SHEETS.entry}!${MARK_COLUMN}${row}`, value: null })));

  const out = path.join(tmp, 'pdf');
  await convertWithLibreOffice([plain, marked, cleared], 'pdf', out);
  const colours = (f: string) => pdfFillColours(path.join(out, `${f}.pdf`));
  const [p, m, c] = [colours('plain'), colours('marked'), colours('cleared')];
  // Marked cells are painted in their severity's colour: the rule beats the status colours.
  // (LibreOffice paints a run of adjacent cells of one colour as one rectangle.)
  // (The error colour is also the legend swatch on 填报说明, in every rendering.)
  for (const sev of ['error', 'warning', 'info'] as const) {
    const cells = bySeverity(MARK_LEVEL[sev]);
    const legend = p.get(hex(MARK_COLORS[sev].fill)) ?? 0;
    expect(legend).toBe(sev === 'error' ? 1 : 0);
    const rects = (m.get(hex(MARK_COLORS[sev].fill)) ?? 0) - legend;
    expect([sev, rects > 0]).toEqual([sev, cells > 0]);
    expect(rects).toBeLessThanOrEqual(cells);
  }
  // Emptying the column restores exactly what was there.
  expect(c).toEqual(p);
  if (process.env.PS_KEEP_RENDER) for (const f of ['plain', 'marked', 'cleared']) fs.copyFileSync(path.join(out, `${f}.pdf`), path.join(process.env.PS_KEEP_RENDER, `${f}.pdf`));
}, 180_000);
