import { validateReturn, progress } from '../../src/core/engine';
import type { Finding } from '../../src/core/rules/finding';
import { DISTRICTS, PLAN, goodValues, makeReturn } from './fixtures';

const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const rulesOf = (fs: Finding[]) => fs.map((f) => `${f.severity}:${f.rule}:${f.code ?? '-'}`);

/** A return with good values plus the given overrides. */
function ret(unit: string, values: Record<string, unknown> = {}, extra: Parameters<typeof makeReturn>[0] extends infer S ? Partial<S> : never = {}) {
  return makeReturn({ unit, ...extra, values: { ...goodValues(unit), ...(values as object) } as never });
}

describe('a clean return has no findings', () => {
  test.each([...DISTRICTS, 'SZ-GXJ', 'SZ-FGW', 'SZ-DSJ'])('unit %s', (unit) => {
    expect(validateReturn(PLAN, ret(unit), { period: '2023' })).toEqual([]);
  });
});

describe('template.* rules', () => {
  test('not a PlanSheet return', () => {
    const r = { ...ret('320582'), meta: null };
    const fs = validateReturn(PLAN, r);
    expect(rulesOf(fs)).toEqual(['error:template.not-plansheet:-']);
    expect(fs[0].message).toContain('不是 PlanSheet 填报表');
  });

  test('a return of another plan is not checked row by row', () => {
    const r = makeReturn({ unit: '320582', meta: { planId: 'other-plan' } });
    const fs = validateReturn(PLAN, r);
    expect(rulesOf(fs)).toEqual(['error:template.plan-mismatch:-']);
    expect(fs[0].message).toBe('报表属于计划“other-plan”，不是本计划“test-plan”');
  });

  test('another plan version is a warning, and changed targets are notes, not tampering', () => {
    const r = ret('SZ-FGW', {}, { meta: { planHash: '0123456789abcdef' } });
    r.entries.get('T-AMT')!.shownTarget = '≥ 5000';
    const fs = validateReturn(PLAN, r);
    expect(rulesOf(fs)).toEqual(['warning:template.plan-version:-', 'info:template.target-changed:T-AMT']);
  });

  test('period: mismatch, invalid, outside the plan; the right period passes', () => {
    expect(rulesOf(validateReturn(PLAN, ret('320582'), { period: '2022' }))).toContain('error:template.period-mismatch:-');
    expect(only(validateReturn(PLAN, ret('320582'), { period: '2023' }), 'template.period-mismatch')).toEqual([]);
    expect(rulesOf(validateReturn(PLAN, ret('320582', {}, { meta: { period: '2023X' } })))).toContain('error:template.period-invalid:-');
    const outside = validateReturn(PLAN, ret('320582', {}, { period: '2024' }));
    expect(rulesOf(outside)).toContain('error:template.period-outside-plan:-');
  });

  test('the expected period accepts equivalent spellings', () => {
    const r = ret('320582', {}, { period: '2023H1' });
    expect(only(validateReturn(PLAN, r, { period: '2023h1' }), 'template.period-mismatch')).toEqual([]);
  });

  test('unknown unit, and a unit with nothing to report', () => {
    expect(rulesOf(validateReturn(PLAN, ret('320599')))).toContain('error:template.unit-unknown:-');
    const city = validateReturn(PLAN, makeReturn({ unit: '320500' }));
    expect(rulesOf(city)).toEqual(['warning:template.unit-not-reporter:-']);
  });

  test('missing metadata keys and unknown format version', () => {
    const r = ret('320582', {}, { meta: { planHash: '', codes: [] } });
    const fs = validateReturn(PLAN, r);
    expect(only(fs, 'template.meta-missing-keys')[0].message).toContain('plan_hash, codes');
    expect(only(fs, 'template.plan-version')).toEqual([]);
    // A key the reader already reported is not repeated.
    r.structural.push({ rule: 'reader.meta-key-missing', params: { key: 'plan_hash' } });
    const again = validateReturn(PLAN, r);
    expect(rulesOf(again)).toEqual(['error:reader.meta-key-missing:-', 'error:template.meta-missing-keys:-']);
    expect(again[1].message).toBe('元数据缺少：codes；报表可能被修改过');
    const v = validateReturn(PLAN, ret('320582', {}, { meta: { formatVersion: '9' } }));
    expect(rulesOf(v)).toEqual(['error:template.format-version:-']);
  });

  test('code and target cells altered by the filler', () => {
    const r = ret('SZ-FGW');
    const e = r.entries.get('T-AMT')!;
    e.shownCode = 'T-AMT2';
    e.shownTarget = '≥ 5000';
    const fs = validateReturn(PLAN, r);
    expect(rulesOf(fs)).toEqual(['warning:template.code-altered:T-AMT', 'warning:template.target-altered:T-AMT']);
    expect(fs[0]).toMatchObject({ sheet: '指标填报', cell: 'A5' });
    expect(fs[1]).toMatchObject({ cell: 'E5' });
    expect(fs[1].message).toBe('目标值单元格被修改：计划目标为 ≥ 6000，表中为“≥ 5000”；以计划目标为准');
    // Width and spacing differences are not tampering.
    e.shownCode = ' T-AMT ';
    e.shownTarget = '≥６０００';
    expect(validateReturn(PLAN, r)).toEqual([]);
  });

  test('formulas: without a saved result an error, with one a warning and the result is used', () => {
    const none = validateReturn(PLAN, ret('320582', { 'T-SUM': { type: 'formula', formula: 'SUM(F1:F3)' } }));
    expect(rulesOf(none)).toEqual(['error:template.formula-no-result:T-SUM']);
    expect(none[0].message).toContain('=SUM(F1:F3)');
    const cached = validateReturn(PLAN, ret('320582', { 'T-SUM': { type: 'formula', formula: '10+20', cached: { type: 'number', value: 30 } } }));
    expect(rulesOf(cached)).toEqual(['warning:template.formula-cached:T-SUM']);
    expect(cached[0].readAs).toBe(30);
    expect(cached[0].message).toContain('30');
  });

  test('structural issues from the reader become findings', () => {
    const r = ret('320582');
    r.structural.push(
      { rule: 'reader.merged-cell', at: { sheet: '指标填报', cell: 'F6' }, params: { code: 'T-AMT', range: 'F6:G6' } },
      { rule: 'reader.meta-hidden-state', params: { state: 'visible' } },
      { rule: 'reader.some-new-check', params: { detail: 'x' } },
    );
    const fs = validateReturn(PLAN, r);
    expect(rulesOf(fs)).toEqual(['warning:reader.meta-hidden-state:-', 'warning:reader.some-new-check:-', 'warning:reader.merged-cell:T-AMT']);
    expect(fs[2]).toMatchObject({ cell: 'F6', message: '指标 T-AMT 的填报单元格被合并（F6:G6），请取消合并' });
    expect(fs[1].message).toContain('reader.some-new-check');
  });

  test('a missing entry is an error, unless the reader already said its name is gone', () => {
    const codes = ['T-SUM', 'T-AMT', 'T-PCT', 'T-CUM', 'T-TXT'];
    const r = ret('320582', {}, { codes });
    expect(rulesOf(validateReturn(PLAN, r))).toEqual(['error:template.entry-missing:T-PUE']);
    r.structural.push({ rule: 'reader.name-missing', params: { code: 'T-PUE', name: 'PSV_T_PUE' } });
    expect(rulesOf(validateReturn(PLAN, r))).toEqual(['error:reader.name-missing:T-PUE']);
    r.structural = [{ rule: 'reader.row-deleted', params: { count: 1, codes: 'T-PUE' } }];
    expect(rulesOf(validateReturn(PLAN, r))).toEqual(['error:reader.row-deleted:-']);
  });

  test('an entry the plan does not know is ignored with a warning', () => {
    const r = ret('320582');
    r.entries.set('T-OLD', { code: 'T-OLD', value: { type: 'number', value: 1 }, remark: null, valueAt: { sheet: '指标填报', cell: 'F20' } });
    expect(rulesOf(validateReturn(PLAN, r))).toEqual(['warning:template.unknown-code:T-OLD']);
  });
});

