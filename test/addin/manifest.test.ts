/**
 * The add-in manifest, checked offline (npm run validate checks it against
 * Microsoft's service and needs the network): it parses, identifies itself,
 * targets workbooks, and every URL, resource and icon it names exists.
 */

import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { DOMParser } from '@xmldom/xmldom';

const ROOT = path.resolve(__dirname, '../..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser({
  onError: (level: string, msg: string) => {
    if (level !== 'warning') throw new Error(`manifest.xml: ${msg}`);
  },
} as never).parseFromString(xml, 'text/xml');

function all(tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag) as unknown as ArrayLike<Element>);
}
function one(tag: string): Element {
  const els = all(tag);
  if (els.length === 0) throw new Error(`manifest.xml has no <${tag}>`);
  return els[0];
}
const text = (tag: string) => (one(tag).textContent ?? '').trim();

/** Reads width/height from a PNG's IHDR chunk and checks the image data inflates. */
function pngSize(file: string): { w: number; h: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  const w = b.readUInt32BE(16);
  const h = b.readUInt32BE(20);
  const idat = b.indexOf('IDAT');
  const len = b.readUInt32BE(idat - 4);
  const raw = zlib.inflateSync(b.subarray(idat + 4, idat + 4 + len));
  expect(raw.length).toBe(h * (w * 4 + 1));
  return { w, h };
}

const BASE = 'https://localhost:3000/';
function fileOf(url: string): string {
  expect(url.startsWith(BASE)).toBe(true);
  return url.slice(BASE.length);
}

describe('manifest.xml', () => {
  test('root is a task pane app with a GUID id, a 4-part version and workbook host', () => {
    const root = doc.documentElement!;
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text('DefaultLocale')).toBe('zh-CN');
    const hosts = all('Host').map((h) => h.getAttribute('Name') || h.getAttribute('xsi:type'));
    expect(hosts).toContain('Workbook');
    expect(hosts.every((h) => h === 'Workbook')).toBe(true);
    const sets = all('Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
    expect(sets).toContain('ExcelApi 1.4');
  });

  test('display name and description have zh-CN defaults and en-US overrides', () => {
    for (const tag of ['DisplayName', 'Description']) {
      const el = one(tag);
      expect(el.getAttribute('DefaultValue')).toMatch(/[\u4e00-\u9fff]/);
      const over = Array.from(el.getElementsByTagName('Override') as unknown as ArrayLike<Element>);
      expect(over.map((o) => o.getAttribute('Locale'))).toContain('en-US');
    }
  });

  test('SourceLocation and icons point at files the build produces', () => {
    const src = one('SourceLocation').getAttribute('DefaultValue')!;
    expect(fileOf(src)).toBe('taskpane.html');
    expect(fs.existsSync(path.join(ROOT, 'src/addin/taskpane/taskpane.html'))).toBe(true);
    for (const [tag, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
      const f = fileOf(one(tag).getAttribute('DefaultValue')!);
      expect(pngSize(path.join(ROOT, f))).toEqual({ w: size, h: size });
    }
    // The resource URL of the task pane is the same page as SourceLocation.
    const urls = new Map(all('bt:Url').map((u) => [u.getAttribute('id'), u.getAttribute('DefaultValue')]));
    expect(urls.get('Taskpane.Url')).toBe(src);
    // AppDomain covers the page's origin.
    expect(all('AppDomain').map((a) => a.textContent)).toContain(new URL(src).origin);
  });

  test('a ribbon button on the Home tab opens the task pane, every resid resolves', () => {
    const tab = one('OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const controls = Array.from(tab.getElementsByTagName('Control') as unknown as ArrayLike<Element>);
    expect(controls).toHaveLength(1);
    expect(controls[0].getAttribute('xsi:type')).toBe('Button');
    const action = controls[0].getElementsByTagName('Action')[0];
    expect(action.getAttribute('xsi:type')).toBe('ShowTaskpane');

    const ids = new Set(
      ['bt:Image', 'bt:Url', 'bt:String'].flatMap((tag) => all(tag).map((e) => e.getAttribute('id'))),
    );
    const resids = Array.from(xml.matchAll(/resid="([^"]+)"/g)).map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(8);
    for (const r of resids) expect(ids.has(r)).toBe(true);
    // Every string has an en-US override.
    for (const s of all('bt:String')) {
      const over = Array.from(s.getElementsByTagName('bt:Override') as unknown as ArrayLike<Element>);
      expect(over.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
    }
  });

  test('every ribbon icon exists at the size it is declared', () => {
    const images = new Map(all('bt:Image').filter((i) => i.getAttribute('DefaultValue')).map((i) => [i.getAttribute('id')!, i.getAttribute('DefaultValue')!]));
    const used = all('bt:Image').filter((i) => i.getAttribute('resid'));
    expect(used.length).toBeGreaterThanOrEqual(6);
    for (const u of used) {
      const size = Number(u.getAttribute('size'));
      const url = images.get(u.getAttribute('resid')!)!;
      expect(pngSize(path.join(ROOT, fileOf(url)))).toEqual({ w: size, h: size });
    }
  });

  test('the icon script reproduces the committed icons', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const icons = require(path.join(ROOT, 'assets/make-icons.js')) as { SIZES: number[]; draw: (n: number) => Buffer };
    expect(icons.SIZES).toEqual([16, 32, 64, 80, 128]);
    for (const s of icons.SIZES) {
      expect(icons.draw(s).equals(fs.readFileSync(path.join(ROOT, `assets/icon-${s}.png`)))).toBe(true);
    }
  });
});
