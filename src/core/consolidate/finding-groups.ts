/**
 * Findings grouped for the problem list (问题清单): one unit's ten blank
 * cells are one line ("F5、F7、F9 …") that the office can forward to that
 * unit, not ten lines that bury the one error that matters.
 *
 * A group is one file, one unit, one rule and one severity; the cells,
 * indicator codes and distinct messages keep the order the findings came in
 * (errors first, then by row, as the rules sort them).
 */

import type { Finding, Severity } from '../rules/finding';

/** A consolidation finding: a finding with the return it came from. */
export type FileFinding = Finding & { file: string; unit: string | null };

export interface FindingGroup {
  file: string;
  unit: string | null;
  rule: string;
  severity: Severity;
  /** The sheet of the cells (the first finding's, when they differ). */
  sheet: string | null;
  /** A1 addresses, each once, in order. */
  cells: string[];
  /** Indicator codes, each once, in order. */
  codes: string[];
  /** Distinct messages, in order. */
  messages: string[];
  /** How many findings the group stands for. */
  count: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Groups findings by file, unit, rule and severity; groups sorted errors first, then in input order. */
export function groupFindings(findings: readonly FileFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    // No NUL in a path, a unit code, a rule id or a severity; a null unit is not the code "".
    const key = `${f.file}\u0000${f.unit === null ? '\u0001' : f.unit}\u0000${f.rule}\u0000${f.severity}`;
    let g = groups.get(key);
    if (!g) {
      g = { file: f.file, unit: f.unit, rule: f.rule, severity: f.severity, sheet: f.sheet, cells: [], codes: [], messages: [], count: 0 };
      groups.set(key, g);
    }
    g.count++;
    if (f.cell && !g.cells.includes(f.cell)) g.cells.push(f.cell);
    if (f.code && !g.codes.includes(f.code)) g.codes.push(f.code);
    if (f.message && !g.messages.includes(f.message)) g.messages.push(f.message);
  }
  // Array.prototype.sort is stable: within a severity, first-seen order stays.
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
