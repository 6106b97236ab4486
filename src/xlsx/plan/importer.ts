/**
 * The plan workbook reader's shared state: the sheets found by their Chinese
 * word, every problem collected with its cell, the source path → cell map, and
 * small helpers (columns by header, data rows, dropdown choices).
 */

import type { PlanIssue } from '../../core/plan/load';
import type { ReportingUnit } from '../../core/plan/types';
import { message, type MessageKey, type MessageParams } from '../../core/i18n';
import { a1 } from '../../core/a1';
import type { GridSheet } from './grid';
import { HEADER_ROW, PLAN_SHEETS, choiceOf, type Column, type PlanSheetKey } from './layout';

export type ImportLang = 'zh' | 'en' | 'both';

/** A plan file in its source form (schema.ts), as the sheets are read. */
export type Src = Record<string, unknown>;

export class Importer {
  readonly issues: PlanIssue[] = [];
  /** Source field path → the cell it came from. */
  readonly where = new Map<string, string>();
  private readonly sheets = new Map<PlanSheetKey, GridSheet>();

  constructor(
    grid: GridSheet[],
    readonly registry: { units: ReportingUnit[] },
    private readonly lang: ImportLang,
  ) {
    for (const s of grid) {
      const zh = s.name.trim().split(/\s+/)[0];
      const key = (Object.keys(PLAN_SHEETS) as PlanSheetKey[]).find((k) => PLAN_SHEETS[k].zh === zh);
      if (key && !this.sheets.has(key)) this.sheets.set(key, s);
    }
  }

  words(key: MessageKey, params: MessageParams = {}): string {
    if (this.lang !== 'both') return message(key, params, this.lang);
    return `${message(key, params, 'zh')}\n      ${message(key, params, 'en')}`;
  }

  issue(at: string, key: MessageKey, params: MessageParams = {}): void {
    this.issues.push({ path: at, message: this.words(key, params) });
  }

  has(key: PlanSheetKey): boolean {
    return this.sheets.has(key);
  }

  sheet(key: PlanSheetKey, required: boolean): GridSheet | undefined {
    const s = this.sheets.get(key);
    if (!s && required) this.issue(`${PLAN_SHEETS[key].zh} ${PLAN_SHEETS[key].en}`, 'planwb.sheet-missing', { sheet: PLAN_SHEETS[key].zh });
    return s;
  }

  /** Column numbers by key, found by header text (either language); a missing required column is an issue. */
  columns(s: GridSheet, cols: readonly Column[], optional: string[] = []): Map<string, number> | null {
    const found = new Map<string, number>();
    for (let c = 1; c <= s.maxCol; c++) {
      const [zh, en] = s.text(HEADER_ROW, c).split(/\n/).map((x) => x.trim());
      const col = cols.find((k) => k.zh === zh || k.en === zh || (en !== undefined && k.en === en));
      if (col && !found.has(col.key)) found.set(col.key, c);
    }
    let ok = true;
    for (const c of cols) {
      if (found.has(c.key) || optional.includes(c.key)) continue;
      this.issue(`${s.name}!${a1(HEADER_ROW, 1)}`, 'planwb.column-missing', { sheet: s.name, row: HEADER_ROW, column: `${c.zh} ${c.en}` });
      ok = false;
    }
    return ok ? found : null;
  }

  /** Data rows with something in one of these columns. */
  *rows(s: GridSheet, cols: Iterable<number>): Generator<number> {
    const list = [...cols];
    for (let r = HEADER_ROW + 1; r <= s.maxRow; r++) if (list.some((c) => s.text(r, c) !== '')) yield r;
  }

  ref(s: GridSheet, row: number, col: number): string {
    return `${s.name}!${a1(row, col)}`;
  }

  choice<K extends string>(s: GridSheet, row: number, col: number, words: Record<K, string>, field: string): K | undefined {
    const text = s.text(row, col);
    const k = choiceOf(words, text);
    if (!k) this.issue(this.ref(s, row, col), text ? 'planwb.choice' : 'planwb.required', { value: text, field, options: Object.values(words).join('、') });
    return k;
  }
}
