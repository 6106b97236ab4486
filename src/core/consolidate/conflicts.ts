/**
 * Two or more accepted returns from one unit: their values must never be
 * added twice. With `conflict: 'report'` all of them are set aside; with
 * 'latest' the newest is kept. "Newest" is decided by the first of these that
 * tells the returns apart: the report date the filler typed (填报日期), the
 * file's modification time, then the template's generation time (which only
 * differs when a unit was sent a fresh template). The reason says which.
 */

import type { ParsedReturn } from '../return/types';
import type { Lang } from '../rules/finding';
import type { Item } from './intake';
import { message, type MessageKey } from '../i18n';

/** Parses the dates people and programs write: ISO, 2023/1/5, 2023.1.5, 2023年1月5日. */
export function parseWhen(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.trim();
  const cn = /^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (cn) {
    const [, y, m, d, hh, mm, ss] = cn;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0));
    return Number.isFinite(ms) ? ms : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const ms = Date.parse(t);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

interface Criterion {
  by: MessageKey;
  when: (r: ParsedReturn) => string | undefined;
}

const CRITERIA: Criterion[] = [
  { by: 'by.reporter-date', when: (r) => r.reporter?.date },
  { by: 'by.modified', when: (r) => r.modifiedAt },
  { by: 'by.generated', when: (r) => r.meta?.generatedAt },
];

export type ConflictDecision =
  | { kind: 'latest'; keep: number; by: MessageKey; shown: string[] }
  | { kind: 'undecidable' };

/** Which of a unit's returns is the newest, and by what; indexes into `rets`. */
export function pickLatest(rets: ParsedReturn[], _lang: Lang): ConflictDecision {
  for (const c of CRITERIA) {
    const times = rets.map((r) => parseWhen(c.when(r)));
    if (times.some((t) => t === null)) continue;
    const max = Math.max(...(times as number[]));
    if (times.filter((t) => t === max).length !== 1) continue;
    return { kind: 'latest', keep: times.indexOf(max), by: c.by, shown: rets.map((r) => c.when(r) ?? '') };
  }
  return { kind: 'undecidable' };
}

/** The accepted returns by unit once conflicts are settled. */
export interface Settled {
  /** Unit → the return whose values are used. */
  used: Map<string, Item>;
  /** Units that sent more than one accepted return. */
  contested: Set<string>;
}

/**
 * Step 2 of a consolidation: more than one accepted return from a unit.
 * Marks the set-aside returns `conflict` with a reason; returns the ones to use.
 */
export function settleConflicts(items: Item[], mode: 'report' | 'latest' | undefined, unitText: (code: string) => string, lang: Lang): Settled {
  const msg = (key: string, params: Record<string, string | number> = {}) => message(key, params, lang);
  const byUnit = new Map<string, Item[]>();
  for (const it of items) {
    if (it.outcome.status !== 'accepted') continue;
    const u = it.outcome.unit!;
    byUnit.set(u, [...(byUnit.get(u) ?? []), it]);
  }
  const used = new Map<string, Item>();
  const contested = new Set<string>();
  for (const [unit, group] of byUnit) {
    if (group.length === 1) {
      used.set(unit, group[0]);
      continue;
    }
    contested.add(unit);
    const others = (it: Item) => group.filter((g) => g !== it).map((g) => g.file).join('、');
    const decision = mode === 'latest' ? pickLatest(group.map((g) => g.ret!), lang) : null;
    if (decision?.kind === 'latest') {
      const kept = group[decision.keep];
      used.set(unit, kept);
      group.forEach((g, i) => {
        if (g === kept) return;
        g.outcome.status = 'conflict';
        g.outcome.reason = msg('return.superseded', { unit: unitText(unit), kept: kept.file, by: msg(decision.by), keptDate: decision.shown[decision.keep], date: decision.shown[i] });
      });
    } else {
      for (const g of group) {
        g.outcome.status = 'conflict';
        g.outcome.reason = msg(decision ? 'return.undecidable' : 'return.conflict', { unit: unitText(unit), others: others(g) });
      }
    }
  }
  return { used, contested };
}
