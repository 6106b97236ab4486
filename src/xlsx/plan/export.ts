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
  type PlanSheetKey,
} from './layout';
import { planPeriods } from './periods';
import { recompress } from '../write/zip';
import { wrappedRowHeight } from '../layout-text';

type Style = Partial<ExcelJS.Style>;
const FONT = { name: 'SimSun', size: 11 };
const thin = { style: 'thin' as const, color: { argb: 'FFA6A6A6' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

const S = {
  hint: { font: { ...FONT, size: 10, color: { argb: 'FF595959' } }, alignment: { vertical: 'middle' } } as Style,
  header: {
    font: { ...FONT, bold: true, color: { argb: 'FF1F3864' } },
    fill: fill('FFD9E1F2'),
    border,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  } as Style,
  cell: { font: FONT, border, alignment: { vertical: 'middle', wrapText: true } } as Style,
  /** Reference columns: shown for reading, ignored on import. */
  reference: { font: { ...FONT, color: { argb: 'FF7F7F7F' } }, fill: fill('FFF2F2F2'), border, alignment: { vertical: 'middle', wrapText: true } } as Style,
  /** A choice PlanSheet assumed: to be confirmed by a person. */
  assumed: { font: { ...FONT, color: { argb: 'FF9C5700' } }, fill: fill('FFFFEB9C'), border, alignment: { vertical: 'middle', wrapText: true } } as Style,
  /** Cells the office fills in (目标分解 targets). */
  toFill: { font: FONT, fill: fill('FFFFF2CC'), border, alignment: { horizontal: 'center', vertical: 'middle' } } as Style,
};

/** Rows past the data that keep dropdowns, so a person can add lines. */
const SPARE_ROWS = 50;

const HINTS: Record<PlanSheetKey, string> = {
  meta: '规划的基本信息。修改“值”列；年度用顿号分隔（2021、2022、2023）。/ The plan\'s metadata: edit the value column; years separated by 、.',
  categories: '指标类型（可两级：填“上级类型”）。/ Indicator categories (two levels via parent).',
  indicators:
    '每行一项指标。橙色“推定（待核实）”为原文未写明、由 PlanSheet 推定的牵头或填报单位：请核对后改为“已核实”或改正单位。单位可写名称、简称或代码，多个用顿号分隔；“全部区县”“牵头单位”为分组。/ One row per indicator. Orange 推定 cells were assumed by PlanSheet: confirm (已核实) or correct them.',
  targets:
    '每个年度两列：“原文”按规划原文填写（150 以上、1～2、/）；“解读”仅在原文无法直接读出时填写（≥ 5、≤ 1.3、= 5、3～5、—，可加“；注：…”）。/ Raw text per year; fill "read as" only when the text alone cannot be read.',
  units: '单位树：市 → 区县 → 镇街；部门的上级为市。/ The unit tree; departments belong to the city.',
  allocations:
    '目标分解：每行一个单位的一项指标，在年度列填写该单位自己的目标（450 以上、≤ 1.3、3～5）；留空表示不分解，该单位填报表沿用全市目标。可增加行。/ A unit\'s own targets; blank = not allocated. Rows may be added.',
};

interface ListRule {
  /** A quoted inline list ("a,b") or a range on another sheet. */
  formula: string;
  /** Whether other text is refused (closed choice) or only offered (unit names). */
  strict: boolean;
}

const inline = (words: string[]): ListRule => ({ formula: `"${words.join(',')}"`, strict: true });

function listValidation(rule: ListRule, title: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [rule.formula],
    showErrorMessage: rule.strict,
    errorStyle: 'stop',
    errorTitle: '请从列表中选择',
    error: `${title}：请从下拉列表中选择 / choose from the list`,
  };
}

/** Landscape, one page wide, header rows repeated: the sheet prints as a person checks it. */
function printSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = { orientation: 'landscape', paperSize: 8 as unknown as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${HEADER_ROW}` };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A range reference to a column of another sheet, for dropdowns fed by that sheet. */
function columnRange(sheet: PlanSheetKey, col: number, rows: number): string {
  const letter = String.fromCharCode(64 + col);
  return `${quoteSheet(sheetTitle(sheet))}!$${letter}$${HEADER_ROW + 1}:$${letter}$${HEADER_ROW + rows + SPARE_ROWS}`;
}

class SheetWriter {
  readonly ws: ExcelJS.Worksheet;
  private rowCount = 0;
  constructor(
    wb: ExcelJS.Workbook,
    readonly key: PlanSheetKey,
    readonly columns: Column[],
  ) {
    this.ws = wb.addWorksheet(sheetTitle(key), { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }] });
    printSetup(this.ws);
    const hint = this.ws.getCell(HINT_ROW, 1);
    hint.value = HINTS[key];
    hint.style = S.hint;
    this.ws.getRow(HINT_ROW).height = 30;
    columns.forEach((c, i) => {
      const cell = this.ws.getCell(HEADER_ROW, i + 1);
      cell.value = headerText(c);
      cell.style = S.header;
      this.ws.getColumn(i + 1).width = c.width;
    });
    this.ws.getRow(HEADER_ROW).height = wrappedRowHeight(columns.map((c) => ({ text: headerText(c), width: c.width })));
  }

  /** Appends a row; `styles` per column key overrides the plain cell style. */
  add(values: Record<string, string | number | undefined>, styles: Record<string, Style> = {}): number {
    const row = HEADER_ROW + 1 + this.rowCount++;
    this.columns.forEach((c, i) => {
      const cell = this.ws.getCell(row, i + 1);
      const v = values[c.key];
      if (v !== undefined && v !== '') cell.value = v;
      cell.style = styles[c.key] ?? S.cell;
    });
    // LibreOffice and WPS keep the stored height: store one that fits the wrapped text.
    this.ws.getRow(row).height = wrappedRowHeight(this.columns.map((c) => ({ text: values[c.key] === undefined ? '' : String(values[c.key]), width: c.width })));
    return row;
  }

  get rows(): number {
    return this.rowCount;
  }

  /** A dropdown on a whole column, data rows plus spare rows. */
  dropdown(key: string, rule: ListRule): void {
    const i = this.columns.findIndex((c) => c.key === key);
    const letter = String.fromCharCode(65 + i);
    // One rule for the whole range: ExcelJS' per-cell merging sorts A10 before
    // A3 and writes overlapping ranges, which Excel may "repair".
    const ranges = (this.ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations;
    ranges.model[`${letter}${HEADER_ROW + 1}:${letter}${HEADER_ROW + this.rowCount + SPARE_ROWS}`] = listValidation(rule, this.columns[i].zh);
  }

  columnOf(key: string): number {
    return this.columns.findIndex((c) => c.key === key) + 1;
  }
}

export async function exportPlanWorkbook(plan: Plan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanSheet';
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
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
