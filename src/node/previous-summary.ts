/**
 * Last period's values from last period's city summary workbook (the
 * consolidate --out file), for generate --previous. The 数据溯源 sheet gives
 * each unit value that made a figure; the 汇总 sheet's unit columns give the
 * rest. Only the plan's indicator codes and units are taken; numbers only
 * from 汇总 (its text cells are states such as 未报), the words of a
 * qualitative answer from 数据溯源.
 */

import ExcelJS from 'exceljs';
import type { Plan } from '../core/plan/types';
import { parsePeriod, periodKey } from '../core/period';
import type { PreviousValues, UnitPrevious } from '../core/template/previous';

/** Sheet and header words of the summary workbook (src/xlsx/summary/labels.ts). */
const SUMMARY = '汇总';
const PROVENANCE = '数据溯源';

const norm = (v: unknown) => String(v ?? '').replace(/[\s\u3000]+/g, '');

function cellValue(c: ExcelJS.Cell): number | string | null {
  const v = c.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'object' && v && 'result' in v) {
    const r = (v as { result?: unknown }).result;
    return typeof r === 'number' || typeof r === 'string' ? r : null;
  }
  if (typeof v === 'object' && v && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('').trim() || null;
  return null;
}

/** The period of a summary: its title property ends with the period key; else the 期间 of its subtitle. */
function summaryPeriod(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet | undefined): string | null {
  const key = /\s(\d{4}(?:H[12]|Q[1-4])?)\s*$/.exec(wb.title ?? '')?.[1];
  if (key && parsePeriod(key)) return key;
  for (let r = 1; ws && r <= 3; r++) {
    const m = /期间：(\d{4})年/.exec(String(cellValue(ws.getCell(r, 1)) ?? ''));
    if (m) return m[1];
  }
  return null;
}

/**
 * Reads the summary at `file`. Returns null when the workbook is not a
 * PlanSheet summary of this plan (no sheet or no indicator code of the plan).
 */
export async function previousFromSummary(file: string, plan: Plan): Promise<PreviousValues | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const codes = new Set(plan.indicators.map((i) => i.code));
  const unitByLabel = new Map<string, string>();
  for (const u of plan.units) for (const l of [u.code, u.name, u.shortName]) if (l) unitByLabel.set(norm(l), u.code);
  const byUnit = new Map<string, UnitPrevious>();
  const put = (unit: string | undefined, code: string, v: number | string | null, overwrite: boolean) => {
    if (!unit || !codes.has(code) || v === null) return;
    let m = byUnit.get(unit);
    if (!m) byUnit.set(unit, (m = new Map()));
    if (overwrite || !m.has(code)) m.set(code, v);
  };

  const prov = wb.getWorksheet(PROVENANCE);
  if (prov) {
    // Header row 1: 指标代码, 指标, 单位, 数值, …
    const col = new Map<string, number>();
    prov.getRow(1).eachCell((c, n) => col.set(norm(cellValue(c)), n));
    const [cc, uc, vc] = [col.get('指标代码'), col.get('单位'), col.get('数值')];
    if (cc && uc && vc)
      for (let r = 2; r <= prov.rowCount; r++) {
        const row = prov.getRow(r);
        put(unitByLabel.get(norm(cellValue(row.getCell(uc)))), norm(cellValue(row.getCell(cc))), cellValue(row.getCell(vc)), true);
      }
  }

  const sum = wb.getWorksheet(SUMMARY);
  if (sum) {
    let header = 0;
    for (let r = 1; r <= 10 && !header; r++) if (norm(cellValue(sum.getCell(r, 1))) === '代码') header = r;
    if (header) {
      const unitCols: [number, string][] = [];
      sum.getRow(header).eachCell((c, n) => {
        const u = unitByLabel.get(norm(cellValue(c)));
        if (u && n > 1) unitCols.push([n, u]);
      });
      for (let r = header + 1; r <= sum.rowCount; r++) {
        const code = norm(cellValue(sum.getCell(r, 1)));
        if (!codes.has(code)) continue;
        for (const [n, u] of unitCols) {
          const v = cellValue(sum.getCell(r, n));
          if (typeof v === 'number') put(u, code, v, false);
        }
      }
    }
  }
  if (!byUnit.size) return null;
  const p = summaryPeriod(wb, sum);
  return { period: p && parsePeriod(p) ? periodKey(parsePeriod(p)!) : '上期', byUnit };
}
