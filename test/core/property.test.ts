/**
 * Property-style checks: whatever a reader hands over, the engine answers with
 * findings and figures, never an exception, and its answers are consistent.
 * A small seeded generator keeps failures reproducible.
 */

import { consolidate, readNumber, validateReturn, progress } from '../../src/core/engine';
import type { RawCell } from '../../src/core/return/types';
import { PLAN, makeReturn, DISTRICTS } from './fixtures';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['约', '1', '2', ',', '.', '%', '％', '万', '亿', '元', '个', ' ', '　', '-', '１', '９', '暂无', '左右', 'e', '#', '/', '（', '）', '家', '\n', '+'];

function randomCell(r: () => number, depth = 0): RawCell {
  const k = Math.floor(r() * (depth ? 7 : 8));
  const num = () => [0, -1, 0.5, 1, 95, 1e12, -0.0001, NaN, Infinity, -Infinity, 1e-12, 6000][Math.floor(r() * 12)] * (r() < 0.5 ? 1 : r() * 100);
  switch (k) {
    case 0:
      return { type: 'empty' };
    case 1:
      return { type: 'number', value: num() };
    case 2:
    case 3: {
      const n = Math.floor(r() * 6);
      let t = '';
      for (let i = 0; i < n; i++) t += PIECES[Math.floor(r() * PIECES.length)];
      return { type: 'text', value: t };
    }
    case 4:
      return { type: 'boolean', value: r() < 0.5 };
    case 5:
      return { type: 'date', value: '2023-05-01T00:00:00Z' };
    case 6:
      return { type: 'error', value: ['#DIV/0!', '#N/A', '#REF!', '#VALUE!'][Math.floor(r() * 4)] };
    default:
      return r() < 0.3 ? { type: 'formula', formula: 'A1' } : { type: 'formula', formula: 'B2*2', cached: randomCell(r, depth + 1) };
  }
}

test('readNumber never throws and is self-consistent on random cells', () => {
  const r = rng(20231123);
  for (let i = 0; i < 5000; i++) {
    const cell = randomCell(r);
    const ind = PLAN.indicators[Math.floor(r() * PLAN.indicators.length)];
    const res = readNumber(cell, ind);
    if (!res.ok) {
      expect(res.value).toBeNull();
      expect(res.how).toBeDefined();
    }
    if (res.value !== null) expect(Number.isFinite(res.value)).toBe(true);
    if (ind.kind === 'text') expect(res.value).toBeNull();
    else if (cell.type === 'number' && Number.isFinite(cell.value)) expect(res.value).toBe(cell.value);
  }
});

test('validateReturn and consolidate never throw on random returns', () => {
  const r = rng(7);
  const units = [...DISTRICTS, 'SZ-GXJ', 'SZ-FGW', 'SZ-DSJ', '320500', 'X-1'];
  for (let round = 0; round < 60; round++) {
    const returns = Array.from({ length: 1 + Math.floor(r() * 9) }, (_, i) => {
      const unit = units[Math.floor(r() * units.length)];
      const ret = makeReturn({ unit, file: `f${i}.xlsx`, period: r() < 0.8 ? '2023' : '2023H1', codes: PLAN.indicators.map((x) => x.code) });
      for (const e of ret.entries.values()) {
        e.value = randomCell(r);
        if (r() < 0.2) e.remark = '说明';
        if (r() < 0.05) e.shownTarget = '？';
      }
      if (r() < 0.1) ret.structural.push({ rule: r() < 0.5 ? 'reader.name-moved' : 'reader.whatever', params: { code: 'T-SUM' } });
      return ret;
    });
    for (const ret of returns) {
      const fs = validateReturn(PLAN, ret, { lang: r() < 0.5 ? 'zh' : 'en', previous: returns });
      for (const f of fs) {
        expect(['error', 'warning', 'info']).toContain(f.severity);
        expect(f.message).not.toMatch(/\{\w+\}/); // every placeholder filled
      }
      const p = progress(PLAN, ret, fs);
      expect(p.filled).toBeLessThanOrEqual(p.total);
      expect(p.met).toBeLessThanOrEqual(p.filled);
    }
    const c = consolidate(PLAN, '2023', [...returns, { file: 'bad.xlsx', message: 'x' }], { conflict: r() < 0.5 ? 'latest' : 'report', previous: returns });
    expect(c.returns).toHaveLength(returns.length + 1);
    // A unit is used at most once: accepted returns have distinct units.
    const accepted = c.returns.filter((x) => x.status === 'accepted').map((x) => x.unit);
    expect(new Set(accepted).size).toBe(accepted.length);
    for (const i of c.indicators) {
      if (i.city.value !== null) expect(Number.isFinite(i.city.value)).toBe(true);
      for (const s of i.city.sources) expect(accepted).toContain(s.unit);
      // One rule everywhere: a value with an error finding, or a likely unit
      // slip, is in no figure, no source and no filled grid cell.
      const ind = PLAN.indicators.find((x) => x.code === i.code)!;
      const acceptedFile = (u: string) => c.returns.find((x) => x.unit === u && x.status === 'accepted')?.file;
      const barred = (u: string) =>
        c.findings.some(
          (f) =>
            f.unit === u &&
            f.file === acceptedFile(u) &&
            f.code === i.code &&
            ((f.severity === 'error' && f.rule !== 'target.missed' && f.rule !== 'value.missing') || f.rule === 'value.unit-slip'),
        );
      for (const s of i.city.sources) expect({ code: i.code, unit: s.unit, barred: barred(s.unit) }).toEqual({ code: i.code, unit: s.unit, barred: false });
      for (const u of Object.keys(i.unusable ?? {})) expect(i.units[u]).toBeNull();
      for (const u of ind.reporters) {
        if (barred(u)) expect({ code: i.code, u, grid: c.grid[u]?.[i.code] }).toEqual({ code: i.code, u, grid: 'blank' });
        if (ind.kind !== 'text' && c.grid[u]?.[i.code] === 'filled') expect(i.units[u]).not.toBeNull();
      }
      expect(i.city.reported.count).toBeLessThanOrEqual(i.city.reported.expected);
      // A sum of parts is the sum of the values it names.
      if (ind.rollup === 'sum' && ind.kind !== 'text' && i.city.sources.length > 1) {
        const total = i.city.sources.reduce((sum, src) => sum + (i.units[src.unit] ?? NaN), 0);
        expect(i.city.value).toBeCloseTo(total, 6);
      }
    }
  }
});
