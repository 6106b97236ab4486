/**
 * The zip guard: every hostile or wrong-format file is refused with its own
 * code and a message naming the file, quickly, before any XML is parsed.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readReturn, DEFAULT_LIMITS, type ReadResult } from '../../src/xlsx/read';
import { readReturnFile, nodeInflater } from '../../src/xlsx/read/node';
import { classifyOle2, oleDirectoryNames } from '../../src/xlsx/read/ole';
import * as H from '../fixtures/hostile';
import { buildZip } from '../fixtures/zip-writer';
import { unzipSync } from 'fflate';
import { makeTemplateFile } from '../fixtures/make-returns';
import { fixturePlan } from '../fixtures/plan';
import { convertWithLibreOffice } from '../support/libreoffice';

let dir: string;
let real: Uint8Array;
let realPath: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-guard-'));
  realPath = await makeTemplateFile(path.join(dir, 'real.xlsx'), fixturePlan(12));
  real = new Uint8Array(fs.readFileSync(realPath));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Reads a case with both inflaters (fflate, as in the browser, and Node's
 * zlib, as readReturnFile uses). How fast hostile files are refused is measured
 * by `npm run bench` (no timed tests on a shared, noisy machine).
 */
function refuse(bytes: Uint8Array, name: string, code: string, lang: 'zh' | 'en' = 'zh'): ReadResult & { ok: false } {
  let first: (ReadResult & { ok: false }) | undefined;
  for (const inflater of [undefined, nodeInflater]) {
    const r = readReturn(bytes, name, { lang, inflater });
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('accepted');
    expect({ code: r.code, file: r.file, inflater: inflater ? 'zlib' : 'fflate' }).toEqual({ code, file: name, inflater: inflater ? 'zlib' : 'fflate' });
    expect(r.message).toContain(name);
    first ??= r;
  }
  return first!;
}

test('the real template is accepted (the baseline for every mutation below)', () => {
  const r = readReturn(real, 'real.xlsx');
  expect(r.ok).toBe(true);
});

test('not a zip: a CSV renamed to .xlsx', () => {
  const r = refuse(H.notZip(), '张家港.xlsx', 'not-zip');
  expect(r.message).toMatch(/^文件 张家港\.xlsx：不是 Excel 工作簿/);
  expect(refuse(H.notZip(), 'a.xlsx', 'not-zip', 'en').message).toMatch(/^File a\.xlsx: Not an Excel workbook/);
});

test('empty and tiny files', () => {
  refuse(new Uint8Array(0), 'empty.xlsx', 'not-zip');
  refuse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'pk.xlsx', 'corrupt-zip');
});

test('truncated zip (no end of central directory)', () => {
  const r = refuse(H.truncated(real), 'half.xlsx', 'corrupt-zip');
  expect(r.message).toContain('损坏');
});

test('corrupted entry data: CRC or inflate error (or, if it inflates past its declared size, refused as such)', () => {
  for (const inflater of [undefined, nodeInflater]) {
    const r = readReturn(H.corruptedData(real, 'xl/workbook.xml'), 'flip.xlsx', { inflater });
    expect(!r.ok && ['corrupt-zip', 'zip-bomb'].includes(r.code)).toBe(true);
    expect(!r.ok && r.message).toContain('损坏');
  }
});

test('central directory offset pointing outside the file', () => {
  const b = real.slice();
  // Find the end record and push the directory offset past the end.
  let eocd = -1;
  for (let i = b.length - 22; i >= 0; i--) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) (eocd = i), (i = -1);
  new DataView(b.buffer).setUint32(eocd + 16, b.length + 1000, true);
  refuse(b, 'offset.xlsx', 'corrupt-zip');
});

test('zip bomb: declared size of ~4 GB is refused from the central directory', () => {
  const r = refuse(H.bombDeclaredHuge(), 'bomb.xlsx', 'zip-bomb');
  expect(r.message).toContain('压缩炸弹');
});

test('zip bomb: a 45 MB part compressed ~1000:1 is refused for its ratio', () => {
  refuse(H.bombRatio(), 'ratio.xlsx', 'zip-bomb');
});

test('zip bomb: a lying directory (declares 8 KB, inflates to 100 MB) is stopped while inflating', () => {
  const bytes = H.bombLying();
  const r = refuse(bytes, 'liar.xlsx', 'zip-bomb');
  expect(r.message).toMatch(/压缩炸弹/);
  // And with generous limits it is still the declared size that stops it, not memory.
  const huge = { ...DEFAULT_LIMITS, maxEntryUncompressed: 1e9, maxTotalUncompressed: 1e9, maxRatio: 1e9 };
  for (const inflater of [undefined, nodeInflater]) {
    const r2 = readReturn(bytes, 'liar.xlsx', { limits: huge, inflater });
    expect(r2.ok).toBe(false);
    expect(!r2.ok && r2.code).toBe('zip-bomb');
  }
});

