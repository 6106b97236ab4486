/**
 * The XML scanner and the part parsers on the SpreadsheetML variants other
 * writers produce: namespace prefixes (x:), rich and phonetic text, inline
 * strings, shared formulas, cells and rows without r, Excel's _xHHHH_ escapes,
 * dates by number format.
 */

import { XmlScanner, OPEN, TEXT, CLOSE, EOF, XmlError, decodeEntities, unescapeExcel } from '../../src/xlsx/read/xml';
import { parseSheet, getCell, shiftFormula } from '../../src/xlsx/read/sheet';
import { parseSharedStrings, parseStyles, parseWorkbook, isDateFormatCode, serialToIso, resolvePart } from '../../src/xlsx/read/workbook';
import { parseNameTarget } from '../../src/xlsx/read/names';
import { findEntryBlock } from '../../src/xlsx/read';
import { readReturn } from '../../src/xlsx/read';
import { ENTRY_HEADERS } from '../../src/core/template/layout';
import { buildZip } from '../fixtures/zip-writer';

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

test('scanner: tokens, prefixes dropped, entities, CDATA, comments', () => {
  const x = new XmlScanner(`<?xml version="1.0"?><!-- c --><x:a ${NS} k='1 &amp; 2' x:j="&#x4E2D;&#25991;">t&lt;1&gt;<![CDATA[<raw&amp;>]]><b/></x:a>`, 'p');
  const seen: string[] = [];
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k === OPEN) seen.push(`<${x.name}${x.selfClosing ? '/' : ''} ${JSON.stringify(x.attrs())}`);
    else if (k === TEXT) seen.push(`T:${x.text()}`);
    else if (k === CLOSE) seen.push(`</${x.name}>`);
  }
  expect(seen).toEqual(['<a {"k":"1 & 2","j":"中文"}', 'T:t<1>', 'T:<raw&amp;>', '<b/ {}', '</a>']);
});

test('scanner: DOCTYPE and malformed input are errors, never hangs', () => {
  expect(() => new XmlScanner('<!DOCTYPE x><x/>', 'p').next()).toThrow(XmlError);
  for (const bad of ['<a', '<a b="1>', '<!-- x', '<![CDATA[ x', '<?x', '</a', '<a <b>']) {
    const x = new XmlScanner(bad, 'p');
    expect(() => {
      for (let i = 0; i < 100 && x.next() !== EOF; i++);
    }).toThrow(XmlError);
  }
  expect(decodeEntities('&#xD800;&#99999999;&unknown;')).toBe('\uFFFD\uFFFD&unknown;');
  expect(unescapeExcel('a_x000D__x000A_b _x005F_x0041_')).toBe('a\r\nb _x0041_');
});

test('shared strings: rich text runs joined, phonetic runs skipped', () => {
  const xml = `<x:sst ${NS}><x:si><x:t>plain</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>粗</x:t></x:r><x:r><x:t xml:space="preserve"> 体 </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si><x:si><x:t/></x:si></x:sst>`;
  expect(parseSharedStrings(xml, 'sst')).toEqual(['plain', '粗 体 ', '']);
});

