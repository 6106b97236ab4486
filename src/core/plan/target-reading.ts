/**
 * How PlanSheet reads a target, written so a person can check and correct it
 * (the plan workbook's 解读 column): "≥ 5", "≤ 1.3", "= 5", "3～5" ("3～5 区间" for a true band), "—",
 * "文字：全面推广", with "；注：…" for a note.
 *
 * Most raw seed texts ("150 以上") read themselves; a few need the reading
 * spelled out ("选取5个系统" → "≥ 5", "万兆" → "≥ 10000；注：万兆即 10000 Mbps").
 */

import { parseTarget, toHalfWidth } from './target';
import type { Target } from './types';

const NOTE_SEP = /\s*[；;]\s*(?:注|note)\s*[：:]\s*/i;
const TEXT_PREFIX = /^\s*(?:文字|text)\s*[：:]\s*/i;
const NUM = '(-?\\d+(?:\\.\\d+)?)';
const OP_RE = new RegExp(`^(≥|>=|≤|<=|=)\\s*${NUM}\\s*%?$`);
const BAND_SUFFIX = /\s*(?:区间|band)$/i;
const RANGE_RE = new RegExp(`^${NUM}\\s*%?\\s*(?:～|~|〜|至)\\s*${NUM}\\s*%?$`);

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** The reading of a target, without its raw text. */
export function readingOf(t: Target): string {
  let body: string;
  switch (t.op) {
    case 'ge':
      body = `≥ ${fmt(t.value)}`;
      break;
    case 'le':
      body = `≤ ${fmt(t.value)}`;
      break;
    case 'eq':
      body = `= ${fmt(t.value)}`;
      break;
    case 'range':
      // A true band (value must stay inside both bounds), as the shared model contract marks it.
      body = `${fmt(t.min)}～${fmt(t.max)}${(t as { band?: boolean }).band ? ' 区间' : ''}`;
      break;
    case 'text':
      body = `文字：${t.text}`;
      break;
    case 'none':
      body = '—';
      break;
  }
  return t.note ? `${body}；注：${t.note}` : body;
}

/** Reads a reading back; null when the text is not one ("about 5"). */
export function parseReading(text: string, raw: string): Target | null {
  const [head, ...rest] = text.split(NOTE_SEP);
  const note = rest.join('；').trim() || undefined;
  const body = toHalfWidth(head).trim();
  const withNote = <T extends Target>(t: T): T => (note ? { ...t, note } : t);
  if (TEXT_PREFIX.test(head)) return withNote({ op: 'text', text: head.replace(TEXT_PREFIX, '').trim(), raw });
  if (/^[-—–/]+$/.test(body)) return withNote({ op: 'none', raw });
  let m = OP_RE.exec(body);
  if (m) {
    const op = m[1].startsWith('≥') || m[1] === '>=' ? 'ge' : m[1].startsWith('≤') || m[1] === '<=' ? 'le' : 'eq';
    return withNote({ op, value: Number(m[2]), raw });
  }
  const band = BAND_SUFFIX.test(body);
  m = RANGE_RE.exec(body.replace(BAND_SUFFIX, ''));
  if (m && Number(m[1]) <= Number(m[2]))
    return withNote({ op: 'range', min: Number(m[1]), max: Number(m[2]), raw, ...(band ? { band: true } : {}) } as Target);
  return null;
}

/** Same target, field by field (key order and absent fields do not matter). */
export function sameTarget(a: Target, b: Target): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if ((a as unknown as Record<string, unknown>)[k] !== (b as unknown as Record<string, unknown>)[k]) return false;
  }
  return true;
}

/** Whether the raw text alone reads as this target; if not, the workbook spells the reading out. */
export function rawReadsAs(t: Target, direction: 'ge' | 'le' | 'eq'): boolean {
  return sameTarget(parseTarget(t.raw, direction), t);
}
