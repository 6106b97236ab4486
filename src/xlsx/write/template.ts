/**
 * The reporting-workbook writer: a resolved plan, a period and a unit in, the
 * bytes of an .xlsx out. It follows src/core/template/layout.ts exactly (sheet
 * names, columns, defined names, metadata keys); no fs here, so the add-in can
 * reuse it in the browser.
 *
 * Sheets: 填报说明 (instructions and the reporter's cells), 指标填报 (one row
 * per indicator the unit reports), _plansheet_meta (very hidden key/value rows).
 */

import ExcelJS from 'exceljs';
import type { Period } from '../../core/period';
import { periodKey, periodLabel, targetKey } from '../../core/period';
import { planHash } from '../../core/plan/load';
import type { Indicator, Plan, ReportingUnit } from '../../core/plan/types';
import {
  ENTRY_COLUMNS,
  ENTRY_FIRST_DATA_ROW,
  ENTRY_HEADER_ROW,
  ENTRY_HEADERS,
  ENTRY_SUBTITLE_ROW,
  ENTRY_TITLE_ROW,
  META_KEYS,
  META_MAGIC,
  PREVIOUS_COLUMN,
  PREVIOUS_HEADER,
  SHEETS,
  TEMPLATE_FORMAT_VERSION,
  remarkName,
  valueName,
} from '../../core/template/layout';
import type { TemplateOptions } from './options';
import { markRules, statusFormula } from './status';
import { MARK_COLUMN, MARK_NAME, markNameRef } from '../../core/template/marks';
import { recompress } from './zip';
import { STYLE } from './styles';
import { SIGNATURE_BLANK, categoryParts, entryTitles, instructionsContent, signatureFormula, type CategoryParts, type FormParts } from './content';
import { explainRuleFormula, explainSuffix } from './explain';
import { writeExplanations } from './explanations';
import { textUnits, wrappedRowHeight, type TextBlock } from '../layout-text';
import { unitEntryTarget } from '../../core/template/entry-target';
import { indicatorsFor, unitNames } from './units';
import { COLORS, REPORTER_VALIDATION, statusRules, valueValidation } from './validation';
import { openOnFirstSheet } from './book-view';

/** Thrown for a unit that is not in the plan or reports nothing. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** The parts of a plan that are the same for every unit's workbook. */
interface PlanFacts {
  hash: string;
  category: Map<string, CategoryParts>;
  unitByCode: Map<string, ReportingUnit>;
}

// Computing the plan hash walks the whole plan: do it once per plan object.
const factsCache = new WeakMap<Plan, PlanFacts>();
function planFacts(plan: Plan): PlanFacts {
  let f = factsCache.get(plan);
  if (!f) {
    f = { hash: planHash(plan), category: categoryParts(plan), unitByCode: new Map(plan.units.map((u) => [u.code, u])) };
    factsCache.set(plan, f);
  }
  return f;
}

/** The lead departments' short names, for the value cell's prompt: whom to ask about the indicator. */
function leadNames(ind: Indicator, facts: PlanFacts): string {
  return unitNames(ind.lead, facts.unitByCode);
}

