/**
 * The rows of 问题清单 (FINDING_HEADERS) as plain values: findings grouped
 * per unit, file and problem (src/core/consolidate/finding-groups.ts), the
 * problem in words, the cells and indicators listed. Shared by the CLI
 * workbook and the add-in. No ExcelJS here.
 */

import type { Consolidation } from '../../core/consolidate/types';
import { groupFindings, type FindingGroup } from '../../core/consolidate/finding-groups';
import type { Plan } from '../../core/plan/types';
import { SEVERITY_WORDS } from './labels';
import { cleanText } from './cells';
import { ruleName } from './rule-names';
import { unitLabel } from './units';

export type FindingValue = string | number | null;

/** At most this many distinct messages are quoted in full; the rest are counted. */
const MAX_MESSAGES = 3;

/** At most this many indicator codes are listed; the cells say where the rest are. */
const MAX_CODES = 6;

/**
 * The cells as short as they can be read: runs of rows in one column become
 * a range ("F5:F12、F14、H5").
 */
export function compactCells(cells: readonly string[]): string {
  const parsed = cells.map((c) => /^([A-Z]{1,3})(\d+)$/.exec(c));
  if (parsed.some((m) => !m)) return cells.join('、');
  const out: string[] = [];
  let i = 0;
  while (i < parsed.length) {
    const [, col, row] = parsed[i]!;
    let j = i;
    while (j + 1 < parsed.length && parsed[j + 1]![1] === col && Number(parsed[j + 1]![2]) === Number(parsed[j]![2]) + 1) j++;
    out.push(j > i ? `${col}${row}:${col}${parsed[j]![2]}` : `${col}${row}`);
    i = j + 1;
  }
  return out.join('、');
}

function codeList(codes: readonly string[]): string {
  return codes.length > MAX_CODES ? `${codes.slice(0, MAX_CODES).join('、')} 等 ${codes.length} 项` : codes.join('、');
}

/** 说明 of a group: its messages, the first few in full. */
export function groupMessage(g: FindingGroup): string {
  const shown = g.messages.slice(0, MAX_MESSAGES).join('；');
  const more = g.messages.length - MAX_MESSAGES;
  return cleanText(more > 0 ? `${shown}；另有 ${more} 条同类问题，见所列单元格` : shown);
}

export function findingRows(plan: Plan, c: Consolidation): FindingValue[][] {
  const text = (t: string | null | undefined) => (t ? cleanText(t) : null);
  return groupFindings(c.findings).map((g) => [
    text(g.unit ? unitLabel(plan, g.unit) : null),
    SEVERITY_WORDS[g.severity] ?? g.severity,
    ruleName(g.rule),
    g.count,
    text(g.sheet),
    text(compactCells(g.cells)),
    text(codeList(g.codes)),
    groupMessage(g) || null,
    text(g.file),
    g.rule,
  ]);
}