test('sheet: every cell type, prefixes, rows/cells without r, shared formulas, merges, protection', () => {
  const xml =
    `<x:worksheet ${NS}><x:sheetData>` +
    '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2" t="str"><x:f>A1&amp;"x"</x:f><x:v>ok</x:v></x:c>' +
    '<x:c r="C2" t="b"><x:v>0</x:v></x:c><x:c r="D2" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="E2" t="d"><x:v>2023-05-01T00:00:00</x:v></x:c>' +
    '<x:c r="F2" t="inlineStr"><x:is><x:r><x:t>内</x:t></x:r><x:r><x:t>联</x:t></x:r></x:is></x:c><x:c r="G2"><x:v>1.5E3</x:v></x:c><x:c r="H2" s="3"/></x:row>' +
    '<x:row><x:c><x:v>7</x:v></x:c><x:c><x:v>8</x:v></x:c></x:row>' +
    '<x:row r="5"><x:c r="F5"><x:f t="shared" ref="F5:G7" si="0">$E5+E$4*2+SUM(A5:B5)+LOG10(D5)&amp;"E5"</x:f><x:v>1</x:v></x:c></x:row>' +
    '<x:row r="7"><x:c r="G7"><x:f t="shared" si="0"/><x:v>2</x:v></x:c></x:row>' +
    `</x:sheetData><x:sheetProtection sheet="1"/><x:mergeCells count="1"><x:mergeCell ref="F9:G10"/></x:mergeCells></x:worksheet>`;
  const s = parseSheet(xml, 'sheet', ['zero', '一']);
  const v = (r: number, c: number) => getCell(s, r, c)?.raw;
  expect(v(2, 1)).toEqual({ type: 'text', value: '一' });
  expect(v(2, 2)).toEqual({ type: 'formula', formula: 'A1&"x"', cached: { type: 'text', value: 'ok' } });
  expect(v(2, 3)).toEqual({ type: 'boolean', value: false });
  expect(v(2, 4)).toEqual({ type: 'error', value: '#DIV/0!' });
  expect(v(2, 5)).toEqual({ type: 'date', value: '2023-05-01T00:00:00' });
  expect(v(2, 6)).toEqual({ type: 'text', value: '内联' });
  expect(v(2, 7)).toEqual({ type: 'number', value: 1500 });
  expect(getCell(s, 2, 8)).toEqual({ raw: { type: 'empty' }, s: 3 });
  expect(v(3, 1)).toEqual({ type: 'number', value: 7 });
  expect(v(3, 2)).toEqual({ type: 'number', value: 8 });
  expect(v(7, 7)).toEqual({ type: 'formula', formula: '$E7+F$4*2+SUM(B7:C7)+LOG10(E7)&"E5"', cached: { type: 'number', value: 2 } });
  expect(s.merges).toEqual([{ top: 9, left: 6, bottom: 10, right: 7 }]);
  expect(s.protected).toBe(true);
});

test('shared formula shift: strings and function names untouched, references on other sheets shifted too', () => {
  expect(shiftFormula('A1+"A1"+Sheet1!B2+ATAN2(1,2)', 1, 1)).toBe('B2+"A1"+Sheet1!C3+ATAN2(1,2)');
  expect(shiftFormula('A1', -5, 0)).toBe('#REF!');
});

