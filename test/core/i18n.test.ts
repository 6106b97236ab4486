import { message, CATALOGUE, formatNumber } from '../../src/core/i18n';
import { READER_ISSUES } from '../../src/core/rules/reader-issues';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every message exists in Chinese and English with the same placeholders', () => {
  for (const [key, m] of Object.entries({ ...CATALOGUE, ...READER_ISSUES })) {
    expect({ key, zh: m.zh.length > 0, en: m.en.length > 0 }).toEqual({ key, zh: true, en: true });
    expect({ key, p: placeholders(m.en) }).toEqual({ key, p: placeholders(m.zh) });
    expect(/[\u4e00-\u9fff]/.test(m.zh)).toBe(true);
  }
});

test('message fills parameters, defaults to Chinese, and never throws on unknown keys', () => {
  expect(message('value.missing', { code: 'A-1', name: '企业数' })).toBe('必填指标 A-1（企业数）未填写');
  expect(message('value.missing', { code: 'A-1', name: 'firms' }, 'en')).toBe('Required indicator A-1 (firms) is blank');
  expect(message('reader.merged-cell', { code: 'A-1', range: 'F5:G5' }, 'en')).toBe('The value cell of indicator A-1 is merged (F5:G5); please unmerge it');
  expect(message('no.such.key')).toBe('no.such.key');
});

test('numbers in messages have no float noise', () => {
  expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  expect(formatNumber(6000)).toBe('6000');
  expect(formatNumber(-0.00001)).toBe('0');
});
