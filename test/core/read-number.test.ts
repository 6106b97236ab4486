import { readNumber } from '../../src/core/engine';
import { message } from '../../src/core/i18n';
import type { RawCell } from '../../src/core/return/types';
import { PLAN } from './fixtures';

const ind = (code: string) => PLAN.indicators.find((i) => i.code === code)!;
const COUNT = ind('T-SUM'); // 家, count
const AMOUNT = ind('T-AMT'); // 亿元
const PERCENT = ind('T-PCT'); // %
const WAN = ind('T-CUM'); // 万个
// A growth rate in %: kind number, unit % (小微企业有贷户增长率).
const GROWTH = { ...AMOUNT, code: 'T-GROWTH', kind: 'number' as const, unit: '%' };

const text = (value: string): RawCell => ({ type: 'text', value });

describe('readNumber: text typed into a value cell', () => {
  // [input, indicator, expected value (null = not read), ok, how]
  const rows: [string, typeof COUNT, number | null, boolean, string | undefined][] = [
    ['约100', COUNT, null, false, 'num.approx'],
    ['100左右', COUNT, null, false, 'num.approx'],
    ['100多', COUNT, null, false, 'num.approx'],
    ['≥100', COUNT, null, false, 'num.approx'],
    ['暂无', COUNT, null, false, 'num.no-data'],
    ['/', COUNT, null, false, 'num.no-data'],
    ['1,234', COUNT, 1234, true, 'num.thousands'],
    ['1,234.5', AMOUNT, 1234.5, true, 'num.thousands'],
    ['1,23', COUNT, null, false, 'num.unreadable'],
    ['１２３', COUNT, 123, true, 'num.fullwidth'],
    ['１２３．５', AMOUNT, 123.5, true, 'num.fullwidth'],
    ['95%', PERCENT, 95, true, 'num.percent-sign'],
    ['95％', PERCENT, 95, true, 'num.percent-sign'],
    ['95%', AMOUNT, null, false, 'num.percent-in-non-percent'],
    ['30%', GROWTH, 30, true, 'num.percent-sign'],
    ['-5%', GROWTH, -5, true, 'num.percent-sign'],
    [' 12 ', COUNT, 12, true, 'num.spaces'],
    ['12', COUNT, 12, true, 'num.text'],
    ['-3', AMOUNT, -3, true, 'num.text'],
    ['1.2万', WAN, 1.2, true, 'num.unit-suffix'],
    ['1.2万个', WAN, 1.2, true, 'num.unit-suffix'],
    ['1.2万', COUNT, null, false, 'num.scale-mismatch'],
    ['5000万', AMOUNT, null, false, 'num.scale-mismatch'],
    ['12亿元', AMOUNT, 12, true, 'num.unit-suffix'],
    ['100家', COUNT, 100, true, 'num.unit-suffix'],
    ['100个', COUNT, null, false, 'num.unit-mismatch'],
    ['1 234', COUNT, null, false, 'num.unreadable'],
    ['100-200', COUNT, null, false, 'num.unreadable'],
    ['1e3', COUNT, null, false, 'num.unreadable'],
    ['', COUNT, null, true, undefined],
    ['   ', COUNT, null, true, undefined],
  ];
  const table = rows.map(([input, i, ...rest]) => [input, `${i.code} (${i.unit})`, i, ...rest] as const);
  test.each(table)('%p in %s', (input, _label, indicator, value, ok, how) => {
    const r = readNumber(text(input), indicator);
    expect(r.value).toBe(value);
    expect(r.ok).toBe(ok);
    expect(r.how).toBe(how);
  });

  test('the warning says exactly how the text was read', () => {
    const r = readNumber(text('1,234'), COUNT);
    expect(message(r.how!, r.params, 'zh')).toBe('“1,234”含千位分隔符，按 1234 读取');
    expect(message(r.how!, r.params, 'en')).toBe('"1,234" contains thousands separators; read as 1234');
  });

  test('a scale mismatch suggests the number to enter', () => {
    const r = readNumber(text('1.2万'), COUNT);
    expect(message(r.how!, r.params)).toContain('12000');
    const r2 = readNumber(text('5000万'), AMOUNT);
    expect(message(r2.how!, r2.params)).toContain('0.5');
  });
});

describe('readNumber: other cell types', () => {
  test('numbers are read as they are', () => {
    expect(readNumber({ type: 'number', value: 42.5 }, AMOUNT)).toEqual({ value: 42.5, ok: true });
    expect(readNumber({ type: 'empty' }, AMOUNT)).toEqual({ value: null, ok: true });
  });
  test.each([
    [{ type: 'boolean', value: true } as RawCell, 'num.boolean'],
    [{ type: 'date', value: '2023-05-01' } as RawCell, 'num.date'],
    [{ type: 'error', value: '#DIV/0!' } as RawCell, 'num.error-value'],
    [{ type: 'number', value: NaN } as RawCell, 'num.not-finite'],
    [{ type: 'number', value: Infinity } as RawCell, 'num.not-finite'],
  ])('%p is an error', (cell, how) => {
    const r = readNumber(cell, COUNT);
    expect(r).toMatchObject({ value: null, ok: false, how });
  });
  test('a formula is read from its saved result, and an error without one', () => {
    expect(readNumber({ type: 'formula', formula: 'A1+B1', cached: { type: 'number', value: 7 } }, COUNT)).toMatchObject({ value: 7, ok: true, formula: '=A1+B1' });
    expect(readNumber({ type: 'formula', formula: 'A1+B1' }, COUNT)).toMatchObject({ value: null, ok: false, how: 'template.formula-no-result' });
    expect(readNumber({ type: 'formula', formula: '1/0', cached: { type: 'error', value: '#DIV/0!' } }, COUNT)).toMatchObject({ value: null, ok: false, how: 'num.error-value' });
    expect(readNumber({ type: 'formula', formula: '"1,200"', cached: { type: 'text', value: '1,200' } }, COUNT)).toMatchObject({ value: 1200, ok: true, how: 'num.thousands' });
  });
});
