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
import { formatTarget } from '../../core/plan/target';
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
  REPORTER_NAMES,
  SHEETS,
  TEMPLATE_FORMAT_VERSION,
  remarkName,
  valueName,
} from '../../core/template/layout';
import type { TemplateOptions } from './options';
import { statusFormula } from './status';
import { recompress } from './zip';
import { STYLE } from './styles';
import { indicatorsFor, leadUnits } from './units';
import { COLORS, REPORTER_VALIDATION, statusRules, valueValidation } from './validation';

/** Thrown for a unit that is not in the plan or reports nothing. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** The parts of a plan that are the same for every unit's workbook. */
interface PlanFacts {
  hash: string;
  categoryName: Map<string, string>;
  unitByCode: Map<string, ReportingUnit>;
}

// Computing the plan hash walks the whole plan: do it once per plan object.
const factsCache = new WeakMap<Plan, PlanFacts>();
function planFacts(plan: Plan): PlanFacts {
  let f = factsCache.get(plan);
  if (!f) {
    const byId = new Map(plan.categories.map((c) => [c.id, c]));
    const categoryName = new Map(
      plan.categories.map((c) => {
        const parent = c.parent ? byId.get(c.parent) : undefined;
        return [c.id, parent ? `${parent.name}·${c.name}` : c.name];
      }),
    );
    f = { hash: planHash(plan), categoryName, unitByCode: new Map(plan.units.map((u) => [u.code, u])) };
    factsCache.set(plan, f);
  }
  return f;
}