describe('value.* rules', () => {
  test('value.missing: a required blank is an error; a blank the unit need not report is fine', () => {
    const fs = validateReturn(PLAN, ret('320582', { 'T-SUM': null }));
    expect(rulesOf(fs)).toEqual(['error:value.missing:T-SUM']);
    expect(fs[0]).toMatchObject({ sheet: '指标填报', cell: 'F5', message: '必填指标 T-SUM（企业数）未填写' });
    const extra = ret('320582', {}, { codes: ['T-SUM', 'T-AMT', 'T-PCT', 'T-PUE', 'T-CUM', 'T-TXT', 'T-CW'] });
    expect(validateReturn(PLAN, extra)).toEqual([]);
  });

  test('value.not-number: errors for guesses, warnings saying how text was read', () => {
    const approx = validateReturn(PLAN, ret('320582', { 'T-SUM': '约100' }));
    expect(rulesOf(approx)).toEqual(['error:value.not-number:T-SUM']);
    expect(approx[0].remarkAt).toEqual({ sheet: '指标填报', cell: 'H5' });
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-SUM': '暂无' })))).toEqual(['error:value.not-number:T-SUM']);
    const comma = validateReturn(PLAN, ret('320582', { 'T-AMT': '1,234' }));
    expect(rulesOf(comma)).toEqual(['warning:value.not-number:T-AMT']);
    expect(comma[0]).toMatchObject({ readAs: 1234, message: '“1,234”含千位分隔符，按 1234 读取' });
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-SUM': { type: 'error', value: '#DIV/0!' } })))).toEqual(['error:value.not-number:T-SUM']);
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-SUM': { type: 'date', value: '2023-01-30' } })))).toEqual(['error:value.not-number:T-SUM']);
  });

  test('value.out-of-range', () => {
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-PCT': 120 })))).toEqual(['error:value.out-of-range:T-PCT']);
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-AMT': -5 })))).toEqual(['error:value.out-of-range:T-AMT']);
    const frac = validateReturn(PLAN, ret('320582', { 'T-SUM': 2.5 }));
    expect(rulesOf(frac)).toEqual(['error:value.out-of-range:T-SUM']);
    expect(frac[0].message).toBe('2.5 不是整数（单元格按整数格式显示为 3），本指标是计数（家）');
    // Fractions of 万个 are fine; a plain "number" may be negative.
    expect(validateReturn(PLAN, ret('320582', { 'T-CUM': 0.85 }))).toEqual([]);
    expect(only(validateReturn(PLAN, ret('SZ-DSJ', { 'T-BIND': -1 })), 'value.out-of-range')).toEqual([]);
    expect(validateReturn(PLAN, ret('320582', { 'T-PCT': 100 }))).toEqual([]);
    expect(validateReturn(PLAN, ret('320582', { 'T-PCT': 0 }))).toEqual([]);
  });

  test('value.unit-slip: 0.92 for 92%', () => {
    const fs = validateReturn(PLAN, ret('SZ-DSJ', { 'T-PCT': 0.92 }));
    expect(rulesOf(fs)).toEqual(['warning:value.unit-slip:T-PCT']);
    expect(fs[0].readAs).toBe(92);
    expect(fs[0].message).toBe('疑似单位错误：填报 0.92，参考值为 目标 ≥ 90%；百分比应按 0～100 填写，0.92 可能是 92%');
  });

  test('value.unit-slip: 个 entered where 万个 is expected', () => {
    const fs = validateReturn(PLAN, ret('320582', { 'T-CUM': 8000 }));
    expect(rulesOf(fs)).toEqual(['warning:value.unit-slip:T-CUM']);
    expect(fs[0].readAs).toBeCloseTo(0.8);
    expect(fs[0].message).toContain('如按“个”填写，应为 0.8 万个');
  });

  test('value.unit-slip: 元 entered where 亿元 is expected, and too small by 万', () => {
    const fs = validateReturn(PLAN, ret('SZ-FGW', { 'T-AMT': 610_000_000_000 }));
    expect(rulesOf(fs)).toEqual(['warning:value.unit-slip:T-AMT']);
    expect(fs[0].message).toContain('如按“元”填写，应为 6100 亿元');
    const small = validateReturn(PLAN, ret('SZ-FGW', { 'T-AMT': 0.61 }));
    expect(rulesOf(small)).toEqual(['warning:value.unit-slip:T-AMT']);
    expect(small[0].readAs).toBeCloseTo(6100);
    // A district's small part of a city total is not a slip.
    expect(validateReturn(PLAN, ret('320582', { 'T-AMT': 0.5 }))).toEqual([]);
  });
});

