/**
 * The reader in a real browser, as the Excel add-in runs it: bundled by
 * webpack for the web (a Node built-in anywhere in the import graph would fail
 * the build) and run in headless Chromium on real returns and hostile files.
 * Results must equal the Node reader's, field for field.
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readReturn, type ReadResult } from '../../src/xlsx/read';
import { makeFixtures, type FixtureSet } from '../fixtures/make-returns';
import * as H from '../fixtures/hostile';

const CHROMIUM = '/usr/bin/chromium';
let dir: string;
let fx: FixtureSet;
let browser: Browser | undefined;
let page: Page;

function bundle(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: path.join(__dirname, 'browser-entry.ts'),
    output: { path: outDir, filename: 'reader.js' },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } }],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(path.join(outDir, 'reader.js'));
    }),
  );
}

const json = (r: ReadResult) => JSON.parse(JSON.stringify(r.ok ? { ok: true, ret: { ...r.ret, entries: [...r.ret.entries.values()] } } : r));

async function inBrowser(bytes: Uint8Array, name: string, lang: 'zh' | 'en' = 'zh'): Promise<{ ms: number; result: unknown }> {
  return page.evaluate(([b64, n, l]) => (window as unknown as { psRead: (a: string, b: string, c: string) => { ms: number; result: unknown } }).psRead(b64, n, l), [
    Buffer.from(bytes).toString('base64'),
    name,
    lang,
  ] as const);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-browser-'));
  const [script, fixtures] = await Promise.all([
    bundle(path.join(dir, 'dist')),
    makeFixtures(path.join(dir, 'fx'), { libreoffice: true, cases: ['numbers', 'text-values', 'inserted-rows', 'names-gone', 'merged'] }),
  ]);
  fx = fixtures;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><title>reader</title>');
  await page.addScriptTag({ path: script });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('real returns read the same in Chromium as in Node', async () => {
  const files = [fx.template, ...Object.values(fx.files), ...Object.values(fx.lo)];
  expect(files.length).toBeGreaterThanOrEqual(10);
  for (const file of files) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const name = path.relative(fx.dir, file);
    const web = await inBrowser(bytes, name);
    const node = json(readReturn(bytes, name));
    expect(node.ok).toBe(true);
    expect(web.result).toEqual(node);
  }
});

test('hostile files are refused in Chromium too, quickly, with the same code and message', async () => {
  const cases: [string, Uint8Array][] = [
    ['bomb.xlsx', H.bombLying()],
    ['ratio.xlsx', H.bombRatio()],
    ['enc.xlsx', H.encryptedOoxml()],
    ['old.xls', H.fakeXls()],
    ['macro.xlsm', H.xlsmWithVba()],
    ['half.xlsx', H.truncated(new Uint8Array(fs.readFileSync(fx.files.numbers)))],
    ['lol.xlsx', H.billionLaughs()],
  ];
  for (const [name, bytes] of cases) {
    for (const lang of ['zh', 'en'] as const) {
      const web = await inBrowser(bytes, name, lang);
      const node = json(readReturn(bytes, name, { lang }));
      expect(node.ok).toBe(false);
      expect(web.result).toEqual(node);
    }
  }
});
