/** Terminal tables: Chinese characters are two columns wide. */

import { displayWidth, oneLine, renderTable } from '../../src/cli/format/table';

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
