/**
 * Cell notes on two sheets: ExcelJS gives both VML parts shape-id block 1,
 * which Excel repairs by dropping notes. The package step gives each part
 * blocks of its own, and the project's checker refuses a clash.
 */

import { renumberVmlShapes } from '../../src/xlsx/ooxml/vml-ids';
import type { PackageParts } from '../../src/xlsx/ooxml/package';

const vml = (ids: number[]) =>
  new TextEncoder().encode(
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
      ids.map((i) => `<v:shape id="_x0000_s${i}" type="#_x0000_t202"></v:shape>`).join('') +
      `</xml>`,
  );
const read = (parts: PackageParts, name: string) => {
  const xml = new TextDecoder().decode(parts[name]);
  return { data: /data="([^"]*)"/.exec(xml)![1], ids: [...xml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])) };
};

test('each sheet\'s notes get shape-id blocks of their own', () => {
  const many = Array.from({ length: 1500 }, (_, k) => 1025 + k);
  const parts: PackageParts = { 'xl/drawings/vmlDrawing1.vml': vml([1025, 1026]), 'xl/drawings/vmlDrawing2.vml': vml(many), 'xl/drawings/vmlDrawing10.vml': vml([1025]) };
  renumberVmlShapes(parts);
  expect(read(parts, 'xl/drawings/vmlDrawing1.vml')).toEqual({ data: '1', ids: [1025, 1026] });
  // 1,500 notes need two blocks of 1024 ids.
  const second = read(parts, 'xl/drawings/vmlDrawing2.vml');
  expect(second.data).toBe('2,3');
  expect(second.ids[0]).toBe(2 * 1024 + 1);
  expect(second.ids[second.ids.length - 1]).toBe(2 * 1024 + 1500);
  // Part 10 comes after part 2 (numeric order), in block 4.
  expect(read(parts, 'xl/drawings/vmlDrawing10.vml')).toEqual({ data: '4', ids: [4097] });
});

test('one VML part is left as ExcelJS wrote it', () => {
  const parts: PackageParts = { 'xl/drawings/vmlDrawing1.vml': vml([1025]) };
  const before = parts['xl/drawings/vmlDrawing1.vml'];
  renumberVmlShapes(parts);
  expect(parts['xl/drawings/vmlDrawing1.vml']).toBe(before);
});