test('workbook: sheets with state, names with scope, date1904; rels targets resolved', () => {
  const wb = parseWorkbook(
    `<x:workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets>` +
      '<x:sheet name="A" sheetId="1" r:id="rId1"/><x:sheet name="_plansheet_meta" sheetId="2" state="veryHidden" r:id="rId2"/></x:sheets>' +
      `<x:definedNames><x:definedName name="PSV_A_1">'it''s'!$F$5</x:definedName><x:definedName name="X" localSheetId="1">A!$A$1</x:definedName></x:definedNames></x:workbook>`,
    'wb',
  );
  expect(wb.date1904).toBe(true);
  expect(wb.sheets.map((s) => [s.name, s.state, s.rid])).toEqual([
    ['A', 'visible', 'rId1'],
    ['_plansheet_meta', 'veryHidden', 'rId2'],
  ]);
  expect(wb.names).toEqual([
    { name: 'PSV_A_1', formula: "'it''s'!$F$5", localSheetId: undefined },
    { name: 'X', formula: 'A!$A$1', localSheetId: 1 },
  ]);
  expect(resolvePart('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
  expect(resolvePart('xl/workbook.xml', '/xl/worksheets/../sharedStrings.xml')).toBe('xl/sharedStrings.xml');
});

test('defined-name targets', () => {
  expect(parseNameTarget("'it''s'!$F$5")).toEqual({ kind: 'cell', sheet: "it's", row: 5, col: 6, range: false });
  expect(parseNameTarget('指标填报!$F$5:$G$6')).toEqual({ kind: 'cell', sheet: '指标填报', row: 5, col: 6, range: true });
  expect(parseNameTarget("'指标填报'!#REF!").kind).toBe('broken');
  expect(parseNameTarget('[1]Sheet1!$A$1').kind).toBe('broken');
  expect(parseNameTarget('SUM(A1)').kind).toBe('broken');
});

test('date formats and serials', () => {
  for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm', '[h]:mm:ss', 'mmm-yy']) expect([code, isDateFormatCode(code)]).toEqual([code, true]);
  for (const code of ['0.00', '#,##0', '0%', '"天数"0', 'General', '0.0E+00', '[Red]0.00', '_(* #,##0_)']) expect([code, isDateFormatCode(code)]).toEqual([code, false]);
  const styles = parseStyles(
    `<x:styleSheet ${NS}><x:numFmts><x:numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><x:numFmt numFmtId="165" formatCode="0.0%"/></x:numFmts>` +
      '<x:cellStyleXfs><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"/><x:xf numFmtId="9"/><x:xf numFmtId="165"><x:alignment/></x:xf></x:cellXfs></x:styleSheet>',
    'styles',
  );
  expect(styles.xfKind).toEqual(['other', 'date', 'date', 'percent', 'percent']);
  expect(serialToIso(45306, false)).toBe('2024-01-15');
  expect(serialToIso(1, false)).toBe('1900-01-01');
  expect(serialToIso(61, false)).toBe('1900-03-01');
  expect(serialToIso(0, true)).toBe('1904-01-01');
  expect(serialToIso(45306.5, false)).toBe('2024-01-15T12:00:00');
  expect(serialToIso(-1, false)).toBeNull();
});

test('findEntryBlock on plain values (what the add-in passes from Office.js)', () => {
  const headers = Object.values(ENTRY_HEADERS);
  const grid = [
    ['标题'],
    [],
    [null, ...headers.map((h) => h.replace('（数据来源/说明）', '(说明)'))],
    [null, 'SZ-DE-01', '类', '名', '个', '≥ 1', 5, '达标', ''],
    [null, '小计', null],
    [null, 'SZ-DE-02', '类', '名', '个', '≥ 1', null, '未填', ''],
    [null, 'sz-de-03'],
  ];
  const b = findEntryBlock(grid, { row: 10, col: 3 });
  expect(b).toEqual({
    headerRow: 12,
    columns: { code: 4, category: 5, name: 6, unit: 7, target: 8, value: 9, status: 10, remark: 11 },
    rows: [
      { code: 'SZ-DE-01', row: 13 },
      { code: 'SZ-DE-02', row: 15 },
    ],
  });
  expect(findEntryBlock([['指标代码', '名称']])).toBeNull();
  expect(findEntryBlock([])).toBeNull();
});

test('end to end: a hand-written package with x: prefixes and inline strings, no shared strings, no styles', () => {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const wb =
    `<x:workbook xmlns:x="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="指标填报" sheetId="1" r:id="rId1"/></x:sheets>` +
    `<x:definedNames><x:definedName name="PSV_SZ_DE_01">指标填报!$F$5</x:definedName></x:definedNames></x:workbook>`;
  const cell = (r: string, t: string) => `<x:c r="${r}" t="inlineStr"><x:is><x:t>${t}</x:t></x:is></x:c>`;
  const sheet =
    `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row r="4">${Object.values(ENTRY_HEADERS)
      .map((h, i) => cell(`${String.fromCharCode(65 + i)}4`, h))
      .join('')}</x:row>` + `<x:row r="5">${cell('A5', 'SZ-DE-01')}<x:c r="F5"><x:v>42</x:v></x:c>${cell('H5', '来源')}</x:row></x:sheetData></x:worksheet>`;
  const bytes = buildZip([
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: wb },
    { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="/xl/worksheets/s1.xml"/></Relationships>` },
    { name: 'xl/worksheets/s1.xml', data: sheet },
  ]);
  const r = readReturn(bytes, 'strict.xlsx');
  if (!r.ok) throw new Error(r.message);
  expect(r.ret.meta).toBeNull();
  expect(r.ret.entries.get('SZ-DE-01')).toEqual({
    code: 'SZ-DE-01',
    value: { type: 'number', value: 42 },
    remark: '来源',
    valueAt: { sheet: '指标填报', cell: 'F5' },
    remarkAt: { sheet: '指标填报', cell: 'H5' },
    shownCode: 'SZ-DE-01',
    shownTarget: '',
  });
});

test('the browser-side reader uses no Node-only API (the add-in bundles it)', () => {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const dir = path.join(__dirname, '..', '..', 'src', 'xlsx', 'read');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'node.ts');
  expect(files.length).toBeGreaterThan(8);
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const i of imports) expect({ f, i, ok: i.startsWith('.') || i === 'fflate' }).toEqual({ f, i, ok: true });
    expect({ f, node: /\bBuffer\b|\bprocess\.|require\(/.test(src) }).toEqual({ f, node: false });
  }
});

test('bytes from another realm (a Node Buffer under jest) and non-bytes', () => {
  const fs = require('fs') as typeof import('fs');
  const os = require('os') as typeof import('os');
  const path = require('path') as typeof import('path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ps-realm-')), 'x.xlsx');
  fs.writeFileSync(file, buildZip([{ name: 'a.txt', data: 'x' }]));
  const r = readReturn(fs.readFileSync(file), 'x.xlsx');
  expect(!r.ok && r.code).toBe('not-xlsx');
  const bad = readReturn('not bytes' as unknown as Uint8Array, 'y.xlsx');
  expect(!bad.ok && bad.code).toBe('read-error');
});
