/**
 * Reading real returns: the generator's template filled and edited with
 * openpyxl, some re-saved by LibreOffice. Values are checked against what we
 * wrote and against openpyxl reading the same files through the same names.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { planHash } from '../../src/core/plan/load';
import type { ParsedReturn, StructuralIssue } from '../../src/core/return/types';
import { ENTRY_HEADERS } from '../../src/core/template/layout';
import { readReturn } from '../../src/xlsx/read';
import { readReturnFile } from '../../src/xlsx/read/node';
import { makeFixtures, NUMBERS, type FixtureSet } from '../fixtures/make-returns';
import { fixtureCode, FIXTURE_UNIT } from '../fixtures/plan';
import { buildZip } from '../fixtures/zip-writer';
import { runPythonJson } from '../support/python';

let fx: FixtureSet;
const cache = new Map<string, ParsedReturn>();

beforeAll(async () => {
  fx = await makeFixtures(fs.mkdtempSync(path.join(os.tmpdir(), 'ps-read-')), { libreoffice: true });
}, 180_000);
afterAll(() => fs.rmSync(fx.dir, { recursive: true, force: true }));

function read(file: string): ParsedReturn {
  let r = cache.get(file);
  if (!r) {
    const res = readReturn(new Uint8Array(fs.readFileSync(file)), path.basename(file));
    if (!res.ok) throw new Error(res.message);
    r = res.ret;
    cache.set(file, r);
  }
  return r;
}

const code = fixtureCode;
const rules = (r: ParsedReturn) => r.structural.map((s) => s.rule);
const issues = (r: ParsedReturn, rule: string): StructuralIssue[] => r.structural.filter((s) => s.rule === rule);
const valueOf = (r: ParsedReturn, i: number) => r.entries.get(code(i))?.value;

interface PyReturn {
  meta: Record<string, unknown>;
  meta_state?: string;
  names: Record<string, { sheet?: string; cell?: string; value?: { type: string; value?: unknown }; broken?: boolean }>;
}

function openpyxlRead(file: string): PyReturn {
  return runPythonJson<{ returns: PyReturn[] }>('bench/openpyxl_read.py', ['--dump', file]).returns[0];
}

/** Every PSV_/PSR_ name: openpyxl and our reader agree on the cell and, for plain cells, on the value. */
function agreeWithOpenpyxl(file: string): void {
  const ours = read(file);
  const py = openpyxlRead(file);
  let compared = 0;
  for (const [name, v] of Object.entries(py.names)) {
    if (!name.startsWith('PSV_')) continue;
    const c = name.slice(4).replace(/_/g, '-');
    const e = ours.entries.get(c);
    if (v.broken) continue;
    expect(e).toBeDefined();
    expect({ name, at: `${e!.valueAt.sheet}!${e!.valueAt.cell}` }).toEqual({ name, at: `${v.sheet}!${v.cell}` });
    const raw = e!.value;
    const shown = raw.type === 'formula' ? raw.cached ?? { type: 'empty' } : raw;
    // openpyxl (not data_only) shows formulas as "=…" text; compare formulas by text.
    if (raw.type === 'formula') expect(v.value).toEqual({ type: 'text', value: `=${raw.formula}` });
    else if (shown.type === 'number' || shown.type === 'text' || shown.type === 'boolean' || shown.type === 'empty')
      expect({ name, ...shown }).toEqual({ name, ...v.value });
    compared++;
  }
  expect(compared).toBeGreaterThan(0);
  // The metadata agrees as well.
  expect(ours.meta?.planId).toBe(py.meta.plan_id);
  expect(ours.meta?.codes.join(',')).toBe(py.meta.codes);
}