/** Absolute reference for a defined name: '指标填报'!$F$5 */
export function absRef(sheet: string, col: string, row: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${row}`;
}

const C = ENTRY_COLUMNS;
const ENTRY_ORDER = ['code', 'category', 'name', 'unit', 'target', 'value', 'status', 'remark'] as const;
const ENTRY_WIDTHS: Record<(typeof ENTRY_ORDER)[number], number> = {
  code: 13,
  category: 14,
  name: 42,
  unit: 10,
  target: 15,
  value: 14,
  status: 10,
  remark: 32,
};
const LAST_COL = C.remark;

/** Sheet protection: only unlocked cells editable; columns/rows may be resized. */
function protect(ws: ExcelJS.Worksheet, opts: TemplateOptions): void {
  // Assigned directly (not ws.protect()) so no password is hashed per sheet.
  (ws as unknown as { sheetProtection: object }).sheetProtection = {
    sheet: true,
    formatColumns: true,
    formatRows: true,
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

  const ctx: SheetContext = { wb, plan, period, unit, indicators, facts, opts };
  writeInstructions(ctx);
  writeEntry(ctx);
  writeMeta(ctx, generatedAt);

  // Stored (uncompressed) by ExcelJS, then deflated by fflate: see zip.ts.
  const stored = await wb.xlsx.writeBuffer({
    useStyles: true,
    useSharedStrings: true,
    zip: { compression: 'STORE' },
  } as unknown as ExcelJS.XlsxWriteOptions);
  return recompress(stored instanceof Uint8Array ? stored : new Uint8Array(stored as ArrayBuffer), generatedAt);
}

interface SheetContext {
  wb: ExcelJS.Workbook;
  plan: Plan;
  period: Period;
  unit: ReportingUnit;
  indicators: Indicator[];
  facts: PlanFacts;
  opts: TemplateOptions;
}

function writeInstructions({ wb, plan, period, unit, indicators, opts }: SheetContext): void {
  const ws = wb.addWorksheet(SHEETS.instructions, {
    views: [{ showGridLines: false }],
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 86;

  let r = 1;
  const line = (label: string, text: string, style = STYLE.infoText) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = label;
    row.getCell(1).style = STYLE.infoLabel;
    row.getCell(2).value = text;
    row.getCell(2).style = style;
    return row;
  };
  const heading = (text: string) => {
    r++;
    const c = ws.getCell(r++, 1);
    c.value = text;
    c.style = STYLE.sectionHeading;
  };

  const title = ws.getCell(r++, 1);
  title.value = `${plan.title} 指标填报模板`;
  title.style = STYLE.title;
  ws.mergeCells(1, 1, 1, 2);
  ws.getRow(1).height = 30;
  r++;
  if (plan.docNumber) line('文号', plan.docNumber);
  line('发文单位', plan.issuer);
  line('填报期', periodLabel(period) + (period.kind === 'year' ? '' : `（目标值为 ${targetKey(period)} 年全年目标）`));
  line('填报单位', `${unit.name}（代码 ${unit.code}）`);
  line('填报指标', `共 ${indicators.length} 项，见“${SHEETS.entry}”工作表`);

  heading('填报方法');
  const steps = [
    `1. 打开“${SHEETS.entry}”工作表，在“${ENTRY_HEADERS.value}”列（浅黄色单元格）逐项填写本单位${periodLabel(period)}的数值。`,
    '2. 只填数字，不要填写单位或文字；百分比指标填 0～100 的数值（如 90 表示 90%）。',
    '3. 将鼠标停在填报单元格上可看到该指标的单位和目标值；输入不符合要求时表格会提示并拒绝。',
    `4. “${ENTRY_HEADERS.status}”列自动显示填报结果；未达标的指标请在“${ENTRY_HEADERS.remark}”列说明原因和数据来源。`,
    '5. 在本页下方填写填报人信息，保存后按要求报送。请勿修改表格结构、指标代码和目标值，也不要复制到新文件中另存。',
  ];
  for (const s of steps) line('', s, STYLE.infoWrap);

  heading('颜色说明');
  const legend: [string, { fill: string; font: string }, string][] = [
    ['待填写', COLORS.toFill, '浅黄色：需要填写的单元格（状态“未填”）'],
    ['达标', COLORS.met, '绿色：已填写且达到目标值'],
    ['未达标', COLORS.missed, '红色：已填写但未达到目标值，请在备注中说明'],
    ['无目标', COLORS.noTarget, '灰色：本期无量化目标（定性或未设目标），填写实际值即可'],
  ];
  for (const [word, c, text] of legend) {
    const row = line(word, text);
    row.getCell(1).style = STYLE.legend(c.fill, c.font);
  }

  heading('联系方式');
  const leads = leadUnits(plan, indicators);
  line('牵头单位', leads.map((u) => u.name).join('、') || '—', STYLE.infoWrap);
  line('', '对指标口径有疑问的，请联系相应指标的牵头单位。', STYLE.infoWrap);

  heading('填报人信息（请填写）');
  const reporterRow = (label: string, name: string, value: string | null, style: Partial<ExcelJS.Style>) => {
    const row = line(label, '');
    const cell = row.getCell(2);
    cell.style = style;
    if (value !== null) cell.value = value;
    wb.definedNames.add(absRef(SHEETS.instructions, 'B', row.number), name);
    return cell;
  };
  reporterRow('填报单位', REPORTER_NAMES.unit, unit.name, STYLE.input);
  reporterRow('联系人', REPORTER_NAMES.contact, null, STYLE.input);
  reporterRow('联系电话', REPORTER_NAMES.phone, null, STYLE.inputText).dataValidation = REPORTER_VALIDATION.phone;
  reporterRow('填报日期', REPORTER_NAMES.date, null, STYLE.inputDate).dataValidation = REPORTER_VALIDATION.date;

  protect(ws, opts);
}

function writeEntry({ wb, plan, period, unit, indicators, facts, opts }: SheetContext): void {
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
  merge(ENTRY_TITLE_ROW, plan.title, STYLE.title, 30);
  merge(
    ENTRY_SUBTITLE_ROW,
    `填报期：${periodLabel(period)}　　填报单位：${unit.name}（${unit.code}）${plan.docNumber ? `　　文号：${plan.docNumber}` : ''}`,
    STYLE.subtitle,
    20,
  );
  merge(
    ENTRY_SUBTITLE_ROW + 1,
    `请在浅黄色“${ENTRY_HEADERS.value}”列填写数字${period.kind === 'year' ? '' : `（目标值为 ${targetKey(period)} 年全年目标）`}，未达标的请在备注中说明。`,
    STYLE.note,
  );

  const header = ws.getRow(ENTRY_HEADER_ROW);
  header.height = 22;
  for (const k of ENTRY_ORDER) {
    const c = header.getCell(C[k]);
    c.value = ENTRY_HEADERS[k];
    c.style = STYLE.header;
  }

  const tk = targetKey(period);
  let row = ENTRY_FIRST_DATA_ROW;
  for (const ind of indicators) {
    const target = ind.targets[tk];
    const r = ws.getRow(row);
    const set = (col: string, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>) => {
      const cell = r.getCell(col);
      cell.value = value;
      cell.style = style;
      return cell;
    };
    set(C.code, ind.code, STYLE.cellCenter);
    set(C.category, facts.categoryName.get(ind.category) ?? ind.category, STYLE.cellWrap);
    set(C.name, ind.name, STYLE.cellWrap);
    set(C.unit, ind.unit, STYLE.cellCenter);
    set(C.target, formatTarget(target, ind.unit) + (target && 'note' in target && target.note ? `（${target.note}）` : ''), STYLE.cellCenterWrap);
    const valueRef = `${C.value}${row}`;
    set(C.value, null, ind.kind === 'count' ? STYLE.valueCount : STYLE.value).dataValidation = valueValidation(ind, target);
    set(C.status, { formula: statusFormula(target, valueRef), result: '未填' } as ExcelJS.CellFormulaValue, STYLE.status);
    set(C.remark, null, STYLE.remark);
    wb.definedNames.add(absRef(SHEETS.entry, C.value, row), valueName(ind.code));
    wb.definedNames.add(absRef(SHEETS.entry, C.remark, row), remarkName(ind.code));
    row++;
  }
  const last = row - 1;
  ws.addConditionalFormatting({
    ref: `${C.value}${ENTRY_FIRST_DATA_ROW}:${C.status}${last}`,
    rules: statusRules(`$${C.status}${ENTRY_FIRST_DATA_ROW}`) as unknown as ExcelJS.ConditionalFormattingRule[],
  });
  protect(ws, opts);
}

function writeMeta({ wb, plan, period, unit, indicators, facts, opts }: SheetContext, generatedAt: Date): void {
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
  rows.forEach(([k, v], i) => {
    const r = ws.getRow(i + 1);
    r.getCell(1).value = k;
    r.getCell(2).value = v;
  });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 60;
  protect(ws, opts);
}
