/** The language of ordinary CLI output (errors are always bilingual, Chinese first). */

export type Lang = 'zh' | 'en';

import { UsageError } from './errors';

export function parseLang(value: string | undefined): Lang {
  const v = (value ?? process.env.PLANSHEET_LANG ?? 'zh').toLowerCase();
  if (v === 'zh' || v === 'zh-cn' || v === 'cn') return 'zh';
  if (v === 'en') return 'en';
  throw new UsageError(`不支持的语言“${value}”，可选：zh、en`, `unsupported language "${value}": use zh or en`);
}

/** Picks the text for the language. */
export function t(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

/** "1 workbook", "2 workbooks": English counts with the right plural. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
