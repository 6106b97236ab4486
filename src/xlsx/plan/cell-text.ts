/**
 * The plan workbook's multi-value cells, written and read the same way:
 * lists of units (names, codes or short names, "、"-separated, with the group
 * words 全部区县 / 牵头单位) and entry units per level ("区县：亿元 × 0.0001").
 */

import type { EntryUnit, Indicator, ReportingUnit, UnitKind } from '../../core/plan/types';
import { LIST_SEP, LIST_SPLIT, REPORTER_GROUPS, UNIT_KIND_WORDS, choiceOf } from './layout';

export function splitList(text: string): string[] {
  return text
    .split(LIST_SPLIT)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Unit names for a list of codes; a code without a unit stays a code. */
export function unitListText(codes: readonly string[], byCode: ReadonlyMap<string, ReportingUnit>): string {
  return codes.map((c) => byCode.get(c)?.name ?? c).join(LIST_SEP);
}

/**
 * 填报单位 as short as it can be said exactly: 全部区县 for every district of
 * the owner (in order), 牵头单位 for the lead units that follow, names for
 * the rest. Falls back to names when the groups would not expand to the same list.
 */
export function reportersText(ind: Indicator, districts: readonly string[], byCode: ReadonlyMap<string, ReportingUnit>): string {
  const r = ind.reporters;
  const tokens: string[] = [];
  let i = 0;
  if (districts.length && districts.every((d, k) => r[k] === d)) {
    tokens.push(REPORTER_GROUPS.districts);
    i = districts.length;
  }
  const rest = r.slice(i);
  const leadsAfter = ind.lead.filter((c) => !r.slice(0, i).includes(c));
  if (rest.length && rest.length === leadsAfter.length && rest.every((c, k) => c === leadsAfter[k])) tokens.push(REPORTER_GROUPS.lead);
  else tokens.push(...rest.map((c) => byCode.get(c)?.name ?? c));
  return tokens.join(LIST_SEP);
}

/** Resolves names, short names and codes to codes; group words to the plan file's groups. */
export class UnitNames {
  private readonly byWord = new Map<string, string[]>();
  constructor(units: Iterable<Pick<ReportingUnit, 'code' | 'name' | 'shortName'>>) {
    for (const u of units) {
      for (const w of new Set([u.code, u.name, u.shortName].filter((x): x is string => !!x))) {
        const list = this.byWord.get(w) ?? [];
        if (!list.includes(u.code)) list.push(u.code);
        this.byWord.set(w, list);
      }
    }
  }

  /** The code for one word, or why it cannot be one. */
  code(word: string): { code: string } | { unknown: true } | { ambiguous: string[] } {
    const codes = this.byWord.get(word.trim());
    if (!codes) return { unknown: true };
    // A code always wins over a name that happens to be spelled the same.
    if (codes.length > 1) return codes.includes(word.trim()) ? { code: word.trim() } : { ambiguous: codes };
    return { code: codes[0] };
  }
}

export function entryUnitsText(list: readonly EntryUnit[] | undefined): string {
  if (!list?.length) return '';
  return list.map((e) => `${e.kinds.map((k) => UNIT_KIND_WORDS[k]).join(LIST_SEP)}：${e.unit} × ${e.factor}`).join('；');
}

const ENTRY_UNIT_RE = /^(.+?)\s*[:：]\s*(.+?)\s*[×xX*]\s*([0-9.]+(?:[eE][+-]?\d+)?)\s*$/;

/** Reads "区县：亿元 × 0.0001；镇街：万元 × 0.00000001"; null when a part is not in that form. */
export function parseEntryUnits(text: string): EntryUnit[] | null {
  const out: EntryUnit[] = [];
  for (const part of text.split(/[；;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = ENTRY_UNIT_RE.exec(part);
    if (!m) return null;
    const kinds = splitList(m[1]).map((w) => choiceOf(UNIT_KIND_WORDS, w));
    const factor = Number(m[3]);
    if (!kinds.length || kinds.some((k) => !k) || !(factor > 0) || !Number.isFinite(factor)) return null;
    out.push({ unit: m[2], factor, kinds: kinds as UnitKind[] });
  }
  return out;
}
