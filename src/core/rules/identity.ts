/**
 * Whose return is this? Three witnesses name the unit: the metadata the
 * generator wrote (the template's unit), the 填报单位 cell the filler may edit,
 * and the file's name. When 常熟 fills 张家港's template and names the file
 * 常熟, crediting it to 张家港 silently would put 常熟's numbers in 张家港's
 * row; an error naming all three lets the office decide instead.
 *
 * A witness that names no unit of the plan says nothing (a file called
 * "报表(1).xlsx"); mentions of the unit's own parents (苏州市 in a district's
 * file name) are not a disagreement.
 */

import type { Plan, ReportingUnit } from '../plan/types';
import type { ParsedReturn } from '../return/types';
import type { Finding, Lang } from './finding';
import { message } from '../i18n';
import { SHEETS } from '../template/layout';

/** The rule id of a disagreement; consolidation rejects a return that has it. */
export const IDENTITY_RULE = 'identity.unit-mismatch';

interface Mention {
  unit: ReportingUnit;
  start: number;
  end: number;
}

/**
 * The units' words (names, short names, codes in upper case), built once per
 * unit list: a town-level plan has thousands of units, and every return's
 * file name and 填报单位 cell is looked through.
 */
interface WordIndex {
  count: number;
  /** Word → the units it names (positions in the list). */
  byWord: Map<string, number[]>;
  /** The lengths of the words, to look up every piece of a text of each length. */
  lengths: number[];
  /** Units with a word shorter than two characters (looked for in full every time). */
  short: number[];
}

const wordIndexes = new WeakMap<readonly ReportingUnit[], WordIndex>();

function wordIndex(units: readonly ReportingUnit[]): WordIndex {
  let ix = wordIndexes.get(units);
  if (ix && ix.count === units.length) return ix;
  const byWord = new Map<string, number[]>();
  const lengths = new Set<number>();
  const short: number[] = [];
  units.forEach((unit, i) => {
    const words = [unit.name, unit.shortName].filter((w): w is string => !!w && w.length >= 2);
    words.push(unit.code.toUpperCase());
    for (const word of words) {
      if (word.length < 2) {
        if (!short.includes(i)) short.push(i);
        continue;
      }
      const list = byWord.get(word);
      if (list) list.push(i);
      else byWord.set(word, [i]);
      lengths.add(word.length);
    }
  });
  ix = { count: units.length, byWord, lengths: [...lengths], short };
  wordIndexes.set(units, ix);
  return ix;
}

/** The units any of whose words occurs somewhere in the text (or its upper case), in list order: a superset of the ones it names. */
function candidates(text: string, upper: string, units: readonly ReportingUnit[]): ReportingUnit[] {
  const ix = wordIndex(units);
  const hit = new Set<number>(ix.short);
  for (const t of text === upper ? [text] : [text, upper]) {
    for (const len of ix.lengths) {
      for (let i = 0; i + len <= t.length; i++) {
        const list = ix.byWord.get(t.slice(i, i + len));
        if (list) for (const u of list) hit.add(u);
      }
    }
  }
  return [...hit].sort((a, b) => a - b).map((i) => units[i]);
}

/** Units a text names by code, full name or short name; a mention inside a longer one does not count. */
export function unitsNamedIn(text: string, units: readonly ReportingUnit[]): ReportingUnit[] {
  const found: Mention[] = [];
  const upper = text.toUpperCase();
  for (const unit of candidates(text, upper, units)) {
    for (const word of [unit.name, unit.shortName].filter((w): w is string => !!w && w.length >= 2)) {
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) found.push({ unit, start: i, end: i + word.length });
    }
    // A code counts only as a whole token: 320582 inside 3205821 is not a mention.
    const code = unit.code.toUpperCase();
    for (let i = upper.indexOf(code); i >= 0; i = upper.indexOf(code, i + 1)) {
      const before = upper[i - 1] ?? '';
      const after = upper[i + code.length] ?? '';
      if (!/[0-9A-Z-]/.test(before) && !/[0-9A-Z-]/.test(after)) found.push({ unit, start: i, end: i + code.length });
    }
  }
  const kept = found.filter((m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  return [...new Set(kept.map((m) => m.unit))];
}

/** The file's own name without folders and extension. */
function baseName(source: string): string {
  const last = source.split(/[\\/]/).pop() ?? source;
  return last.replace(/\.[^.]*$/, '');
}

function ancestorsOf(unit: ReportingUnit, units: readonly ReportingUnit[]): Set<string> {
  const out = new Set<string>();
  let p = unit.parent;
  while (p && !out.has(p)) {
    out.add(p);
    p = units.find((u) => u.code === p)?.parent;
  }
  return out;
}

/** The witness's verdict: the other units it names, or null when it agrees or says nothing. */
function othersNamed(text: string, unit: ReportingUnit, units: readonly ReportingUnit[]): ReportingUnit[] | null {
  const named = unitsNamedIn(text, units);
  if (named.some((u) => u.code === unit.code)) return null;
  const parents = ancestorsOf(unit, units);
  const others = named.filter((u) => !parents.has(u.code));
  return others.length ? others : null;
}

/** Findings comparing the metadata's unit with the 填报单位 cell and the file name. */
export function unitIdentityFindings(plan: Plan, ret: ParsedReturn, lang: Lang): Finding[] {
  const code = ret.meta?.unitCode;
  const unit = code ? plan.units.find((u) => u.code === code) : undefined;
  if (!unit) return [];
  const cell = ret.reporter?.unit?.trim() ?? '';
  const file = baseName(ret.source);
  const byCell = cell ? othersNamed(cell, unit, plan.units) : null;
  const byFile = othersNamed(file, unit, plan.units);
  if (!byCell && !byFile) return [];
  const label = (u: ReportingUnit) => (lang === 'en' ? `${u.nameEn ?? u.name} (${u.code})` : `${u.name}（${u.code}）`);
  const sep = lang === 'en' ? ', ' : '、';
  const none = message('identity.says-nothing', {}, lang);
  const agrees = message('identity.agrees', {}, lang);
  const text = message(
    IDENTITY_RULE,
    {
      meta: label(unit),
      cell: cell || message('identity.blank', {}, lang),
      cellUnits: byCell ? byCell.map(label).join(sep) : cell && unitsNamedIn(cell, plan.units).length ? agrees : none,
      file: ret.source.split(/[\\/]/).pop() ?? ret.source,
      fileUnits: byFile ? byFile.map(label).join(sep) : unitsNamedIn(file, plan.units).length ? agrees : none,
    },
    lang,
  );
  return [{ severity: 'error', rule: IDENTITY_RULE, code: null, sheet: SHEETS.instructions, cell: null, message: text }];
}
