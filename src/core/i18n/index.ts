/**
 * message(key, params, lang): the one way the core turns a message key into
 * words. Chinese is the default; English when asked. Unknown keys fall back to
 * the key itself (never throw: a message must not break validation).
 */

import type { Lang } from '../rules/finding';
import { READER_ISSUES } from '../rules/reader-issues';
import { CATALOGUE, type MessageKey } from './catalogue';
import { ROUND_MESSAGES } from './round';

export type { MessageKey } from './catalogue';
export { CATALOGUE } from './catalogue';

export type MessageParams = Record<string, string | number | null | undefined>;

/** Numbers in messages: at most 4 decimals, no float noise (0.1 + 0.2). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 1e4) / 1e4;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export function message(key: MessageKey | string, params: MessageParams = {}, lang: Lang = 'zh'): string {
  const entry =
    (CATALOGUE as Record<string, { zh: string; en: string }>)[key] ??
    (READER_ISSUES as Record<string, { zh: string; en: string }>)[key] ??
    ROUND_MESSAGES[key];
  const template = entry ? entry[lang] ?? entry.zh : key;
  return template.replace(/\{(\w+)\}/g, (_whole: string, name: string) => {
    const v = params[name];
    // A parameter a caller (often a reader) left out shows as "?", never as
    // a raw {placeholder}.
    if (v === undefined || v === null) return '?';
    return typeof v === 'number' ? formatNumber(v) : v;
  });
}
