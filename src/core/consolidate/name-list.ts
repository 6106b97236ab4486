/**
 * A list of unit names for a sentence or a cell. At town scale a list can
 * name a thousand towns; nobody reads that, and Excel cells stop at 32,767
 * characters. The first few are named and the rest counted.
 */

/** "甲、乙、丙" or, beyond `max`, "甲、乙、丙 等 1,000 个". */
export function nameList(names: readonly string[], max = 10, lang: 'zh' | 'en' = 'zh'): string {
  if (names.length <= max) return names.join(lang === 'en' ? ', ' : '、');
  const shown = names.slice(0, max);
  return lang === 'en' ? `${shown.join(', ')} and ${names.length - max} more (${names.length} in all)` : `${shown.join('、')} 等 ${names.length} 个`;
}
