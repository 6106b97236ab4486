/** Terminal tables: Chinese characters are two columns wide. */

import { displayWidth, oneLine, renderTable } from '../../src/cli/format/table';
import { renderFileReport } from '../../src/cli/format/findings';
import type { Finding } from '../../src/core/rules/finding';
import { plural } from '../../src/cli/lang';

test('display width counts CJK as two columns and ignores colours', () => {
  expect(displayWidth('abc')).toBe(3);
  expect(displayWidth('严重程度')).toBe(8);
  expect(displayWidth('指标填报!F5')).toBe(11);
  expect(displayWidth('\x1b[31m错误\x1b[39m')).toBe(4);
});

test('columns line up whatever mix of Chinese and ASCII is in them', () => {
  const text = renderTable(
    ['严重程度', '规则', '说明'],
    [
      ['\x1b[31m错误\x1b[39m', 'value.missing', '未填写'],
      ['warning', '规则', 'x'],
    ],
  );
  const lines = text.trimEnd().split('\n');
  const starts = lines.map((l) => {
    const plain = l.replace(/\x1b\[[0-9;]*m/g, '');
    // display column where the third cell starts
    const cells = plain.trim().split(/ {2,}/);
    return displayWidth(plain.slice(0, plain.lastIndexOf(cells[cells.length - 1])));
  });
  expect(new Set(starts).size).toBe(1);
});

test('cells stay on one line', () => {
  expect(oneLine('第一行\n第二行\t末')).toBe('第一行 第二行 末');
});

test('English counts use the right plural', () => {
  expect(plural(1, 'workbook')).toBe('1 workbook');
  expect(plural(0, 'file')).toBe('0 files');
  expect(plural(27, 'workbook')).toBe('27 workbooks');
  const f = (severity: Finding['severity']): Finding => ({ severity, rule: 'x.y', code: 'A-1', sheet: '指标填报', cell: 'F5', message: 'm' });
  const plain = { red: oneLine, yellow: oneLine, green: oneLine, cyan: oneLine, dim: oneLine, bold: oneLine };
  const one = renderFileReport({ file: 'a.xlsx', unit: 'U', readable: true, findings: [f('error'), f('warning'), f('info')] }, 'en', plain);
  expect(one).toContain('1 error, 1 warning, 1 note');
  expect(one).not.toContain('(s)');
  const two = renderFileReport({ file: 'a.xlsx', unit: 'U', readable: true, findings: [f('error'), f('error'), f('warning'), f('warning')] }, 'en', plain);
  expect(two).toContain('2 errors, 2 warnings');
});
