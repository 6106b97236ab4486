/** The 目标 and 目标分解 sheets: targets per period, and each unit's own targets. */

import { parseTarget } from '../../core/plan/target';
import { parseReading } from '../../core/plan/target-reading';
import type { GridSheet } from './grid';
import type { UnitNames } from './cell-text';
import { Importer, type Src } from './importer';
import { unitCodes, type IndicatorRow } from './import-indicators';
import { ALLOCATION_COLUMNS, HEADER_ROW, TARGET_COLUMNS, TARGET_READING } from './layout';

const PERIOD_HEAD = /^(\d{4}(?:H[12]|Q[1-4])?)(?:\s|$)/;

/** Period columns after the fixed ones: header "2023 原文" / "2023 解读" / "2023 分解目标". */
function periodColumns(im: Importer, s: GridSheet, fixed: Map<string, number>): { period: string; col: number; reading: boolean }[] {
  const out: { period: string; col: number; reading: boolean }[] = [];
  const used = new Set(fixed.values());
  for (let c = 1; c <= s.maxCol; c++) {
    if (used.has(c)) continue;
    const head = s.text(HEADER_ROW, c);
    if (!head) continue;
    const m = PERIOD_HEAD.exec(head);
    if (!m) {
      im.issue(im.ref(s, HEADER_ROW, c), 'planwb.period-header', { value: head.replace(/\n/g, ' ') });
      continue;
    }
    out.push({ period: m[1], col: c, reading: head.includes(TARGET_READING.zh) || head.includes(TARGET_READING.en) });
  }
  return out;
}

function checkPeriod(im: Importer, at: string, period: string, years: number[]): boolean {
  if (!years.length || years.includes(Number(period.slice(0, 4)))) return true;
  im.issue(at, 'planwb.period-outside', { period, years: years.join('、') });
  return false;
}

export function readTargets(im: Importer, byCode: Map<string, IndicatorRow>, years: number[]): void {
  const s = im.sheet('targets', true);
  const cols = s && im.columns(s, TARGET_COLUMNS, ['name', 'unit']);
  if (!s || !cols) return;
  const periods = periodColumns(im, s, cols);
  const raws = periods.filter((p) => !p.reading);
  for (const r of im.rows(s, [cols.get('code')!, ...periods.map((p) => p.col)])) {
    const code = s.text(r, cols.get('code')!);
    const row = byCode.get(code);
    if (!row) {
      im.issue(im.ref(s, r, cols.get('code')!), code ? 'planwb.indicator-unknown' : 'planwb.required', { value: code, field: '指标代码 code' });
      continue;
    }
    const targets = row.src.targets as Src;
    for (const p of raws) {
      const readingCol = periods.find((q) => q.reading && q.period === p.period)?.col;
      const raw = s.text(r, p.col);
      const reading = readingCol ? s.text(r, readingCol) : '';
      if (!raw && !reading) continue;
      const at = im.ref(s, r, reading ? readingCol! : p.col);
      if (!checkPeriod(im, at, p.period, years)) continue;
      im.where.set(`indicators[${row.index}].targets.${p.period}`, at);
      if (!reading) {
        targets[p.period] = raw;
        continue;
      }
      const t = parseReading(reading, raw || reading);
      if (!t) im.issue(at, 'planwb.reading', { value: reading });
      else targets[p.period] = t;
    }
  }
}

export function readAllocations(
  im: Importer,
  byCode: Map<string, IndicatorRow>,
  names: UnitNames,
  years: number[],
  districts: Set<string>,
): Src[] {
  const out: Src[] = [];
  const s = im.sheet('allocations', false);
  const cols = s && im.columns(s, ALLOCATION_COLUMNS, ['name', 'unit', 'unitName', 'cityTarget']);
  if (!s || !cols) return out;
  const periods = periodColumns(im, s, cols);
  for (let r = HEADER_ROW + 1; r <= s.maxRow; r++) {
    const filled = periods.filter((p) => s.text(r, p.col) !== '');
    // A line with no target typed is an offer, not an allocation.
    if (!filled.length) continue;
    const codeAt = im.ref(s, r, cols.get('indicator')!);
    const unitAt = im.ref(s, r, cols.get('unitCode')!);
    const code = s.text(r, cols.get('indicator')!);
    const row = byCode.get(code);
    if (!row) im.issue(codeAt, code ? 'planwb.indicator-unknown' : 'planwb.required', { value: code, field: '指标代码 indicator code' });
    const unitWord = s.text(r, cols.get('unitCode')!);
    const unit = unitWord ? unitCodes(im, unitWord, unitAt, names, false)[0] : undefined;
    if (!unitWord) im.issue(unitAt, 'planwb.required', { field: '单位代码 unit code' });
    if (!row || !unit) continue;
    const reporters = expandReporters(row.src, districts);
    if (!reporters.includes(unit)) {
      im.issue(unitAt, 'planwb.allocation-not-reporter', { unit: unitWord, indicator: code });
      continue;
    }
    const direction = (row.src.direction as 'ge' | 'le' | 'eq' | undefined) ?? 'ge';
    for (const p of filled) {
      const text = s.text(r, p.col);
      const at = im.ref(s, r, p.col);
      if (!checkPeriod(im, at, p.period, years)) continue;
      let t = parseTarget(text, direction);
      if (t.op === 'text') t = parseReading(text, text) ?? t;
      if (t.op === 'text' || t.op === 'none') {
        im.issue(at, 'planwb.allocation-target', { value: text });
        continue;
      }
      const path = `allocations[${out.length}]`;
      im.where.set(path, at);
      for (const k of ['unit', 'indicator', 'period', 'target']) im.where.set(`${path}.${k}`, k === 'unit' ? unitAt : k === 'indicator' ? codeAt : at);
      // The text itself where it reads as the target ("450 以上"), else the reading ("= 5").
      out.push({ unit, indicator: code, period: p.period, target: parseTarget(text, direction).op === t.op ? text : t });
    }
  }
  return out;
}

/** The reporters an indicator row names, with the groups expanded as resolvePlan will. */
function expandReporters(ind: Src, districts: Set<string>): string[] {
  const out: string[] = [];
  for (const r of (ind.reporters as string[]) ?? []) {
    if (r === '@districts') out.push(...districts);
    else if (r === '@lead') out.push(...((ind.lead as string[]) ?? []));
    else out.push(r);
  }
  return out;
}
