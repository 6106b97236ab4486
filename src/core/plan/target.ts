/**
 * Reading a seed's target cell ("150 以上", "1.3 以下", "1～2", "/", "90%",
 * "3.7（大市范围全覆盖）", "全面推广") into a normalised `Target`, and writing a
 * target back in the readable form used on the entry sheet (≥ 3000, ≤ 1.3, 1～2).
 */

import type { Target } from './types';

/** Full-width digits and signs → ASCII, so "１２３" reads as "123". */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF0E\uFF05\uFF0B\uFF0D\uFF1C\uFF1E]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\u3000/g, ' ');
}

const NONE_RE = /^[-/—–\u2014\u2015\uFF0F\uFF0D]*$/;
const NUM = '(\\d+(?:\\.\\d+)?)';
const GE_PREFIX = new RegExp(`^(?:>|≥|>=|大于|不少于|不低于|超过)\\s*${NUM}\\s*%?\\s*$`);
const LE_PREFIX = new RegExp(`^(?:<|≤|<=|小于|不超过|不高于|低于)\\s*${NUM}\\s*%?\\s*$`);
const GE_SUFFIX = new RegExp(`^${NUM}\\s*%?\\s*(?:以上|及以上|\\+)$`);
const LE_SUFFIX = new RegExp(`^${NUM}\\s*%?\\s*(?:以下|及以下|以内)$`);
const RANGE = new RegExp(`^${NUM}\\s*%?\\s*(?:～|~|〜|－|-|—|至|到)\\s*${NUM}\\s*%?$`);
const PLAIN = new RegExp(`^${NUM}\\s*%?$`);
/** A number followed by a parenthesised note: 3.7（大市范围全覆盖） */
const WITH_NOTE = new RegExp(`^(.*?\\d(?:[^（(]*?))\\s*[（(]([^（()）]+)[）)]\\s*$`);

/**
 * Normalises one raw target. `direction` is how the plan reads a plain number
 * (most indicators are "at least"; PUE-like limits are "at most").
 */
export function parseTarget(raw: string, direction: 'ge' | 'le' | 'eq'): Target {
  const original = raw;
  let text = toHalfWidth(raw).replace(/\s+/g, ' ').trim();
  if (NONE_RE.test(text)) return { op: 'none', raw: original };

  let note: string | undefined;
  const withNote = WITH_NOTE.exec(text);
  if (withNote) {
    text = withNote[1].trim();
    note = withNote[2].trim();
  }
  const withNoteField = <T extends Target>(t: T): T => (note ? { ...t, note } : t);

  let m: RegExpExecArray | null;
  if ((m = GE_PREFIX.exec(text)) || (m = GE_SUFFIX.exec(text))) {
    return withNoteField({ op: 'ge', value: Number(m[1]), raw: original });
  }
  if ((m = LE_PREFIX.exec(text)) || (m = LE_SUFFIX.exec(text))) {
    return withNoteField({ op: 'le', value: Number(m[1]), raw: original });
  }
  if ((m = RANGE.exec(text))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a <= b) return withNoteField({ op: 'range', min: a, max: b, raw: original });
  }
  if ((m = PLAIN.exec(text))) {
    return withNoteField({ op: direction, value: Number(m[1]), raw: original });
  }
  return { op: 'text', text: toHalfWidth(raw).trim(), raw: original };
}

function fmt(n: number): string {
  // Plans never need more than 4 decimals; avoid 0.30000000000000004.
  return String(Math.round(n * 1e4) / 1e4);
}

/** The readable target for the entry sheet: ≥ 3000, ≤ 1.3, 1～2, = 5, text. */
export function formatTarget(t: Target | undefined, unit = ''): string {
  const u = unit === '%' ? '%' : '';
  if (!t) return '—';
  switch (t.op) {
    case 'ge':
      return `≥ ${fmt(t.value)}${u}`;
    case 'le':
      return `≤ ${fmt(t.value)}${u}`;
    case 'eq':
      return `= ${fmt(t.value)}${u}`;
    case 'range':
      return `${fmt(t.min)}～${fmt(t.max)}${u}`;
    case 'text':
      return t.text;
    case 'none':
      return '—';
  }
}

/** Whether a target can be checked against a number at all. */
export function isNumericTarget(t: Target | undefined): boolean {
  return !!t && (t.op === 'ge' || t.op === 'le' || t.op === 'eq' || t.op === 'range');
}

/** How a number compares with a target (see `evaluateTarget`). */
export interface TargetCheck {
  met: boolean;
  /** How far short of the target, in the indicator's unit; 0 when met. */
  gap: number;
  /** A "力争 a～b" range beaten from above: by how much the value exceeds `max` (met, with a note). */
  aboveMax?: number;
  /** Met only thanks to the plan's tolerance for an approximate target ("约 5%"). */
  tolerated?: boolean;
}

const EPS = 1e-9;

/**
 * Checks a reported number against a target. Returns null when the target is
 * not numeric; otherwise whether it is met and by how much it falls short.
 *
 * A range without `band` is a "力争 3～5 家" goal: met at or above `min`, and
 * a value above `max` is met with `aboveMax` (a note, never a miss). A band
 * must hold both bounds. `tolerance` (relative, 0.05 = ±5 %) widens the
 * bounds of an approximate target ("约 5%", "2000 家左右").
 */
export function evaluateTarget(t: Target | undefined, value: number, tolerance = 0): TargetCheck | null {
  if (!t) return null;
  const slack = (n: number) => Math.abs(n) * Math.max(0, tolerance) + EPS;
  const check = (met: boolean, metStrictly: boolean, gap: number): TargetCheck => {
    const r: TargetCheck = { met, gap: met ? 0 : Number(gap.toPrecision(12)) };
    if (met && !metStrictly) r.tolerated = true;
    return r;
  };
  switch (t.op) {
    case 'ge':
      return check(value >= t.value - slack(t.value), value >= t.value - EPS, t.value - value);
    case 'le':
      return check(value <= t.value + slack(t.value), value <= t.value + EPS, value - t.value);
    case 'eq':
      return check(Math.abs(value - t.value) <= slack(t.value), Math.abs(value - t.value) <= EPS, Math.abs(value - t.value));
    case 'range': {
      if (value < t.min - EPS) return check(value >= t.min - slack(t.min), false, t.min - value);
      if (value > t.max + EPS) {
        if (!t.band) return { met: true, gap: 0, aboveMax: Number((value - t.max).toPrecision(12)) };
        return check(value <= t.max + slack(t.max), false, value - t.max);
      }
      return { met: true, gap: 0 };
    }
    default:
      return null;
  }
}
