/**
 * Boxing problem cells in a sheet's XML (src/xlsx/feedback/box.ts), on
 * crafted sheets as other tools write them: cells missing from their row,
 * rows written empty or self-closing, cells out of column order, a prefixed
 * namespace, and two findings on one cell. The whole workbook path is
 * covered by feedback-scale.test.ts through the CLI.
 */

import { SheetBoxes } from '../../src/xlsx/feedback/box';
import { FeedbackStyles } from '../../src/xlsx/feedback/styles';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts>' +
  '<borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>';

function boxed(sheetData: string, cells: string[], ns = ''): { xml: string; styles: string } {
  const styles = new FeedbackStyles(STYLES);
  const boxes = new SheetBoxes(`<${ns}worksheet><${ns}sheetData>${sheetData}</${ns}sheetData></${ns}worksheet>`);
  for (const c of cells) boxes.box(c, styles);
  return { xml: /<(?:\w+:)?sheetData>(.*)<\/(?:\w+:)?sheetData>/.exec(boxes.toString())![1], styles: styles.toString() };
}

test('a written cell gets a boxed copy of its own format; cells sharing a format share the copy', () => {
  const { xml, styles } = boxed('<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"/><c r="C1"/></row>', ['A1', '$B$1', 'C1']);
  expect(xml).toBe('<row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1" s="3"/><c r="C1" s="4"/></row>');
  // 3: format 1 boxed (number format 2 kept), 4: format 0 boxed; one red border for both.
  expect(styles).toContain('<cellXfs count="5">');
  expect(styles).toContain('<xf numFmtId="2" fontId="0" fillId="0" borderId="1" applyBorder="1" xfId="0"/>');
  expect(styles).toContain('<borders count="2">');
});

test('a cell the row does not have is added in column order, even among cells added before it', () => {
  const { xml } = boxed('<row r="2"><c r="B2" s="2"/><c r="E2" s="2"/></row>', ['D2', 'A2', 'F2', 'C2']);
  expect(xml).toBe('<row r="2"><c r="A2" s="3"/><c r="B2" s="2"/><c r="C2" s="3"/><c r="D2" s="3"/><c r="E2" s="2"/><c r="F2" s="3"/></row>');
});

test('empty and self-closing rows take their added cells; a cell in a row never written is left alone', () => {
  const { xml } = boxed('<row r="3"/><row r="4" spans="1:3"></row>', ['C3', 'A3', 'B4', 'Z9', 'not-a-cell']);
  expect(xml).toBe('<row r="3"><c r="A3" s="3"/><c r="C3" s="3"/></row><row r="4" spans="1:3"><c r="B4" s="3"/></row>');
});

test('cells out of column order: an added cell goes before the first one to its right, as written', () => {
  const { xml } = boxed('<row r="5"><c r="E5"/><c r="B5"/></row>', ['C5', 'F5']);
  expect(xml).toBe('<row r="5"><c r="C5" s="3"/><c r="E5"/><c r="B5"/><c r="F5" s="3"/></row>');
});

test('a prefixed sheet keeps its prefix on added cells', () => {
  const { xml } = boxed('<x:row r="6"><x:c r="B6" s="1"/></x:row>', ['B6', 'A6'], 'x:');
  expect(xml).toBe('<x:row r="6"><x:c r="A6" s="4"/><x:c r="B6" s="3"/></x:row>');
});

test('two findings on one cell box it once more (the boxed format boxed again), written or added', () => {
  const { xml, styles } = boxed('<row r="7"><c r="A7" s="1"/></row>', ['A7', 'A7', 'B7', 'B7']);
  expect(xml).toBe('<row r="7"><c r="A7" s="4"/><c r="B7" s="6"/></row>');
  expect(styles).toContain('<cellXfs count="7">');
});

test('a sheet without problem cells is returned as it was', () => {
  const sheet = '<row r="1"><c r="A1"/></row>';
  expect(boxed(sheet, []).xml).toBe(sheet);
});
