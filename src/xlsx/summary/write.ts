/**
 * Writes the city summary workbook from a Consolidation. No file system here:
 * the result is the workbook's bytes, so the CLI saves them atomically and the
 * add-in can offer them for download or reuse the same sheet layout.
 */

import ExcelJS from 'exceljs';
import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { parsePeriod, periodLabel } from '../../core/period';
import { addSummarySheet } from './sheet-summary';
import { addSubmissionsSheet } from './sheet-submissions';
import { addFindingsSheet } from './sheet-findings';
import { addGridSheet } from './sheet-grid';
import { addProvenanceSheet } from './sheet-provenance';
import { addOwnTargetsSheet } from './sheet-own-targets';
import { addPreviousSheet, PREVIOUS_SHEET } from './sheet-previous';
import { unitColumns } from './units';
import { unitsBelow } from './tree-units';
import { addTownsSheet } from './sheet-towns';
import { recompress, type ZipCodec } from '../write/zip';
import { addChartsStep } from '../ooxml/charts-step';
import { SUMMARY_SHEETS } from './labels';
import { openOnFirstSheet } from '../write/book-view';

export interface SummaryOptions {
  /** When the summary was made; defaults to now (ISO or Date). */
  generatedAt?: Date;
  /** Program name and version for the workbook properties. */
  creator?: string;
  /** Raw deflate for the zip step; defaults to fflate (the CLI passes native zlib). */
  zipCodec?: ZipCodec;
}

/** China Standard Time (UTC+8, no daylight saving): the time the city office reads. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** "2024-02-01 16:00（北京时间 UTC+8）" for a moment in time. */
export function chinaTimeStamp(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
  return `${local}（北京时间 UTC+8）`;
}

function subtitle(c: Consolidation, generatedAt: Date): string {
  const p = parsePeriod(c.period);
  const accepted = new Set(c.returns.filter((r) => r.status === 'accepted' && r.unit).map((r) => r.unit));
  return [
    `期间：${p ? periodLabel(p) : c.period}`,
    `已报送单位 ${accepted.size} 个`,
    `缺报 ${c.missing.length} 个`,
    `收到文件 ${c.returns.length} 份`,
    `生成于 ${chinaTimeStamp(generatedAt)}`,
  ].join('；');
}

export async function writeSummaryWorkbook(plan: Plan, c: Consolidation, opts: SummaryOptions = {}): Promise<Uint8Array> {
  const generatedAt = opts.generatedAt ?? new Date();
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator ?? 'PlanSheet';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  wb.title = `${plan.title} 指标汇总 ${c.period}`;
  openOnFirstSheet(wb);

  const units = unitColumns(plan, c);
  // Towns below a district: 汇总 has the district's column, the towns are on 镇街明细.
  const below = unitsBelow(plan, c, new Set(units.map((u) => u.code)));
  const { charts } = addSummarySheet(wb, plan, c, below.size ? units.filter((u) => !below.has(u.code)) : units, subtitle(c, generatedAt));
  const towns = below.size ? addTownsSheet(wb, plan, c) : null;
  // Only when the plan splits its targets among units (目标分解).
  addOwnTargetsSheet(wb, plan, c);
  // Only with earlier returns, a multi-year path or units' explanations.
  const previous = addPreviousSheet(wb, plan, c);
  addSubmissionsSheet(wb, plan, c, units);
  // The sheets that grow with the number of units write their rows as bulk rows (./bulk.ts).
  const bulk = [addFindingsSheet(wb, plan, c), ...(towns ? [towns] : [])];
  bulk.push(addGridSheet(wb, plan, c, units));
  bulk.push(addProvenanceSheet(wb, plan, c));

  // Stored by ExcelJS, then finished (schema order) and deflated: see ../write/zip.ts.
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as unknown as ExcelJS.XlsxWriteOptions);
  // The charts are DrawingML parts ExcelJS cannot write: added to its package here.
  return recompress(
    stored instanceof Uint8Array ? stored : new Uint8Array(stored as ArrayBuffer),
    generatedAt,
    opts.zipCodec,
    (parts) => {
      addChartsStep(SUMMARY_SHEETS.summary, charts)(parts);
      // The planned path beside the city figure (issue 13).
      if (previous) addChartsStep(PREVIOUS_SHEET, previous.charts)(parts);
    },
    bulk,
  );
}
