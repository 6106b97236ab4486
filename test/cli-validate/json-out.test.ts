/**
 * --json written in pieces (src/cli/format/json.ts): the same text as
 * JSON.stringify(value, null, 2) for every kind of value, including parts
 * large enough to be walked, and every piece reaches a slow stream.
 */

import { Writable } from 'stream';
import { jsonPieces, writeJson } from '../../src/cli/format/json';
import { rng } from '../fixtures/rng';

const stringify = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** A random JSON-ish value with the oddities JSON.stringify has rules for. */
function randomValue(rand: () => number, depth: number): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 7 : 10));
  switch (pick) {
    case 0: return null;
    case 1: return rand() < 0.5;
    case 2: return [0, -1.5, 1e21, 3.14159, NaN, Infinity, -0][Math.floor(rand() * 7)];
    case 3: return ['', '指标 "引号"\n换行', 'a\\b', '😀', '\u2028'][Math.floor(rand() * 5)];
    case 4: return undefined;
    case 5: return () => 1;
    case 6: return new Date(Date.UTC(2024, 0, 15));
    case 7: {
      // Sometimes long enough to be walked rather than stringified whole.
      const large = depth < 2 && rand() < 0.3;
      const n = large ? 600 + Math.floor(rand() * 400) : Math.floor(rand() * 4);
      // Inside a large part, small parts only (sizes multiply otherwise).
      return Array.from({ length: n }, () => randomValue(rand, depth + (large ? 3 : 1)));
    }
    default: {
      const large = depth < 2 && rand() < 0.3;
      const n = large ? 600 + Math.floor(rand() * 300) : Math.floor(rand() * 5);
      const o: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) o[rand() < 0.1 ? String(i) : `k${i}`] = randomValue(rand, depth + (large ? 3 : 1));
      return o;
    }
  }
}

test('the pieces join to JSON.stringify(value, null, 2) + newline, for small, large, empty and odd values', () => {
  const fixed: unknown[] = [
    {},
    [],
    { a: undefined, b: () => 1 },
    [undefined, () => 1, Symbol('s')],
    { nested: { deeper: [[], {}, [[]]] } },
    { toJSON: () => ({ replaced: true }) },
    { big: Array.from({ length: 5000 }, (_, i) => ({ i, s: `第${i}行\n`, n: i % 3 ? null : -i / 7 })) },
    Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`320${i}`, { filled: i % 2 === 0 }])),
    '顶层字符串',
    42,
  ];
  for (const v of fixed) expect([...jsonPieces(v)].join('')).toBe(stringify(v));
  const rand = rng(11);
  for (let i = 0; i < 60; i++) {
    const v = randomValue(rand, 0);
    if (v === undefined || typeof v === 'function') continue;
    expect([...jsonPieces(v)].join('')).toBe(stringify(v));
  }
});

test('a large value is written whole to a stream that keeps asking to wait', async () => {
  const value = { findings: Array.from({ length: 40_000 }, (_, i) => ({ rule: 'value.missing', cell: `F${i}`, message: `第 ${i} 行未填` })) };
  let drains = 0;
  const chunks: string[] = [];
  const slow = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      setImmediate(done);
    },
  });
  slow.on('drain', () => drains++);
  await writeJson(slow, value);
  await new Promise<void>((resolve) => slow.end(resolve));
  expect(chunks.join('')).toBe(stringify(value));
  expect(drains).toBeGreaterThan(10);
});