test('the blank template as the generator writes it (ExcelJS, shared strings)', () => {
  const r = read(fx.template);
  expect(r.meta?.codes).toEqual(fx.plan.indicators.map((i) => i.code));
  expect(r.meta?.unitName).toBe('张家港市');
  expect([...r.entries.values()].every((e) => e.value.type === 'empty' && e.remark === null)).toBe(true);
  expect(r.entries.get(code(4))).toMatchObject({ valueAt: { sheet: '指标填报', cell: 'F9' }, shownCode: 'RD-005', shownTarget: '全市 1～2' });
  expect(r.reporter).toEqual({ unit: '张家港市' });
  expect(r.structural).toEqual([]);
});

describe('a return filled with numbers', () => {
  test('meta, values, remarks, reporter and modification time', () => {
    const r = read(fx.files.numbers);
    expect(r.source).toBe('numbers.xlsx');
    expect(r.meta).toEqual({
      formatVersion: '1',
      planId: fx.plan.id,
      planHash: planHash(fx.plan),
      unitCode: FIXTURE_UNIT,
      unitName: '张家港市',
      period: '2023',
      generatedAt: '2023-12-01T08:00:00.000Z',
      codes: fx.plan.indicators.map((i) => i.code),
    });
    NUMBERS.forEach((n, i) => {
      const e = r.entries.get(code(i))!;
      expect(e.value).toEqual({ type: 'number', value: n });
      expect(e.valueAt).toEqual({ sheet: '指标填报', cell: `F${5 + i}` });
      expect(e.remarkAt).toEqual({ sheet: '指标填报', cell: `H${5 + i}` });
      expect(e.shownCode).toBe(code(i));
    });
    expect(r.entries.get(code(0))!.remark).toBe('数据来源：统计局年报');
    expect(r.entries.get(code(3))!.remark).toBe('12.5');
    expect(r.entries.get(code(1))!.remark).toBeNull();
    expect(r.entries.get(code(0))!.shownTarget).toBe('全市 ≥ 3000');
    expect(r.reporter).toEqual({ unit: '张家港市', contact: '王小明', phone: '0512-66668888', date: '2024-01-15' });
    expect(r.modifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(r.structural).toEqual([]);
  });

  test('agrees with openpyxl, before and after a LibreOffice re-save', () => {
    agreeWithOpenpyxl(fx.files.numbers);
    agreeWithOpenpyxl(fx.lo.numbers);
    const lo = read(fx.lo.numbers);
    NUMBERS.forEach((n, i) => expect(valueOf(lo, i)).toEqual({ type: 'number', value: n }));
    // LibreOffice writes very-hidden sheets back as hidden: noted, still read.
    expect(issues(lo, 'reader.meta-hidden-state')).toEqual([{ rule: 'reader.meta-hidden-state', params: { state: 'hidden' } }]);
    expect(lo.meta?.planHash).toBe(planHash(fx.plan));
  });

  test('the file is opened read-only and left untouched', async () => {
    const before = fs.readFileSync(fx.files.numbers);
    const mtime = fs.statSync(fx.files.numbers).mtimeMs;
    const r = await readReturnFile(fx.files.numbers);
    expect(r.ok).toBe(true);
    expect(fs.readFileSync(fx.files.numbers).equals(before)).toBe(true);
    expect(fs.statSync(fx.files.numbers).mtimeMs).toBe(mtime);
  });
});

describe('values typed as text, formulas, odd remarks', () => {
  test('text is kept exactly as typed; interpretation is the engine’s job', () => {
    const r = read(fx.files['text-values']);
    expect(valueOf(r, 0)).toEqual({ type: 'text', value: '约100' });
    expect(valueOf(r, 1)).toEqual({ type: 'text', value: '1,234' });
    expect(valueOf(r, 2)).toEqual({ type: 'text', value: '１２３' });
    expect(valueOf(r, 3)).toEqual({ type: 'text', value: '95%' });
    expect(valueOf(r, 4)).toEqual({ type: 'text', value: ' 42 ' });
    expect(valueOf(r, 5)).toEqual({ type: 'text', value: 'N/A' });
    // openpyxl stores formulas without a computed result.
    expect(valueOf(r, 6)).toEqual({ type: 'formula', formula: '1+2' });
    expect(valueOf(r, 7)).toEqual({ type: 'boolean', value: true });
    expect(valueOf(r, 8)).toEqual({ type: 'empty' });
    const remark = (i: number) => r.entries.get(code(i))!.remark;
    expect(remark(0)).toBe('=见附件');
    expect(remark(1)).toBe('+86 电话确认');
    expect(remark(2)).toBe('=1+1');
    expect(remark(3)).toBe('包含 <tag> & "引号" 和 \'单引号\'');
    expect(remark(4)).toBe('第一行\n第二行');
    agreeWithOpenpyxl(fx.files['text-values']);
  });

  test('after LibreOffice: formulas carry their computed results', () => {
    const r = read(fx.lo['text-values']);
    expect(valueOf(r, 6)).toEqual({ type: 'formula', formula: '1+2', cached: { type: 'number', value: 3 } });
    expect(r.entries.get(code(2))!.remark).toBe('2');
    expect(valueOf(r, 0)).toEqual({ type: 'text', value: '约100' });
    const f = read(fx.lo.formulas);
    expect(valueOf(f, 0)).toEqual({ type: 'formula', formula: 'SUM(10,20)', cached: { type: 'number', value: 30 } });
    expect(valueOf(f, 1)).toEqual({ type: 'formula', formula: 'F5*2', cached: { type: 'number', value: 60 } });
    expect(valueOf(f, 2)).toEqual({ type: 'number', value: 5 });
    agreeWithOpenpyxl(fx.lo['text-values']);
  });
});

describe('rows inserted, deleted, reordered', () => {
  test('rows inserted (names moved, as Excel does): values follow the names', () => {
    for (const file of [fx.files['inserted-rows'], fx.lo['inserted-rows']]) {
      const r = read(file);
      NUMBERS.forEach((n, i) => expect(valueOf(r, i)).toEqual({ type: 'number', value: n }));
      expect(r.entries.get(code(3))!.valueAt.cell).toBe('F10');
      expect(issues(r, 'reader.row-inserted')).toEqual([{ rule: 'reader.row-inserted', params: { count: 2 } }]);
      expect(rules(r)).not.toContain('reader.name-moved');
      agreeWithOpenpyxl(file);
    }
  });

  test('rows inserted by a tool that left the names behind: the code column wins', () => {
    const r = read(fx.files['inserted-rows-names-stay']);
    NUMBERS.forEach((n, i) => expect(valueOf(r, i)).toEqual({ type: 'number', value: n }));
    expect(r.entries.get(code(3))!.valueAt.cell).toBe('F10');
    const moved = issues(r, 'reader.name-moved');
    expect(moved.map((m) => m.params!.code)).toEqual(NUMBERS.slice(3).map((_, k) => code(k + 3)));
    expect(moved[0]).toEqual({ rule: 'reader.name-moved', at: { sheet: '指标填报', cell: 'F10' }, params: { name: 'PSV_RD_004', code: 'RD-004', expected: '指标填报!F8' } });
  });

  test('a deleted row: its name is #REF!, the indicator is reported lost, the rest still read', () => {
    const r = read(fx.files['deleted-row']);
    expect(r.entries.has(code(2))).toBe(false);
    expect(issues(r, 'reader.name-broken')).toEqual([{ rule: 'reader.name-broken', params: { name: 'PSV_RD_003', code: 'RD-003' } }]);
    expect(issues(r, 'reader.row-deleted')).toEqual([{ rule: 'reader.row-deleted', params: { count: 1, codes: 'RD-003' } }]);
    NUMBERS.forEach((n, i) => i !== 2 && expect(valueOf(r, i)).toEqual({ type: 'number', value: n }));
    expect(r.entries.get(code(3))!.valueAt.cell).toBe('F7');
  });

  test('rows sorted (names stay put): read by code, with a note', () => {
    const r = read(fx.files.sorted);
    expect(valueOf(r, 0)).toEqual({ type: 'number', value: NUMBERS[0] });
    expect(r.entries.get(code(0))!.valueAt.cell).toBe('F6');
    expect(r.entries.get(code(0))!.remark).toBe('第一项备注');
    expect(r.entries.get(code(0))!.remarkAt?.cell).toBe('H6');
    expect(valueOf(r, 1)).toEqual({ type: 'number', value: NUMBERS[1] });
    expect(issues(r, 'reader.name-moved').map((m) => m.params!.code)).toEqual(['RD-001', 'RD-002']);
  });

  test('rows moved with their names (cut and insert): no issue at all', () => {
    const r = read(fx.files.moved);
    expect(r.entries.get(code(0))!.valueAt.cell).toBe('F6');
    NUMBERS.forEach((n, i) => expect(valueOf(r, i)).toEqual({ type: 'number', value: n }));
    expect(r.structural).toEqual([]);
  });

  test('all names deleted: every value found by its code in column A, and said so (a warning, not a lost value)', () => {
    const r = read(fx.files['names-gone']);
    NUMBERS.forEach((n, i) => expect(valueOf(r, i)).toEqual({ type: 'number', value: n }));
    expect(r.entries.get(code(1))!.remark).toBe('备注二');
    expect(issues(r, 'reader.name-missing')).toEqual([]);
    const found = issues(r, 'reader.name-found-by-code');
    expect(found).toHaveLength(12);
    expect(found[0]).toEqual({ rule: 'reader.name-found-by-code', at: { sheet: '指标填报', cell: 'F5' }, params: { name: 'PSV_RD_001', code: 'RD-001', foundAt: 'F5' } });
  });
});

describe('structure problems', () => {
  test('a merged value cell', () => {
    for (const file of [fx.files.merged, fx.lo.merged]) {
      const r = read(file);
      expect(issues(r, 'reader.merged-cell')).toEqual([
        { rule: 'reader.merged-cell', at: { sheet: '指标填报', cell: 'F9' }, params: { code: 'RD-005', range: 'F9:G9' } },
      ]);
    }
  });

  test('values typed in the status or remark column while the value cell is blank', () => {
    const r = read(fx.files['wrong-column']);
    expect(issues(r, 'reader.value-wrong-column')).toEqual([
      { rule: 'reader.value-wrong-column', at: { sheet: '指标填报', cell: 'G9' }, params: { code: 'RD-005', cell: 'G9', text: '88' } },
      { rule: 'reader.value-wrong-column', at: { sheet: '指标填报', cell: 'H10' }, params: { code: 'RD-006', cell: 'H10', text: '120' } },
    ]);
    // A real remark in words is not a misplaced value.
    expect(r.entries.get(code(6))!.remark).toBe('数据待核实');
  });

  test('metadata sheet unhidden, entry sheet renamed, protection removed', () => {
    expect(issues(read(fx.files['meta-unhidden']), 'reader.meta-hidden-state')[0].params).toEqual({ state: 'visible' });
    const renamed = read(fx.files['renamed-sheet']);
    expect(issues(renamed, 'reader.sheet-renamed')).toEqual([{ rule: 'reader.sheet-renamed', params: { sheet: '填报表', expected: '指标填报' } }]);
    expect(valueOf(renamed, 0)).toEqual({ type: 'number', value: 5 });
    expect(renamed.entries.get(code(0))!.valueAt.sheet).toBe('填报表');
    expect(rules(read(fx.files.unprotected))).toEqual(['reader.protection-removed']);
    const magicGone = read(fx.files['meta-magic-gone']);
    expect(magicGone.meta?.planId).toBe(fx.plan.id);
    expect(magicGone.structural).toEqual([{ rule: 'reader.meta-key-missing', params: { key: 'plansheet' } }]);
  });

  test('a value typed as "95%" (Excel stores 0.95 with a percent format)', () => {
    const r = read(fx.files['percent-format']);
    expect(valueOf(r, 2)).toEqual({ type: 'number', value: 0.95 });
    expect(issues(r, 'reader.value-percent-format')[0].params).toEqual({ code: 'RD-003', value: 0.95, shown: '95%' });
  });

  test('the engine accepts every parsed return and turns reader issues into findings', () => {
    let engine: typeof import('../../src/core/engine');
    try {
      engine = require('../../src/core/engine');
    } catch {
      return; // engine not present in this checkout
    }
    for (const file of [...Object.values(fx.files), ...Object.values(fx.lo)]) {
      const r = read(file);
      const findings = engine.validateReturn(fx.plan, r);
      // Every reader issue becomes a finding (the percent note may be folded into the value's own finding).
      for (const s of r.structural) {
        const expected = s.rule === 'reader.value-percent-format' ? ['reader.value-percent-format', 'value.percent-format'] : [s.rule];
        expect({ file, rule: s.rule, found: findings.some((f) => expected.includes(f.rule)) }).toEqual({ file, rule: s.rule, found: true });
      }
    }
  });
});

describe('only the needed parts are inflated', () => {
  test('a damaged part nobody needs (an image) does not stop the read', () => {
    const parts = unzipSync(new Uint8Array(fs.readFileSync(fx.files.numbers)));
    const entries = Object.entries(parts).map(([name, data]) => ({ name, data }));
    entries.push({ name: 'xl/media/image1.png', data: new Uint8Array(5000).fill(7), declaredCrc: 1234 } as never);
    const bytes = buildZip(entries);
    const r = readReturn(bytes, 'with-image.xlsx');
    expect(r.ok).toBe(true);
    expect(r.ok && r.ret.entries.get(code(0))!.value).toEqual({ type: 'number', value: NUMBERS[0] });
    // The same damage in a needed part is caught.
    const bad = Object.entries(parts).map(([name, data]) => (name === 'xl/workbook.xml' ? { name, data, declaredCrc: 1234 } : { name, data }));
    const r2 = readReturn(buildZip(bad), 'bad-strings.xlsx');
    expect(!r2.ok && r2.code).toBe('corrupt-zip');
  });
});

describe('workbooks without PlanSheet metadata', () => {
  test('an entry table copied into another workbook is recognised by its header and codes', () => {
    const file = path.join(fx.dir, 'foreign.xlsx');
    runPythonJson(path.join(__dirname, '..', 'fixtures', 'foreign_workbook.py'), [file], {
      input: JSON.stringify({
        headers: Object.values(ENTRY_HEADERS),
        rows: [
          ['RD-001', 10],
          ['', null],
          ['RD-002', '约5'],
          ['RD-003', null],
        ],
      }),
    });
    const r = read(file);
    expect(r.meta).toBeNull();
    expect([...r.entries.keys()]).toEqual(['RD-001', 'RD-002', 'RD-003']);
    expect(r.entries.get('RD-001')).toMatchObject({ value: { type: 'number', value: 10 }, valueAt: { sheet: '我的汇总', cell: 'G4' }, shownCode: 'RD-001' });
    expect(r.entries.get('RD-002')).toMatchObject({ value: { type: 'text', value: '约5' }, valueAt: { cell: 'G6' }, remarkAt: { cell: 'I6' } });
    expect(r.entries.get('RD-003')!.value).toEqual({ type: 'empty' });
    expect(r.structural).toEqual([]);
  });

  test('a workbook with nothing of ours yields meta null and no entries', () => {
    const file = path.join(fx.dir, 'foreign-empty.xlsx');
    runPythonJson(path.join(__dirname, '..', 'fixtures', 'foreign_workbook.py'), [file], { input: JSON.stringify({ headers: ['甲', '乙'], rows: [] }) });
    const r = read(file);
    expect(r.meta).toBeNull();
    expect(r.entries.size).toBe(0);
  });
});