describe('target.missed', () => {
  test('the lead department is measured against the city target and told by how much', () => {
    const fs = validateReturn(PLAN, ret('SZ-FGW', { 'T-AMT': 5987.5 }));
    expect(rulesOf(fs)).toEqual(['warning:target.missed:T-AMT']);
    expect(fs[0].message).toBe('低于目标 12.5 亿元（目标 ≥ 6000，填报 5987.5）；请在备注中说明原因');
    expect(fs[0].remarkAt).toEqual({ sheet: '指标填报', cell: 'H5' });
  });

  test('an explanation in the remark turns the warning into a note', () => {
    const fs = validateReturn(PLAN, ret('SZ-FGW', { 'T-AMT': 5987.5 }, { remarks: { 'T-AMT': '受疫情影响' } }));
    expect(rulesOf(fs)).toEqual(['info:target.missed:T-AMT']);
    expect(fs[0].message).toContain('备注已说明：受疫情影响');
  });

  test("a district's part of a city sum is not measured against the city total", () => {
    expect(validateReturn(PLAN, ret('320582', { 'T-AMT': 10, 'T-SUM': 1 }))).toEqual([]);
  });

  test('a binding limit applies to every unit and is an error, even with a remark', () => {
    const fs = validateReturn(PLAN, ret('320585', { 'T-PUE': 1.4 }, { remarks: { 'T-PUE': '改造中' } }));
    expect(rulesOf(fs)).toEqual(['error:target.missed:T-PUE']);
    expect(fs[0].message).toBe('高于上限 0.1（目标 ≤ 1.3，填报 1.4）；本指标为约束性指标；备注已说明：改造中');
    expect(rulesOf(validateReturn(PLAN, ret('SZ-DSJ', { 'T-BIND': 40 })))).toEqual(['error:target.missed:T-BIND']);
  });

  test('percent gaps are in percentage points; qualitative targets are not measured', () => {
    const fs = validateReturn(PLAN, ret('SZ-DSJ', { 'T-PCT': 85, 'T-CW': 0 }));
    expect(rulesOf(fs)).toEqual(['warning:target.missed:T-PCT']);
    expect(fs[0].message).toContain('低于目标 5 个百分点（目标 ≥ 90%，填报 85）');
  });

  test('a half-year short of the annual target is progress (info)', () => {
    const fs = validateReturn(PLAN, ret('SZ-FGW', { 'T-AMT': 3000 }, { period: '2023H1' }));
    expect(rulesOf(fs)).toEqual(['info:target.missed:T-AMT']);
    expect(fs[0].message).toContain('2023年上半年');
  });

  test('English', () => {
    const fs = validateReturn(PLAN, ret('SZ-FGW', { 'T-AMT': 5987.5 }), { lang: 'en' });
    expect(fs[0].message).toBe('12.5 亿元 below the target (target ≥ 6000, reported 5987.5); please explain in the remark');
  });
});

