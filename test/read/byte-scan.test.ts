/**
 * Node's reader scans UTF-8 parts as bytes (Latin1Xml in src/xlsx/read/xml.ts)
 * and decodes only the values it takes out; the browser decodes every part
 * whole. Both must read every workbook the same: real openpyxl returns, and
 * crafted parts with byte order marks, bytes that are not UTF-8, entities,
 * non-ASCII sheet names, and broken XML (the same message, offset included,
 * counted in characters).
 */

import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import { readReturn } from '../../src/xlsx/read';
import { nodeCrc32, nodeInflater, nodeLatin1 } from '../../src/xlsx/read/node';
import { makeFixtures } from '../fixtures/make-returns';
import { workbookXml } from '../fixtures/hostile';
import { parseSheet } from '../../src/xlsx/read/sheet';
import { parseSharedStrings, parseWorkbook } from '../../src/xlsx/read/workbook';
import type { Latin1Xml } from '../../src/xlsx/read/xml';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-byte-scan-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const json = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (v instanceof Map ? [...v] : v)));
const both = (bytes: Uint8Array, name: string) => ({
  whole: json(readReturn(bytes, name)),
  bytes: json(readReturn(bytes, name, { latin1: nodeLatin1, inflater: nodeInflater, ...(nodeCrc32 ? { crc32: nodeCrc32 } : {}) })),
});

test('real returns filled by openpyxl read the same either way', async () => {
  const fx = await makeFixtures(path.join(root, 'fx'));
  for (const file of [fx.template, ...Object.values(fx.files)]) {
    const { whole, bytes } = both(new Uint8Array(fs.readFileSync(file)), file);
    expect(whole.ok).toBe(true);
    expect(bytes).toEqual(whole);
  }
}, 300_000);

const sheetWith = (cells: string) =>
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">' + cells + '</row></sheetData></worksheet>';
const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (Uint8Array | number[])[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const BOM = [0xef, 0xbb, 0xbf];

/** A part the way each path reads it: decoded whole (TextDecoder, one more mark dropped, as the reader does), or as bytes. */
const decodedWhole = (b: Uint8Array) => {
  const s = new TextDecoder('utf-8').decode(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
};
const asBytes = (b: Uint8Array): Latin1Xml => {
  let at = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  if (b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf) at += 3;
  return { latin1: nodeLatin1.fromBytes(b.subarray(at)), utf8: nodeLatin1.utf8 };
};
const outcome = (f: () => unknown) => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

test('crafted parts: byte order marks, bytes that are not UTF-8, entities, Chinese text, broken XML', () => {
  const cells =
    '<c r="A1" t="inlineStr"><is><t>指标 &amp; 中文 &#x4E2D;&#25991; &lt;x&gt; 😀</t></is></c>' +
    '<c r="B1" t="str"><f>"已填"&amp;A1</f><v>已填</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" s="3"><v>12.5</v></c>';
  // 0xC3 0x28, a lone 0xE4, 0xED 0xA0 0x80 (a surrogate), 0xF4 0x90 (past U+10FFFF), 0xFF: each replaced as TextDecoder does.
  const bad = [0xc3, 0x28, 0xe4, 0x20, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0xff];
  const sheets: Record<string, Uint8Array> = {
    plain: utf8(sheetWith(cells)),
    bom: cat(BOM, utf8(sheetWith(cells))),
    twoBoms: cat(BOM, BOM, utf8(sheetWith(cells))),
    invalid: cat(utf8(sheetWith('<c r="A1" t="inlineStr"><is><t>a').replace('</row></sheetData></worksheet>', '')), bad, utf8('b</t></is></c></row></sheetData></worksheet>')),
    invalidInAttribute: cat(utf8('<worksheet><sheetData><row r="1"><c r="A1" t="'), bad, utf8('"><v>1</v></c></row></sheetData></worksheet>')),
    brokenAfterChinese: utf8(sheetWith('<c r="A1" t="inlineStr"><is><t>中文中文</t></is></c><c r="B1" s=1/>')),
    unterminated: utf8(sheetWith('<c r="A1" t="inlineStr"><is><t>中文</t></is></c><c r="B1" t="中')),
    ltInTag: utf8('<worksheet><sheetData><row r="1"><c r="A1" t="中文"<v>1</v></c></row></sheetData></worksheet>'),
  };
  const strings = ['零', '一 &amp; 二'];
  for (const [name, b] of Object.entries(sheets)) {
    const whole = outcome(() => json(parseSheet(decodedWhole(b), 'sheet.xml', strings)));
    const scanned = outcome(() => json(parseSheet(asBytes(b), 'sheet.xml', strings)));
    expect({ name, scanned }).toEqual({ name, scanned: whole });
  }
  expect(outcome(() => parseSheet(asBytes(sheets.brokenAfterChinese), 'sheet.xml', strings))).toEqual({ error: expect.stringMatching(/unquoted attribute at offset \d+/) });
  expect(json(parseSheet(asBytes(sheets.plain), 'sheet.xml', strings)).cells[0][1].raw).toEqual({ type: 'text', value: '指标 & 中文 中文 <x> 😀' });

  const sst = cat(BOM, utf8('<sst><si><t>中文 &amp;</t></si><si><r><t>粗</t></r><r><t>体</t></r></si><si><t>'), bad, utf8('</t></si></sst>'));
  expect(parseSharedStrings(asBytes(sst), 'sst')).toEqual(parseSharedStrings(decodedWhole(sst), 'sst'));
  const wb = utf8(workbookXml('填报（修订）', `<definedName name="PSV_A">'填报（修订）'!$F$5</definedName>`));
  expect(parseWorkbook(asBytes(wb), 'wb')).toEqual(parseWorkbook(decodedWhole(wb), 'wb'));
});
