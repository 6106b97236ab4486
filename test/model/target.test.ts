import { evaluateTarget, formatTarget, parseTarget, toHalfWidth } from '../../src/core/plan/target';
import { parsePeriod, periodKey, periodLabel, targetKey } from '../../src/core/period';

describe('parseTarget reads the seed forms', () => {
  test.each([
    ['6000', 'ge', { op: 'ge', value: 6000 }],
    ['150 以上', 'ge', { op: 'ge', value: 150 }],
    ['16%以上', 'ge', { op: 'ge', value: 16 }],
    ['>200', 'ge', { op: 'ge', value: 200 }],
    ['＞500', 'ge', { op: 'ge', value: 500 }],
    ['1.3 以下', 'ge', { op: 'le', value: 1.3 }],
    ['1.3', 'le', { op: 'le', value: 1.3 }],
    ['1～2', 'ge', { op: 'range', min: 1, max: 2 }],
    ['90%', 'ge', { op: 'ge', value: 90 }],
    ['/', 'ge', { op: 'none' }],
    ['-', 'ge', { op: 'none' }],
    ['', 'ge', { op: 'none' }],
    ['3.7（大市范围全覆盖）', 'ge', { op: 'ge', value: 3.7, note: '大市范围全覆盖' }],
    ['选取5个系统', 'ge', { op: 'text', text: '选取5个系统' }],
    ['全面推广', 'ge', { op: 'text', text: '全面推广' }],
    ['达到国际一流水平', 'ge', { op: 'text', text: '达到国际一流水平' }],
  ] as const)('%s', (raw, dir, expected) => {
    expect(parseTarget(raw, dir)).toEqual({ ...expected, raw });
  });

  test('full-width digits are read as ASCII', () => {
    expect(toHalfWidth('１２３．５％')).toBe('123.5%');
  });
});

describe('formatTarget and evaluateTarget', () => {
  test('readable forms', () => {
    expect(formatTarget(parseTarget('3000', 'ge'), '家')).toBe('≥ 3000');
    expect(formatTarget(parseTarget('1.3 以下', 'ge'), '')).toBe('≤ 1.3');
    expect(formatTarget(parseTarget('1～2', 'ge'), '个')).toBe('1～2');
    expect(formatTarget(parseTarget('90%', 'ge'), '%')).toBe('≥ 90%');
    expect(formatTarget(parseTarget('全面推广', 'ge'), '')).toBe('全面推广');
    expect(formatTarget(parseTarget('/', 'ge'), '')).toBe('—');
  });

  test('met and missed, with the gap', () => {
    expect(evaluateTarget(parseTarget('3000', 'ge'), 2950)).toEqual({ met: false, gap: 50 });
    expect(evaluateTarget(parseTarget('3000', 'ge'), 3000)).toEqual({ met: true, gap: 0 });
    expect(evaluateTarget(parseTarget('1.3 以下', 'ge'), 1.25)).toEqual({ met: true, gap: 0 });
    expect(evaluateTarget(parseTarget('1.3 以下', 'ge'), 1.5)!.met).toBe(false);
    // A "力争 1～2" range is a floor: above the upper bound is met, with the excess noted.
    expect(evaluateTarget(parseTarget('1～2', 'ge'), 3)).toEqual({ met: true, gap: 0, aboveMax: 1 });
    expect(evaluateTarget(parseTarget('1～2', 'ge'), 0.5)).toEqual({ met: false, gap: 0.5 });
    // A true band keeps both bounds.
    expect(evaluateTarget({ ...parseTarget('1～2', 'ge'), band: true } as never, 3)).toEqual({ met: false, gap: 1 });
  });

  test('tolerance of an approximate target', () => {
    const ge = parseTarget('2000', 'ge');
    expect(evaluateTarget(ge, 1950, 0.05)).toEqual({ met: true, gap: 0, tolerated: true });
    expect(evaluateTarget(ge, 1899, 0.05)).toEqual({ met: false, gap: 101 });
    expect(evaluateTarget(ge, 2100, 0.05)).toEqual({ met: true, gap: 0 });
    expect(evaluateTarget(parseTarget('1.3 以下', 'ge'), 1.35, 0.05)).toEqual({ met: true, gap: 0, tolerated: true });
    expect(evaluateTarget(parseTarget('5', 'eq'), 5.3, 0.05)).toEqual({ met: false, gap: 0.3 });
    expect(evaluateTarget(parseTarget('全面推广', 'ge'), 3)).toBeNull();
  });
});

describe('periods', () => {
  test('parse, key, label', () => {
    expect(parsePeriod('2023')).toEqual({ kind: 'year', year: 2023 });
    expect(periodKey(parsePeriod('2023h1')!)).toBe('2023H1');
    expect(periodLabel(parsePeriod('2023Q3')!)).toBe('2023年第3季度');
    expect(periodLabel(parsePeriod('2023H2')!, 'en')).toBe('2023 H2');
    expect(targetKey(parsePeriod('2023Q3')!)).toBe('2023');
    for (const bad of ['23', '2023H3', '2023Q5', 'abcd', '2023-01']) expect(parsePeriod(bad)).toBeNull();
  });
});