test('zip bomb: hundreds of directory records sharing one entry (overlapping files)', () => {
  refuse(H.bombOverlapping(), 'overlap.xlsx', 'zip-bomb');
});

test('too many entries, also when the end record understates the count', () => {
  const r = refuse(H.tooManyEntries(), 'many.xlsx', 'too-many-entries');
  expect(r.message).toContain('5001');
  refuse(H.tooManyEntriesLyingCount(), 'many2.xlsx', 'too-many-entries');
});

test('file size limit', () => {
  const r = readReturn(real, 'big.xlsx', { limits: { ...DEFAULT_LIMITS, maxFileBytes: 1000 } });
  expect(!r.ok && r.code).toBe('too-large');
});

test('crafted OLE2 files: an encrypted OOXML workbook and a legacy .xls', () => {
  expect(oleDirectoryNames(H.encryptedOoxml())).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
  const enc = refuse(H.encryptedOoxml(), '加密.xlsx', 'encrypted');
  expect(enc.message).toContain('密码');
  refuse(H.fakeXls(), 'old.xls', 'xls');
  // An OLE2 header with a garbage directory: one message covering both.
  const junk = H.fakeXls();
  junk.fill(0xff, 512);
  refuse(junk, 'junk.xls', 'ole2');
});

test('a real .xls written by LibreOffice is recognised as legacy Excel', async () => {
  const out = path.join(dir, 'xls');
  const { outputs } = await convertWithLibreOffice(realPath, 'xls' as unknown as 'xlsx', out);
  const xls = new Uint8Array(fs.readFileSync(outputs[0]));
  expect(classifyOle2(xls)).toBe('xls');
  const r = refuse(xls, 'real.xls', 'xls');
  expect(r.message).toContain('另存为');
}, 120_000);

test('macros: .xlsm content type and vbaProject.bin in a plain .xlsx', () => {
  const r = refuse(H.xlsmWithVba(), 'm.xlsm', 'macro');
  expect(r.message).toContain('宏');
  refuse(H.xlsxWithHiddenVba(), 'm.xlsx', 'macro');
});

test('other zip formats: .xlsb, .ods', () => {
  expect(refuse(H.xlsb(), 'b.xlsb', 'other-format').message).toContain('xlsb');
  expect(refuse(H.ods(), 'c.ods', 'other-format').message).toContain('.ods');
});

test('zip-level encrypted entry', () => {
  refuse(H.zipEncryptedEntry(), 'zc.xlsx', 'encrypted');
});

test('DOCTYPE / entity expansion in a part is refused, not expanded', () => {
  const r = refuse(H.billionLaughs(), 'lol.xlsx', 'bad-xml');
  expect(r.message).toContain('xl/workbook.xml');
});

test('readReturnFile: missing file, directory, oversized file checked before reading', async () => {
  const missing = await readReturnFile(path.join(dir, 'nope.xlsx'));
  expect(!missing.ok && missing.code).toBe('read-error');
  expect(!missing.ok && missing.message).toContain('nope.xlsx');
  const d = await readReturnFile(dir);
  expect(!d.ok && d.code).toBe('read-error');
  const big = await readReturnFile(realPath, { limits: { ...DEFAULT_LIMITS, maxFileBytes: 10 } });
  expect(!big.ok && big.code).toBe('too-large');
});

test('zip64 records (written by some tools even for small files) are read; Python agrees the archive is valid', () => {
  const parts = unzipSync(real);
  const z64 = buildZip(Object.entries(parts).map(([name, data]) => ({ name, data })), { zip64: true });
  // An independent zip reader accepts the crafted archive.
  const file = path.join(dir, 'zip64.xlsx');
  fs.writeFileSync(file, z64);
  const py = spawnSync('/usr/bin/python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip() is None, len(z.namelist()))', file], { encoding: 'utf8' });
  expect(py.stdout.trim()).toBe(`True ${Object.keys(parts).length}`);
  for (const inflater of [undefined, nodeInflater]) {
    const r = readReturn(z64, 'zip64.xlsx', { inflater });
    if (!r.ok) throw new Error(r.message);
    const base = readReturn(real, 'zip64.xlsx');
    expect(base.ok && [...base.ret.entries.keys()]).toEqual([...r.ret.entries.keys()]);
    expect(r.ret.meta).toEqual(base.ok && base.ret.meta);
  }
  // A zip64 size over the limit is refused from the directory.
  const big = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: 'x', declaredSize: 2 ** 40 }], { zip64: true });
  refuse(big, 'z64big.xlsx', 'zip-bomb');
});
