/** Bundled by browser.test.ts for headless Chromium: the reader as the add-in loads it. */

import { readReturn, findEntryBlock } from '../../src/xlsx/read';

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A JSON-friendly ReadResult (entries as an array). */
(window as unknown as Record<string, unknown>).psRead = (b64: string, name: string, lang: 'zh' | 'en') => {
  const t0 = performance.now();
  const r = readReturn(fromBase64(b64), name, { lang });
  const ms = performance.now() - t0;
  return { ms, result: r.ok ? { ok: true, ret: { ...r.ret, entries: [...r.ret.entries.values()] } } : r };
};
(window as unknown as Record<string, unknown>).psFindEntryBlock = findEntryBlock;
