/**
 * statusWord (core/template/status-word.ts), the word a made return stores as
 * each status cell's cached result, against the status formula itself: the
 * generator's formula text for each case (statusFormula with explainSuffix,
 * as the template writes it) is written with openpyxl beside the value,
 * remark and 上期值, and LibreOffice computes it. Every case must give the
 * same word both ways: targets of every kind, the three judgements, a
 * tolerance, bounds hit exactly, text and blank values, remarks that do and
 * do not answer ·请说明, jumps from 上期值 and a running total that fell.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Target, ValueKind } from '../../src/core/plan/types';
import type { Judgement } from '../../src/core/template/entry-target';
import { statusWord, type StatusCell } from '../../src/core/template/status-word';
import { statusFormula } from '../../src/xlsx/write/status';
import { explainSuffix } from '../../src/xlsx/write/explain';
import { runPythonJson } from '../support/python';
import { convertWithLibreOffice, readSheetCsv } from '../support/libreoffice';

const t = {
  ge: { op: 'ge', value: 100, raw: '≥ 100' },
  le: { op: 'le', value: 1.3, raw: '1.3 以下' },
  eq: { op: 'eq', value: 50, raw: '50' },
  goal: { op: 'range', min: 3, max: 5, raw: '力争 3～5' },
  band: { op: 'range', min: 3, max: 5, band: true, raw: '3～5' },
  text: { op: 'text', text: '全面推广', raw: '全面推广' },
  none: { op: 'none', raw: '/' },
} satisfies Record<string, Target>;

type Case = Omit<StatusCell, 'entry'> & { target?: Target; judgement: Judgement };

const number = (target: Target | undefined, judgement: Judgement, value: number | string | null, more: Partial<Case> = {}): Case => ({ target, judgement, kind: 'number', value, ...more });

const CASES: Case[] = [
  number(t.ge, 'full', 120),
  number(t.ge, 'full', 100),
  number(t.ge, 'full', 99.5),
  number(t.ge, 'full', 99.5, { remark: '受疫情影响' }),
  number(t.ge, 'full', 99.5, { remark: '   ' }),
  number(t.ge, 'full', 96, { tolerance: 0.05 }),
  number(t.ge, 'full', 94, { tolerance: 0.05 }),
  number(t.ge, 'full', null),
  number(t.ge, 'full', '一百'),
  number(t.ge, 'met-only', 60),
  number(t.ge, 'met-only', 130),
  number(t.ge, 'none', 60),
  number(t.le, 'full', 1.3),
  number(t.le, 'full', 1.31),
  number(t.eq, 'full', 50),
  number(t.eq, 'full', 51),
  number(t.goal, 'full', 2),
  number(t.goal, 'full', 9),
  number(t.band, 'full', 9),
  number(t.band, 'full', 4),
  number(t.text, 'full', 7),
  number(t.none, 'full', 7),
  number(undefined, 'full', 7),
  number(t.none, 'none', 7),
  number(t.ge, 'full', 200, { previous: 100 }),
  number(t.ge, 'full', 140, { previous: 100 }),
  number(t.ge, 'none', 40, { previous: 100 }),
  number(t.ge, 'none', 40, { previous: 100, remark: '统计口径调整' }),
  number(t.ge, 'none', 90, { previous: 100, cumulative: true }),
  number(t.ge, 'none', 90, { previous: 100, cumulative: false }),
  number(t.ge, 'full', 5, { previous: 0 }),
  number(t.ge, 'full', 0, { previous: 0 }),
  { target: t.text, judgement: 'full', kind: 'text', value: '平台已建成' },
  { target: t.text, judgement: 'full', kind: 'text', value: '  ' },
  { target: t.text, judgement: 'full', kind: 'text', value: null },
];

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-status-word-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('gives the word the status formula gives in LibreOffice, case by case', async () => {
  const rows = CASES.map((c, i) => {
    const r = i + 1;
    const kind: ValueKind = c.kind;
    const suffix = explainSuffix({
      target: c.target,
      kind,
      judgement: c.judgement,
      valueRef: `A${r}`,
      remarkRef: `B${r}`,
      ...(c.previous !== undefined ? { previousRef: `C${r}` } : {}),
      cumulative: !!c.cumulative,
      ...(c.tolerance ? { tolerance: c.tolerance } : {}),
    });
    return { value: c.value, remark: c.remark ?? null, previous: c.previous ?? null, formula: statusFormula(c.target, `A${r}`, kind, c.judgement, c.tolerance, suffix) };
  });
  const file = path.join(dir, 'cases.xlsx');
  runPythonJson(path.join(__dirname, 'write_formulas.py'), [file], { input: JSON.stringify(rows) });
  const out = path.join(dir, 'csv');
  await convertWithLibreOffice(file, 'csv', out, { csvAllSheets: true });
  const computed = readSheetCsv(out, file, 'cases').map((line) => line[3]);
  const ours = CASES.map(({ target, judgement, ...cell }) => statusWord({ ...cell, entry: { target, judgement } }));
  expect(ours).toEqual(computed.slice(0, CASES.length));
  // The cases reach every word, with and without ·请说明.
  expect(new Set(ours)).toEqual(new Set(['达标', '未达标', '未达标·请说明', '已填', '已填·请说明', '达标·请说明', '无目标', '未填', '定性']));
}, 120_000);
