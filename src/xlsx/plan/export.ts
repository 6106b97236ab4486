/**
 * Writes a plan as a workbook an administrator edits in Excel (the plan
 * workbook): 规划信息, 类型, 指标, 目标, 单位, 目标分解. Every closed choice has
 * a dropdown; assumed lead/reporter choices are shown as 推定（待核实） on an
 * orange cell so a person can confirm them. `importPlanWorkbook` reads it back
 * into the same model. No fs here: bytes out.
 */

import ExcelJS from 'exceljs';
import { rawReadsAs, readingOf } from '../../core/plan/target-reading';
import { formatTarget } from '../../core/plan/target';
import type { Indicator, Plan, ReportingUnit } from '../../core/plan/types';
import { entryUnitsText, reportersText, unitListText } from './cell-text';
import {
  ALLOCATION_COLUMNS,
  ALLOCATION_PERIOD,
  ATTRIBUTE_WORDS,
  CATEGORY_COLUMNS,
  CHECK_WORDS,
  DIRECTION_WORDS,
  HEADER_ROW,
  HINT_ROW,
  INDICATOR_COLUMNS,
  KIND_WORDS,
  META_FIELDS,
  ROLLUP_WORDS,
  TARGET_COLUMNS,
  TARGET_RAW,
  TARGET_READING,
  UNIT_COLUMNS,
  UNIT_KIND_WORDS,
  YES_NO,
  headerText,
  sheetTitle,
  type Column,
} from './layout';
import { planPeriods } from './periods';
import { recompress } from '../write/zip';
import { HINTS, S, SheetWriter, columnRange, inline, printSetup, type ListRule, type Style } from './sheet-writer';
import { openOnFirstSheet } from '../write/book-view';

export async function exportPlanWorkbook(plan: Plan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanSheet';
  openOnFirstSheet(wb);
  const byCode = new Map<string, ReportingUnit>(plan.units.map((u) => [u.code, u]));
  const districts = plan.units.filter((u) => u.kind === 'district' && u.parent === plan.owner).map((u) => u.code);
  // Dropdowns fed by other sheets' first columns (ranges include the spare rows).
  const rules = {
    category: { formula: columnRange('categories', 1, plan.categories.length), strict: true },
    indicator: { formula: columnRange('indicators', 1, plan.indicators.length), strict: true },
    unitCode: { formula: columnRange('units', 1, plan.units.length), strict: true },
    // Unit names are offered, not enforced: a cell may list several.
    unitName: { formula: columnRange('units', 2, plan.units.length), strict: false },
  } satisfies Record<string, ListRule>;

  // Sheets in the order a person reads the plan.
  writeMeta(wb, plan);

  const cats = new SheetWriter(wb, 'categories', [...CATEGORY_COLUMNS]);
  for (const c of plan.categories) cats.add({ id: c.id, name: c.name, nameEn: c.nameEn, parent: c.parent });
  cats.dropdown('parent', rules.category);

  const inds = new SheetWriter(wb, 'indicators', [...INDICATOR_COLUMNS]);
  for (const i of plan.indicators) {
    inds.add(
      {
        code: i.code,
        name: i.name,
        nameEn: i.nameEn,
        unit: i.unit,
        category: i.category,
        kind: KIND_WORDS[i.kind],
        rollup: ROLLUP_WORDS[i.rollup],
        direction: DIRECTION_WORDS[i.direction],
        attribute: ATTRIBUTE_WORDS[i.attribute ?? 'none'],
        cumulative: i.cumulative ? YES_NO.yes : YES_NO.no,
        lead: unitListText(i.lead, byCode),
        leadAssumed: i.leadAssumed ? CHECK_WORDS.assumed : CHECK_WORDS.checked,
        reporters: reportersText(i, districts, byCode),
        reportersAssumed: i.reportersAssumed ? CHECK_WORDS.assumed : CHECK_WORDS.checked,
        ...approximation(i),
        entryUnits: entryUnitsText(i.entryUnits),
        note: i.note,
        explanation: i.explanation,
        sourceDoc: i.source.doc,
        sourceWhere: i.source.where,
      },
      {
        ...(i.leadAssumed ? { lead: S.assumed, leadAssumed: S.assumed } : {}),
        ...(i.reportersAssumed ? { reporters: S.assumed, reportersAssumed: S.assumed } : {}),
      },
    );
  }
  inds.dropdown('category', rules.category);
  inds.dropdown('kind', inline(Object.values(KIND_WORDS)));
  inds.dropdown('rollup', inline(Object.values(ROLLUP_WORDS)));
  inds.dropdown('direction', inline(Object.values(DIRECTION_WORDS)));
  inds.dropdown('attribute', inline(Object.values(ATTRIBUTE_WORDS)));
  inds.dropdown('cumulative', inline(Object.values(YES_NO)));
  inds.dropdown('leadAssumed', inline(Object.values(CHECK_WORDS)));
  inds.dropdown('reportersAssumed', inline(Object.values(CHECK_WORDS)));
  inds.dropdown('lead', rules.unitName);

  writeTargets(wb, plan, planPeriods(plan));

  const units = new SheetWriter(wb, 'units', [...UNIT_COLUMNS]);
  for (const u of plan.units)
    units.add({ code: u.code, name: u.name, shortName: u.shortName, nameEn: u.nameEn, kind: UNIT_KIND_WORDS[u.kind], parent: u.parent });
  units.dropdown('kind', inline(Object.values(UNIT_KIND_WORDS)));
  units.dropdown('parent', rules.unitCode);

  writeAllocations(wb, plan, byCode, rules.indicator, rules.unitCode);

  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as unknown as ExcelJS.XlsxWriteOptions);
  return recompress(stored instanceof Uint8Array ? stored : new Uint8Array(stored as ArrayBuffer));
}

