/**
 * The element-order fix on its own: crafted worksheet XML in, schema order
 * out; sheets already in order come back as the very same bytes.
 */

import { orderWorksheet } from '../../src/xlsx/ooxml/sheet-order';

const enc = new TextEncoder();
const dec = new TextDecoder();
const sheet = (tail: string, data = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>') =>
  enc.encode(`<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="m" xmlns:r="r"><dimension ref="A1"/>${data}${tail}</worksheet>`);

test('moves legacyDrawing before extLst, as CT_Worksheet requires', () => {
  const ext = '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings/></ext></extLst>';
  const out = dec.decode(orderWorksheet(sheet(`<pageMargins left="0.7"/>${ext}<legacyDrawing r:id="rId1"/>`)));
  expect(out).toContain(`</sheetData><pageMargins left="0.7"/><legacyDrawing r:id="rId1"/>${ext}</worksheet>`);
});

test('keeps the order of repeated elements and reads ">" inside attribute values', () => {
  const cf = (n: number) => `<conditionalFormatting sqref="A${n}"><cfRule type="expression" priority="${n}"><formula>A${n}&gt;0</formula></cfRule></conditionalFormatting>`;
  const dv = '<dataValidations count="1"><dataValidation prompt="a > b" sqref="A1"/></dataValidations>';
  const out = dec.decode(orderWorksheet(sheet(`<drawing r:id="rId2"/>${dv}${cf(1)}${cf(2)}<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`)));
  expect(out).toContain(`</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${cf(1)}${cf(2)}${dv}<drawing r:id="rId2"/></worksheet>`);
});

test('a sheet already in order, or one it does not understand, is returned untouched', () => {
  const ok = sheet('<pageMargins left="0.7"/><legacyDrawing r:id="rId1"/><extLst/>');
  expect(orderWorksheet(ok)).toBe(ok);
  const empty = sheet('<extLst/><legacyDrawing r:id="rId1"/>', '<sheetData/>');
  expect(dec.decode(orderWorksheet(empty))).toContain('<sheetData/><legacyDrawing r:id="rId1"/><extLst/></worksheet>');
  const odd = sheet('<extLst/><!-- note --><legacyDrawing r:id="rId1"/>');
  expect(orderWorksheet(odd)).toBe(odd);
  const notASheet = enc.encode('<styleSheet/>');
  expect(orderWorksheet(notASheet)).toBe(notASheet);
});

test('cheap on big sheets: a 200,000-row sheet costs less than decoding it once', () => {
  const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
  const big = sheet('<extLst/><legacyDrawing r:id="rId1"/>', `<sheetData>${rows}</sheetData>`);
  // Best of three, against one full UTF-8 decode of the same bytes (the
  // machine's speed cancels out; a per-row scan would cost many decodes).
  // Each fix gets its own copy (the fix rewrites the bytes in place).
  const copies = [0, 1, 2].map(() => big.slice());
  const best = (f: (k: number) => unknown) =>
    Math.min(
      ...[0, 1, 2].map((k) => {
        const t = process.hrtime.bigint();
        f(k);
        return Number(process.hrtime.bigint() - t) / 1e6;
      }),
    );
  let out: Uint8Array = big;
  const fix = best((k) => (out = orderWorksheet(copies[k])));
  const decode = best(() => dec.decode(big));
  expect(dec.decode(out.subarray(out.length - 80))).toContain('<legacyDrawing r:id="rId1"/><extLst/></worksheet>');
  expect(out.length).toBe(big.length);
  expect(fix).toBeLessThan(decode);
});

test('without Node\'s Buffer (the add-in in a browser) the same fix is made', () => {
  const g = globalThis as { Buffer?: unknown };
  const saved = g.Buffer;
  let order: typeof orderWorksheet | undefined;
  try {
    delete g.Buffer;
    jest.isolateModules(() => {
      order = (require('../../src/xlsx/ooxml/sheet-order') as typeof import('../../src/xlsx/ooxml/sheet-order')).orderWorksheet;
    });
  } finally {
    g.Buffer = saved;
  }
  const bad = sheet('<pageMargins left="0.7"/><extLst/><legacyDrawing r:id="rId1"/>');
  expect(dec.decode(order!(bad))).toContain('<legacyDrawing r:id="rId1"/><extLst/></worksheet>');
  const ok = sheet('<pageMargins left="0.7"/>');
  expect(order!(ok)).toBe(ok);
});
