/**
 * The consolidation as plain tables (rows of cell values) for the add-in to
 * write with Office.js. Sheet names and headers are the CLI summary
 * workbook's (src/xlsx/summary/labels.ts), so both outputs read the same.
 * Also the small helper tables the attainment charts are drawn from.
 */

import type { Consolidation, ReturnOutcome } from '../core/consolidate/types';
import { parsePeriod, targetKey } from '../core/period';
import { evaluateTarget } from '../core/plan/target';
import type { Plan } from '../core/plan/types';
import {
  ATTAINMENT_WORDS,
  FINDING_HEADERS,
  STATUS_WORDS,
  SUBMISSION_HEADERS,
  SUBMITTED_WORDS,
  SUMMARY_LEADING_HEADERS,
  SUMMARY_SHEETS,
} from '../xlsx/summary/labels';
import { unitColumns, unitLabel } from '../xlsx/summary/units';
import { cleanText } from '../xlsx/summary/cells';
import { allLeadingValues } from '../xlsx/summary/leading';
import { findingRows } from '../xlsx/summary/finding-rows';
import { numToCol } from '../core/a1';

export type CellValue = string | number | boolean;

export interface Table {
  /** Rows written from A1 down; every row has the same length. */
  rows: CellValue[][];
  /** 1-based rows to style as headers. */
  headerRows: number[];
  /** 1-based title row (bold, larger), if any. */
  titleRow?: number;
}

export interface ChartSpec {
  title: string;
  /** Helper table position on the summary sheet (A1 of its header) and its rows. */
  at: string;
  rows: CellValue[][];
}

export interface SummaryTables {
  sheets: { name: string; table: Table }[];
  /** Charts placed on the summary sheet, each drawn from its helper table. */
  charts: ChartSpec[];
}

export function buildSummaryTables(plan: Plan, c: Consolidation): SummaryTables {
  const units = unitColumns(plan, c);
  const sheetName = SUMMARY_SHEETS.summary;

  // 汇总: the key columns first (代码 … 达标情况, then 计算方式 and the
  // districts-vs-lead difference), then one column per unit, as in the CLI workbook.
  const width = SUMMARY_LEADING_HEADERS.length + units.length;
  const pad = (row: CellValue[]) => [...row, ...Array(Math.max(0, width - row.length)).fill('')];
  const summary: CellValue[][] = [
    pad([`${plan.title} 指标汇总`]),
    pad([`期间：${c.period}　报表 ${c.returns.filter((r) => r.status === 'accepted').length} 份`]),
    [...SUMMARY_LEADING_HEADERS, ...units.map((u) => u.label)],
  ];
  // The leading cells are the CLI workbook's own (src/xlsx/summary/leading.ts).
  allLeadingValues(plan, c).forEach((lead, i) => {
    const ind = c.indicators[i];
    summary.push([
      ...lead.map((v) => v ?? ''),
      // Qualitative goals carry the unit's words, as in the CLI workbook.
      ...units.map((u) => (ind.texts?.[u.code] != null ? cleanText(ind.texts[u.code]) : num(ind.units[u.code]))),
    ]);
  });

  // 报送情况
  const submissions: CellValue[][] = [pad2([`报送情况（${plan.title}，${c.period}）`], SUBMISSION_HEADERS.length), [...SUBMISSION_HEADERS]];
  const listed = new Set<string>();
  for (const u of units) {
    listed.add(u.code);
    const mine = c.returns.filter((r) => r.unit === u.code);
    const accepted = mine.find((r) => r.status === 'accepted');
    const other = mine.find((r) => r.status !== 'accepted');
    const o = accepted ?? other;
    const word = accepted ? SUBMITTED_WORDS.yes : other ? (other.status === 'conflict' ? SUBMITTED_WORDS.conflict : SUBMITTED_WORDS.rejected) : SUBMITTED_WORDS.no;
    const reason = o ? o.reason || STATUS_WORDS[o.status] : c.missing.includes(u.code) ? '缺报' : '';
    submissions.push([u.name, word, ...outcome(o), reason]);
  }
  for (const r of c.returns) {
    if (r.unit && listed.has(r.unit)) continue;
    submissions.push([r.unit ? unitLabel(plan, r.unit) : '（未识别）', STATUS_WORDS[r.status], ...outcome(r), r.reason || STATUS_WORDS[r.status]]);
  }

  // 问题清单
  const findings: CellValue[][] = [[...FINDING_HEADERS]];
  // Grouped per unit, file and problem, as in the CLI workbook (src/xlsx/summary/finding-rows.ts).
  for (const row of findingRows(plan, c)) findings.push(row.map((v) => v ?? ''));

  // Chart helper tables, to the right of the summary (one blank column between).
  const helperCol = colName(width + 1);
  const byCategory: CellValue[][] = [['类型', ATTAINMENT_WORDS.met, ATTAINMENT_WORDS.missed]];
  for (const cat of plan.categories) {
    const inds = c.indicators.filter((i) => i.category === cat.id);
    if (!inds.length) continue;
    byCategory.push([
      cat.name,
      inds.filter((i) => i.city.attained === 'met').length,
      inds.filter((i) => i.city.attained === 'missed').length,
    ]);
  }
  const p = parsePeriod(c.period);
  const tk = p ? targetKey(p) : c.period;
  const byDistrict: CellValue[][] = [['区县', ATTAINMENT_WORDS.met, ATTAINMENT_WORDS.missed]];
  for (const u of units.filter((x) => x.kind === 'district')) {
    let met = 0;
    let missed = 0;
    for (const ind of c.indicators) {
      const v = ind.units[u.code];
      const def = plan.indicators.find((i) => i.code === ind.code);
      if (typeof v !== 'number' || !def) continue;
      const e = evaluateTarget(def.targets[tk], v);
      if (!e) continue;
      if (e.met) met++;
      else missed++;
    }
    byDistrict.push([u.label, met, missed]);
  }
  const charts: ChartSpec[] = [];
  if (byCategory.length > 1) charts.push({ title: '按类型达标情况', at: `${helperCol}3`, rows: byCategory });
  if (byDistrict.length > 1) {
    const row = 3 + byCategory.length + 2;
    charts.push({ title: '按区县达标情况', at: `${helperCol}${row}`, rows: byDistrict });
  }

  return {
    sheets: [
      { name: sheetName, table: { rows: summary, headerRows: [3], titleRow: 1 } },
      { name: SUMMARY_SHEETS.submissions, table: { rows: submissions, headerRows: [2], titleRow: 1 } },
      { name: SUMMARY_SHEETS.findings, table: { rows: findings, headerRows: [1] } },
    ],
    charts,
  };
}

function pad2(row: CellValue[], width: number): CellValue[] {
  return [...row, ...Array(Math.max(0, width - row.length)).fill('')];
}

function num(v: number | null | undefined): CellValue {
  return typeof v === 'number' && Number.isFinite(v) ? v : '';
}

function outcome(o: ReturnOutcome | undefined): CellValue[] {
  if (!o) return ['', '', '', '', '', ''];
  return [o.file, o.date ?? o.generatedAt ?? '', o.contact ?? '', o.phone ?? '', o.errors, o.warnings];
}

/** 1-based column number → letters. */
export const colName = numToCol;