/**
 * Tolerance ("约 5%": 0.05, shown as 5%) and plausibility limits of one unit's
 * value, where the plan states them (fields of the shared model contract).
 */
function approximation(i: Indicator): Record<string, string | number | undefined> {
  const x = i as Indicator & { tolerance?: number; limits?: { min?: number; max?: number } };
  return {
    tolerance: x.tolerance === undefined ? undefined : `${Number((x.tolerance * 100).toPrecision(12))}%`,
    limitMin: x.limits?.min,
    limitMax: x.limits?.max,
  };
}

function writeMeta(wb: ExcelJS.Workbook, plan: Plan): void {
  const ws = wb.addWorksheet(sheetTitle('meta'), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  printSetup(ws);
  ws.getCell(HINT_ROW, 1).value = HINTS.meta;
  ws.getCell(HINT_ROW, 1).style = S.hint;
  const heads = [
    { zh: '项目', en: 'field', width: 16 },
    { zh: '字段', en: 'key', width: 14 },
    { zh: '值', en: 'value', width: 70 },
  ];
  heads.forEach((h, i) => {
    const c = ws.getCell(HEADER_ROW, i + 1);
    c.value = headerText(h);
    c.style = S.header;
    ws.getColumn(i + 1).width = h.width;
  });
  ws.getRow(HEADER_ROW).height = 32;
  const values: Record<string, string | undefined> = {
    id: plan.id,
    title: plan.title,
    titleEn: plan.titleEn,
    docNumber: plan.docNumber,
    issuer: plan.issuer,
    formNumber: plan.formNumber,
    formAuthority: plan.formAuthority,
    date: plan.date,
    years: plan.years.join('、'),
    owner: plan.owner,
    parentPlan: plan.parentPlan,
    source: plan.source,
  };
  META_FIELDS.forEach((f, i) => {
    const r = HEADER_ROW + 1 + i;
    ws.getCell(r, 1).value = `${f.zh}\n${f.en}`;
    ws.getCell(r, 1).style = S.reference;
    ws.getCell(r, 2).value = f.key;
    ws.getCell(r, 2).style = S.reference;
    const v = ws.getCell(r, 3);
    // Text, never a number or a date: 2021-01-01 must stay as written.
    if (values[f.key] !== undefined) v.value = values[f.key];
    v.style = { ...S.cell, numFmt: '@' };
    ws.getRow(r).height = 30;
  });
}

function writeTargets(wb: ExcelJS.Workbook, plan: Plan, periods: string[]): void {
  const columns: Column[] = [...TARGET_COLUMNS];
  for (const p of periods) {
    columns.push({ key: `raw:${p}`, zh: `${p} ${TARGET_RAW.zh}`, en: `${p} ${TARGET_RAW.en}`, width: 16 });
    columns.push({ key: `reading:${p}`, zh: `${p} ${TARGET_READING.zh}`, en: `${p} ${TARGET_READING.en}`, width: 14 });
  }
  const sheet = new SheetWriter(wb, 'targets', columns);
  const textStyle = { ...S.cell, numFmt: '@' } as Style;
  const styles: Record<string, Style> = { name: S.reference, unit: S.reference };
  for (const p of periods) styles[`raw:${p}`] = styles[`reading:${p}`] = textStyle;
  for (const i of plan.indicators) {
    const values: Record<string, string | undefined> = { code: i.code, name: i.name, unit: i.unit };
    for (const p of periods) {
      const t = i.targets[p];
      if (!t) continue;
      values[`raw:${p}`] = t.raw;
      if (!rawReadsAs(t, i.direction)) values[`reading:${p}`] = readingOf(t);
    }
    sheet.add(values, styles);
  }
}

function allocationRows(plan: Plan): { ind: Indicator; unit: string }[] {
  const rows: { ind: Indicator; unit: string }[] = [];
  const has = new Set<string>();
  const push = (ind: Indicator, unit: string) => {
    const k = `${ind.code}|${unit}`;
    if (has.has(k)) return;
    has.add(k);
    rows.push({ ind, unit });
  };
  const byInd = new Map(plan.indicators.map((i) => [i.code, i]));
  const allocated = new Set((plan.allocations ?? []).map((a) => `${a.indicator}|${a.unit}`));
  const unitOrder = new Map(plan.units.map((u, k) => [u.code, k]));
  for (const ind of plan.indicators) {
    // A line ready for every unit whose share of a city total, or whose own limit, can be allocated.
    const offered = (ind.rollup === 'sum' || ind.rollup === 'limit') && ind.kind !== 'text';
    const units = ind.reporters.filter((u) => (offered && !ind.lead.includes(u)) || allocated.has(`${ind.code}|${u}`));
    units.sort((a, b) => (unitOrder.get(a) ?? 0) - (unitOrder.get(b) ?? 0)).forEach((u) => push(ind, u));
  }
  for (const a of plan.allocations ?? []) {
    const ind = byInd.get(a.indicator);
    if (ind) push(ind, a.unit);
  }
  return rows;
}

function writeAllocations(
  wb: ExcelJS.Workbook,
  plan: Plan,
  byCode: Map<string, ReportingUnit>,
  indicatorRule: ListRule,
  unitCodeRule: ListRule,
): void {
  const periods = plan.years.map(String);
  for (const a of plan.allocations ?? []) if (!periods.includes(a.period)) periods.push(a.period);
  periods.sort();
  const columns: Column[] = [...ALLOCATION_COLUMNS];
  for (const p of periods) columns.push({ key: `period:${p}`, zh: `${p} ${ALLOCATION_PERIOD.zh}`, en: `${p} ${ALLOCATION_PERIOD.en}`, width: 14 });
  const sheet = new SheetWriter(wb, 'allocations', columns);
  const styles: Record<string, Style> = { name: S.reference, unit: S.reference, unitName: S.reference, cityTarget: S.reference };
  for (const p of periods) styles[`period:${p}`] = { ...S.toFill, numFmt: '@' };
  const byKey = new Map((plan.allocations ?? []).map((a) => [`${a.indicator}|${a.unit}|${a.period}`, a]));
  for (const { ind, unit } of allocationRows(plan)) {
    const values: Record<string, string | undefined> = {
      indicator: ind.code,
      name: ind.name,
      unit: ind.unit,
      unitCode: unit,
      unitName: byCode.get(unit)?.name,
      cityTarget: periods
        .filter((p) => ind.targets[p])
        .map((p) => `${p}：${formatTarget(ind.targets[p], ind.unit)}`)
        .join('；'),
    };
    for (const p of periods) {
      const a = byKey.get(`${ind.code}|${unit}|${p}`);
      if (a) values[`period:${p}`] = rawReadsAs(a.target, ind.direction) ? a.target.raw : readingOf(a.target);
    }
    sheet.add(values, styles);
  }
  sheet.dropdown('indicator', indicatorRule);
  sheet.dropdown('unitCode', unitCodeRule);
}
