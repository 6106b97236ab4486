/**
 * What the pane ships, at the JavaScript level it promises (docs/addin.md,
 * "Supported Excel versions"): the production build's every .js file parses
 * at webpack.config.js's BUNDLE_TARGET (acorn, the parser webpack itself
 * uses), and taskpane.html's host check parses as ES5 and, run in a host
 * too old for the bundle, tells the user what to upgrade.
 */

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import * as acorn from 'acorn';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BUNDLE_TARGET } = require(path.join(ROOT, 'webpack.config.js')) as { BUNDLE_TARGET: string };
const LEVEL = Number(BUNDLE_TARGET.replace(/^ES/i, '')) as acorn.ecmaVersion;

let dist: string;
beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-bundle-'));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', dist], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}, 300_000);
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

function parses(src: string, ecmaVersion: acorn.ecmaVersion): string | null {
  try {
    acorn.parse(src, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

test('the target is stated and old enough for the Mac webviews before Safari 16.4', () => {
  expect(BUNDLE_TARGET).toBe('ES2019');
  const docs = fs.readFileSync(path.join(ROOT, 'docs/addin.md'), 'utf8');
  expect(docs).toContain(`ECMAScript ${LEVEL}`);
});

test('every shipped script parses at the stated level (vendor code included)', () => {
  const js = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
  expect(js.some((f) => f.startsWith('vendor.'))).toBe(true);
  expect(js.some((f) => f.startsWith('taskpane.'))).toBe(true);
  for (const f of js) expect([f, parses(fs.readFileSync(path.join(dist, f), 'utf8'), LEVEL)]).toEqual([f, null]);
  // And the check means something: the same files do not parse as ES5.
  expect(js.some((f) => parses(fs.readFileSync(path.join(dist, f), 'utf8'), 5) !== null)).toBe(true);
});

function hostCheck(): string {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  // (html-webpack-plugin minifies the page: attributes lose their quotes.)
  const m = /<script[^>]*\bid="?host-check"?[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no host check in taskpane.html');
  // The bundle loads deferred, after the check has run.
  expect(html).toMatch(/<script defer(="defer")? src="?taskpane\.[0-9a-f]+\.js"?><\/script>/);
  return m[1];
}

/** A page with the built-ins of a host: `modern` has what the bundle needs, otherwise IE11's set. */
function runCheck(script: string, modern: boolean, language = 'zh-CN') {
  const container = { children: [] as { id: string; text: string }[], appendChild(c: { id: string; text: string }) { this.children.push(c); } };
  const el = () => {
    const node = { id: '', text: '', style: {}, setAttribute() {}, appendChild(c: { text: string }) { node.text += c.text; } };
    return node;
  };
  const g: Record<string, unknown> = {
    navigator: { language },
    document: { createElement: el, createTextNode: (t: string) => ({ text: t }), getElementById: () => container },
    Object: modern ? Object : { ...Object, fromEntries: undefined },
    Array: modern ? Array : { prototype: { ...Array.prototype, flatMap: undefined } },
    Promise: modern ? Promise : undefined,
    Map,
    Set,
    Symbol: modern ? Symbol : undefined,
    Proxy: modern ? Proxy : undefined,
    TextDecoder: modern ? TextDecoder : undefined,
    CSS: modern ? { supports: () => true } : undefined,
  };
  g.window = g;
  vm.runInNewContext(script, g);
  return { flagged: g.__plansheetUnsupported === true, shown: container.children.map((c) => c.text).join('\n') };
}

test('taskpane.html checks the host in ES5 and tells users of too-old hosts what to upgrade', () => {
  const script = hostCheck();
  expect(parses(script, 5)).toBeNull();
  const old = runCheck(script, false);
  expect(old.flagged).toBe(true);
  expect(old.shown).toMatch(/^当前 Excel 使用的浏览器组件（Internet Explorer 或旧版 Edge）太旧.*Microsoft 365 或 Excel 2021.*WebView2/);
  expect(old.shown).toContain('Microsoft Edge WebView2 Runtime');
  expect(runCheck(script, false, 'en-US').shown).toMatch(/^The browser component this Excel uses/);
  const fine = runCheck(script, true);
  expect(fine).toEqual({ flagged: false, shown: '' });
});