describe('value.cumulative-decrease', () => {
  const prev = (period: string, v: number, unit = '320582') => makeReturn({ unit, period, values: { ...goodValues(unit), 'T-CUM': v } });

  test('lower than the latest earlier return of the same unit', () => {
    const previous = [prev('2021', 0.5), prev('2022', 1.0), prev('2022', 5, '320581')];
    const fs = validateReturn(PLAN, ret('320582', { 'T-CUM': 0.8 }), { previous });
    expect(rulesOf(fs)).toEqual(['warning:value.cumulative-decrease:T-CUM']);
    expect(fs[0].message).toBe('累计指标减少：本期填报 0.8，低于 2022年 的 1；请核实，或在备注中说明原因');
  });

  test('uses the latest earlier period, ignores later ones and other units', () => {
    const previous = [prev('2021', 1.5), prev('2022', 0.7), prev('2023', 9)];
    expect(validateReturn(PLAN, ret('320582', { 'T-CUM': 0.8 }), { previous })).toEqual([]);
  });

  test('a remark makes it a note', () => {
    const fs = validateReturn(PLAN, ret('320582', { 'T-CUM': 0.8 }, { remarks: { 'T-CUM': '统计口径调整' } }), { previous: [prev('2022', 1)] });
    expect(rulesOf(fs)).toEqual(['info:value.cumulative-decrease:T-CUM']);
  });
});

test('findings are sorted: errors first, then by row', () => {
  const r = ret('320582', { 'T-SUM': '1,000', 'T-AMT': null, 'T-PCT': '约90', 'T-PUE': 1.4 });
  r.structural.push({ rule: 'reader.row-inserted', params: { count: 2 } });
  const fs = validateReturn(PLAN, r);
  expect(fs.map((f) => `${f.severity}:${f.cell ?? '-'}`)).toEqual(['error:F6', 'error:F7', 'error:F8', 'warning:-', 'warning:F5']);
});

