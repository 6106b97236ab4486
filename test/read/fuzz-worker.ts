/**
 * Runs one fuzz case per message, off the test's thread so a hang can be
 * detected and the worker terminated. Replies with what happened, never throws.
 */

import { parentPort } from 'worker_threads';
import { readReturn } from '../../src/xlsx/read';
import { fixturePlan } from '../fixtures/plan';

type Engine = typeof import('../../src/core/engine');
let engine: Engine | null = null;
try {
  engine = require('../../src/core/engine') as Engine;
} catch {
  engine = null;
}
const plan = fixturePlan(12);

parentPort!.on('message', (m: { id: number; bytes: Uint8Array; name: string }) => {
  const t0 = performance.now();
  try {
    const r = readReturn(m.bytes, m.name);
    let findings = -1;
    if (r.ok && engine) findings = engine.validateReturn(plan, r.ret).length;
    parentPort!.postMessage({
      id: m.id,
      ok: r.ok,
      code: r.ok ? null : r.code,
      message: r.ok ? null : r.message,
      entries: r.ok ? r.ret.entries.size : 0,
      findings,
      ms: performance.now() - t0,
    });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, threw: e instanceof Error ? `${e.message}\n${e.stack}` : String(e), ms: performance.now() - t0 });
  }
});