/** Absolute reference for a defined name: '指标填报'!$F$5 */
export function absRef(sheet: string, col: string, row: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${row}`;
}

const C = ENTRY_COLUMNS;
const ENTRY_ORDER = ['code', 'category', 'name', 'unit', 'target', 'value', 'status', 'remark'] as const;
const ENTRY_WIDTHS: Record<(typeof ENTRY_ORDER)[number], number> = {
  code: 13,
  // Wide enough for most category names on one or two lines.
  category: 18,
  name: 42,
  unit: 10,
  target: 15,
  value: 14,
  // "未达标·请说明" on one line.
  status: 15,
  remark: 32,
};
const PREVIOUS_WIDTH = 13;
const LAST_COL = C.remark;
/** Size of the parent category's name, drawn small above the category's own. */
const PARENT_FONT_SIZE = 8;

/**
 * The 类型 cell: the category's own name, with a sub-category's parent in
 * small grey type on the line above (the parent alone repeats down many rows
 * and says little; "parent·child" in full made the column three lines deep).
 */
function categoryCell(parts: CategoryParts | undefined, id: string): { value: ExcelJS.CellValue; blocks: TextBlock[] } {
  if (!parts) return { value: id, blocks: [{ text: id }] };
  if (!parts.parent) return { value: parts.name, blocks: [{ text: parts.name }] };
  return {
    value: {
      richText: [
        { text: `${parts.parent}\n`, font: STYLE.categoryParentFont },
        { text: parts.name, font: STYLE.cellWrap.font },
      ],
    } as ExcelJS.CellRichTextValue,
    blocks: [{ text: parts.parent, fontSize: PARENT_FONT_SIZE }, { text: parts.name }],
  };
}

/**
 * Height of an entry row. Stored explicitly because LibreOffice and WPS do
 * not grow an .xlsx row to its wrapped text when printing (see layout-text.ts).
 */
export function entryRowHeight(category: TextBlock[], name: string, target: string): number {
  return wrappedRowHeight([
    { text: category, width: ENTRY_WIDTHS.category },
    { text: name, width: ENTRY_WIDTHS.name },
    { text: target, width: ENTRY_WIDTHS.target },
  ]);
}

/** Sheet protection: only unlocked cells editable; columns/rows may be resized. */
function protect(ws: ExcelJS.Worksheet, opts: TemplateOptions): void {
  // Assigned directly (not ws.protect()) so no password is hashed per sheet.
  (ws as unknown as { sheetProtection: object }).sheetProtection = {
    sheet: true,
    formatColumns: true,
    formatRows: true,
    // Lets the add-in colour the cells with findings; values stay locked.
    formatCells: true,
    ...(opts.protection ?? {}),
  };
}

/**
 * Writes the blank reporting workbook of `unitCode` for `plan` and `period`.
 * @throws TemplateError when the unit is unknown or reports no indicator.
 */
export async function writeTemplate(
  plan: Plan,
  period: Period,
  unitCode: string,
  opts: TemplateOptions = {},
): Promise<Uint8Array> {
  const facts = planFacts(plan);
  const unit = facts.unitByCode.get(unitCode);
  if (!unit) throw new TemplateError(`单位 ${unitCode} 不在计划 ${plan.id} 中 / unit ${unitCode} is not in plan ${plan.id}`);
  const indicators = indicatorsFor(plan, unitCode);
  if (!indicators.length)
    throw new TemplateError(`单位 ${unitCode} 在计划 ${plan.id} 中没有填报指标 / unit ${unitCode} reports nothing in plan ${plan.id}`);

  const generatedAt = opts.generatedAt ?? new Date();
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.generator ?? 'plansheet';
  wb.created = generatedAt;
  wb.modified = generatedAt;
  wb.title = `${plan.title} ${periodLabel(period)} ${unit.name}`;
  // Excel recomputes the status formulas on open (the cached results are "未填").
  wb.calcProperties = { fullCalcOnLoad: true };
  openOnFirstSheet(wb);

  const previous = opts.previous?.byUnit.get(unit.code);
  const form: FormParts = {
    ...(opts.deadline ? { deadline: opts.deadline } : {}),
    ...(opts.previous ? { previousPeriod: opts.previous.period } : {}),
  };
  const ctx: SheetContext = { wb, plan, period, unit, indicators, facts, opts, form, previous };
  writeInstructions(ctx);
  writeEntry(ctx);
  // 指标解释: only when the plan explains some of the unit's indicators.
  if (indicators.some((i) => i.explanation)) writeExplanations(wb, indicators, (ws) => protect(ws, opts));
  writeMeta(ctx, generatedAt);

  // Stored (uncompressed) by ExcelJS, then deflated by fflate: see zip.ts.
  const stored = await wb.xlsx.writeBuffer({
    useStyles: true,
    useSharedStrings: true,
    zip: { compression: 'STORE' },
  } as unknown as ExcelJS.XlsxWriteOptions);
  return recompress(stored instanceof Uint8Array ? stored : new Uint8Array(stored as ArrayBuffer), generatedAt, opts.zipCodec);
}

interface SheetContext {
  wb: ExcelJS.Workbook;
  plan: Plan;
  period: Period;
  unit: ReportingUnit;
  indicators: Indicator[];
  facts: PlanFacts;
  opts: TemplateOptions;
  form: FormParts;
  /** This unit's last-period values (indicator's unit), when generate had --previous. */
  previous?: Map<string, number | string>;
}

const INSTRUCTION_TEXT_WIDTH = 86;

function writeInstructions({ wb, plan, period, unit, indicators, opts, form }: SheetContext): void {
  const ws = wb.addWorksheet(SHEETS.instructions, {
    views: [{ showGridLines: false }],
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = INSTRUCTION_TEXT_WIDTH;
  const content = instructionsContent(plan, period, unit, indicators, form);

  const title = ws.getCell(1, 1);
  title.value = content.title;
  title.style = STYLE.title;
  ws.mergeCells(1, 1, 1, 2);
  ws.getRow(1).height = 30;

  let r = 3;
  const line = (label: string, text: string | null, labelStyle: Partial<ExcelJS.Style>, textStyle: Partial<ExcelJS.Style>) => {
    const row = ws.getRow(r++);
    const a = row.getCell(1);
    a.value = label;
    a.style = labelStyle;
    const b = row.getCell(2);
    if (text !== null) b.value = text;
    b.style = textStyle;
    return b;
  };
  for (const b of content.blocks) {
    if (b.kind === 'heading') {
      r++;
      const c = ws.getCell(r++, 1);
      c.value = b.text;
      c.style = STYLE.sectionHeading;
    } else {
      // A line longer than the column wraps (else it runs off the printed
      // page), and wrapped lines get their height stored: LibreOffice does
      // not grow rows to fit.
      const wrap = b.wrap || textUnits(b.text) > INSTRUCTION_TEXT_WIDTH - 1;
      const cell = line(b.label, b.text, b.legend ? STYLE.legend(b.legend.fill, b.legend.font) : STYLE.infoLabel, wrap ? STYLE.infoWrap : STYLE.infoText);
      if (wrap) ws.getRow(Number(cell.row)).height = wrappedRowHeight([{ text: b.text, width: INSTRUCTION_TEXT_WIDTH }]);
    }
  }
  for (const f of content.reporter) {
    const style = f.kind === 'phone' ? STYLE.inputText : f.kind === 'date' ? STYLE.inputDate : STYLE.input;
    const cell = line(f.label, f.value, STYLE.infoLabel, style);
    if (f.kind === 'phone') cell.dataValidation = REPORTER_VALIDATION.phone;
    if (f.kind === 'date') cell.dataValidation = REPORTER_VALIDATION.date;
    wb.definedNames.add(absRef(SHEETS.instructions, 'B', r - 1), f.name);
  }
  protect(ws, opts);
}

function writeEntry({ wb, plan, period, unit, indicators, facts, opts, form, previous }: SheetContext): void {
  const ws = wb.addWorksheet(SHEETS.entry, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: ENTRY_HEADER_ROW, topLeftCell: `D${ENTRY_FIRST_DATA_ROW}`, activeCell: `${C.value}${ENTRY_FIRST_DATA_ROW}` }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${ENTRY_HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ENTRY_ORDER.forEach((k) => {
    ws.getColumn(C[k]).width = ENTRY_WIDTHS[k];
  });

  const merge = (row: number, text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    const cell = ws.getCell(`A${row}`);
    cell.value = text;
    cell.style = style;
    ws.mergeCells(`A${row}:${LAST_COL}${row}`);
    if (height) ws.getRow(row).height = height;
  };
  const titles = entryTitles(plan, period, unit, form);
  merge(ENTRY_TITLE_ROW, titles.title, STYLE.title, 30);
  merge(ENTRY_SUBTITLE_ROW, titles.subtitle, STYLE.subtitle, 20);
  merge(ENTRY_SUBTITLE_ROW + 1, titles.note, STYLE.note);

  const header = ws.getRow(ENTRY_HEADER_ROW);
  header.height = 22;
  for (const k of ENTRY_ORDER) {
    const c = header.getCell(C[k]);
    c.value = ENTRY_HEADERS[k];
    c.style = STYLE.header;
  }
  const P = PREVIOUS_COLUMN;
  if (form.previousPeriod) {
    ws.getColumn(P).width = PREVIOUS_WIDTH;
    const c = header.getCell(P);
    c.value = `${PREVIOUS_HEADER}（${form.previousPeriod}）`;
    c.style = STYLE.header;
  }

  let row = ENTRY_FIRST_DATA_ROW;
  for (const ind of indicators) {
    // The unit's own target (目标分解) and entry unit (亿元 for 万亿元), where the plan states them.
    const { target, text: shownTarget, judgement, unit: shownUnit, factor } = unitEntryTarget(plan, ind, period, unit.code);
    const r = ws.getRow(row);
    const set = (col: string, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>) => {
      const cell = r.getCell(col);
      cell.value = value;
      cell.style = style;
      return cell;
    };
    set(C.code, ind.code, STYLE.cellCenter);
    const category = categoryCell(facts.category.get(ind.category), ind.category);
    set(C.category, category.value, STYLE.cellWrap);
    set(C.name, ind.name, STYLE.cellWrap);
    set(C.unit, shownUnit, STYLE.cellCenter);
    set(C.target, shownTarget, STYLE.cellCenterWrap);
    const valueRef = `${C.value}${row}`;
    set(C.value, null, ind.kind === 'count' ? STYLE.valueCount : STYLE.value).dataValidation = valueValidation(shownUnit === ind.unit ? ind : { ...ind, unit: shownUnit }, target, shownTarget, leadNames(ind, facts));
    // 上期值 in the unit the value is typed in (亿元 where the indicator counts 万亿元).
    const prev = previous?.get(ind.code);
    const prevShown = typeof prev === 'number' && factor ? Number((prev / factor).toPrecision(12)) : prev;
    if (form.previousPeriod) set(P, prevShown ?? null, STYLE.previous);
    const explain = explainSuffix({
      target,
      kind: ind.kind,
      judgement,
      valueRef,
      remarkRef: `${C.remark}${row}`,
      ...(typeof prevShown === 'number' ? { previousRef: `${P}${row}` } : {}),
      cumulative: ind.cumulative,
      ...(ind.tolerance ? { tolerance: ind.tolerance } : {}),
    });
    const status = statusFormula(target, valueRef, ind.kind, judgement, ind.tolerance, explain);
    set(C.status, { formula: status, result: '未填' } as ExcelJS.CellFormulaValue, STYLE.status);
    set(C.remark, null, STYLE.remark);
    r.height = entryRowHeight(category.blocks, ind.name, shownTarget);
    wb.definedNames.add(absRef(SHEETS.entry, C.value, row), valueName(ind.code));
    wb.definedNames.add(absRef(SHEETS.entry, C.remark, row), remarkName(ind.code));
    row++;
  }
  const last = row - 1;
  // The add-in's marks first (priorities 1–3), then the status colours after them.
  const marks = markRules(ENTRY_FIRST_DATA_ROW);
  ws.addConditionalFormatting({ ref: `${C.value}${ENTRY_FIRST_DATA_ROW}:${C.value}${last}`, rules: marks as unknown as ExcelJS.ConditionalFormattingRule[] });
  const statusRuleList = statusRules(`$${C.status}${ENTRY_FIRST_DATA_ROW}`).map((r) => ({ ...r, priority: r.priority + marks.length }));
  ws.addConditionalFormatting({
    ref: `${C.value}${ENTRY_FIRST_DATA_ROW}:${C.status}${last}`,
    rules: statusRuleList as unknown as ExcelJS.ConditionalFormattingRule[],
  });
  // 强制上报说明: status, value and remark turn amber while a remark is required.
  // The status words never overlap ("未达标·请说明" matches no status rule), so its place after them does not matter.
  ws.addConditionalFormatting({
    ref: `${C.value}${ENTRY_FIRST_DATA_ROW}:${C.remark}${last}`,
    rules: [
      {
        type: 'expression',
        priority: marks.length + statusRuleList.length + 1,
        formulae: [explainRuleFormula(`$${C.status}${ENTRY_FIRST_DATA_ROW}`)],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: COLORS.explain.fill } }, font: { color: { argb: COLORS.explain.font } } },
      },
    ] as unknown as ExcelJS.ConditionalFormattingRule[],
  });
  // The add-in's mark column: hidden, unlocked (written on the protected sheet), named.
  const markCol = ws.getColumn(MARK_COLUMN);
  markCol.hidden = true;
  markCol.protection = { locked: false };
  wb.definedNames.add(markNameRef(), MARK_NAME);
  // The signature block of a statistical form, echoing the reporter cells of 填报说明.
  // In column B, so nothing but indicator codes ever stands in the code column A.
  const sig = ws.getCell(`${C.category}${last + 2}`);
  sig.value = { formula: signatureFormula(), result: SIGNATURE_BLANK } as ExcelJS.CellFormulaValue;
  sig.style = STYLE.signature;
  // Not merged: the text runs over the empty cells to its right, and a merge
  // below the entry rows would be overrun by rows inserted with tools that
  // do not move merges (openpyxl).
  ws.getRow(last + 2).height = 24;
  protect(ws, opts);
}

function writeMeta({ wb, plan, period, unit, indicators, facts, opts, form }: SheetContext, generatedAt: Date): void {
  const ws = wb.addWorksheet(SHEETS.meta, { state: 'veryHidden' });
  const rows: [string, string][] = [
    [META_KEYS.magic, META_MAGIC],
    [META_KEYS.formatVersion, TEMPLATE_FORMAT_VERSION],
    [META_KEYS.planId, plan.id],
    [META_KEYS.planHash, facts.hash],
    [META_KEYS.unitCode, unit.code],
    [META_KEYS.unitName, unit.name],
    [META_KEYS.period, periodKey(period)],
    [META_KEYS.generatedAt, generatedAt.toISOString()],
    [META_KEYS.generator, opts.generator ?? 'plansheet'],
    [META_KEYS.codes, indicators.map((i) => i.code).join(',')],
  ];
  if (form.deadline) rows.push([META_KEYS.deadline, form.deadline]);
  if (plan.formNumber) rows.push([META_KEYS.formNumber, plan.formNumber]);
  if (plan.formAuthority) rows.push([META_KEYS.formAuthority, plan.formAuthority]);
  if (form.previousPeriod) rows.push([META_KEYS.previousPeriod, form.previousPeriod]);
  rows.forEach(([k, v], i) => {
    const r = ws.getRow(i + 1);
    r.getCell(1).value = k;
    r.getCell(2).value = v;
  });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 60;
  protect(ws, opts);
}