test('progress counts for the add-in', () => {
  const r = ret('320582', { 'T-SUM': null, 'T-AMT': '暂无', 'T-PUE': 1.4 });
  const fs = validateReturn(PLAN, r);
  // required: SUM AMT PCT PUE CUM TXT = 6; filled: AMT (unreadable but filled), PCT, PUE, CUM, TXT = 5.
  // met: PCT 91 ≥ 90; PUE 1.4 > 1.3 no; CUM 0.8 < 3 no; TXT is judged by people → 1.
  expect(progress(PLAN, r, fs)).toEqual({ filled: 5, total: 6, met: 1, problems: 3 });
});

describe('reader notes about a value cell', () => {
  test('a percent-formatted cell of a percent indicator is read as shown', () => {
    const r = ret('SZ-DSJ', { 'T-PCT': 0.92 });
    r.structural.push({ rule: 'reader.value-percent-format', at: { sheet: '指标填报', cell: 'F5' }, params: { code: 'T-PCT', value: 0.92, shown: '92%' } });
    const fs = validateReturn(PLAN, r);
    expect(rulesOf(fs)).toEqual(['warning:value.percent-format:T-PCT']);
    expect(fs[0]).toMatchObject({ readAs: 92, message: '单元格为百分比格式，显示 92%（存储值 0.92），按 92（%）读取' });
    // T-PCT 92 ≥ 90 and T-BIND 60 ≥ 50 met; T-CW has a qualitative target.
    expect(progress(PLAN, r, fs)).toEqual({ filled: 3, total: 3, met: 2, problems: 1 });
  });

  test('a percent-formatted cell of another indicator is a warning, the value kept', () => {
    const r = ret('SZ-FGW', { 'T-AMT': 6100 });
    r.structural.push({ rule: 'reader.value-percent-format', params: { code: 'T-AMT', value: 6100, shown: '610000%' } });
    expect(rulesOf(validateReturn(PLAN, r))).toEqual(['warning:reader.value-percent-format:T-AMT']);
  });

  test('a value typed in the wrong column', () => {
    const r = ret('320582', { 'T-SUM': null });
    r.structural.push({ rule: 'reader.value-wrong-column', at: { sheet: '指标填报', cell: 'H5' }, params: { code: 'T-SUM', cell: 'H5', text: '30' } });
    const fs = validateReturn(PLAN, r);
    expect(rulesOf(fs)).toEqual(['error:value.missing:T-SUM', 'warning:reader.value-wrong-column:T-SUM']);
    expect(fs[1].message).toBe('指标 T-SUM 的填报值为空，但同一行 H5 中有“30”，可能填错了列；请填在“填报值”列');
  });
});

describe('qualitative goals (kind "text")', () => {
  test('words or numbers are a report; blank is missing; an error value is an error', () => {
    expect(validateReturn(PLAN, ret('320582', { 'T-TXT': '已上线，覆盖 80%' }))).toEqual([]);
    expect(validateReturn(PLAN, ret('320582', { 'T-TXT': 3 }))).toEqual([]);
    expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-TXT': '  ' })))).toEqual(['error:value.missing:T-TXT']);
    const err = validateReturn(PLAN, ret('320582', { 'T-TXT': { type: 'error', value: '#N/A' } }));
    expect(rulesOf(err)).toEqual(['error:value.error:T-TXT']);
    expect(err[0].message).toBe('填报内容是错误值 #N/A，请填写文字说明');
  });
});

test('no unit slip without a unit to slip from', () => {
  // PUE is unitless: 13 is a wrong value, not a unit slip (1300 is beyond any PUE: implausible).
  expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-PUE': 13 })))).toEqual(['error:target.missed:T-PUE']);
  expect(rulesOf(validateReturn(PLAN, ret('320582', { 'T-PUE': 1300 })))).toEqual(['error:value.implausible:T-PUE']);
  // 家 has no smaller unit: 1000× the target is not explained by a unit.
  expect(rulesOf(validateReturn(PLAN, ret('SZ-GXJ', { 'T-SUM': 1_000_000 })))).toEqual([]);
});

test('a metadata sheet saved as merely hidden (LibreOffice, WPS) is a note; made visible, a warning', () => {
  const r = ret('320582');
  r.structural.push({ rule: 'reader.meta-hidden-state', params: { state: 'hidden' } });
  expect(rulesOf(validateReturn(PLAN, r))).toEqual(['info:reader.meta-hidden-state:-']);
  r.structural[0].params = { state: 'visible' };
  expect(rulesOf(validateReturn(PLAN, r))).toEqual(['warning:reader.meta-hidden-state:-']);
});
