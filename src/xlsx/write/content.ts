/**
 * The words of a reporting workbook, apart from how they are drawn: the
 * instructions sheet's lines, the entry sheet's title rows and each row's
 * texts. Pure, so other writers (the openpyxl baseline of the bench, a future
 * Office.js writer) can reproduce the same workbook.
 */

import type { Period } from '../../core/period';
import { periodLabel, targetKey } from '../../core/period';
import { formatTarget } from '../../core/plan/target';
import type { Indicator, Plan, ReportingUnit, Target } from '../../core/plan/types';
import { ENTRY_HEADERS, REPORTER_NAMES, SHEETS, STATUS } from '../../core/template/layout';
import { leadUnits } from './units';
import { COLORS } from './validation';
import { MARK_COLORS } from './status';

export type InstructionBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'line'; label: string; text: string; wrap?: boolean; legend?: { fill: string; font: string } };

export interface ReporterField {
  label: string;
  /** Defined name of the cell (REPORTER_NAMES). */
  name: string;
  /** Pre-filled value, or null for a cell the reporter fills. */
  value: string | null;
  kind: 'text' | 'phone' | 'date';
}

export interface InstructionsContent {
  title: string;
  blocks: InstructionBlock[];
  reporter: ReporterField[];
}

const yearNote = (period: Period) => (period.kind === 'year' ? '' : `（目标值为 ${targetKey(period)} 年全年目标）`);

export function instructionsContent(plan: Plan, period: Period, unit: ReportingUnit, indicators: Indicator[]): InstructionsContent {
  const line = (label: string, text: string, wrap = false): InstructionBlock => ({ kind: 'line', label, text, wrap });
  const heading = (text: string): InstructionBlock => ({ kind: 'heading', text });
  const blocks: InstructionBlock[] = [];
  if (plan.docNumber) blocks.push(line('文号', plan.docNumber));
  blocks.push(
    line('发文单位', plan.issuer),
    line('填报期', periodLabel(period) + yearNote(period)),
    line('填报单位', `${unit.name}（代码 ${unit.code}）`),
    line('填报指标', `共 ${indicators.length} 项，见“${SHEETS.entry}”工作表`),
    heading('填报方法'),
    line('', `1. 打开“${SHEETS.entry}”工作表，在“${ENTRY_HEADERS.value}”列（浅黄色单元格）逐项填写本单位${periodLabel(period)}的数值。`, true),
    line('', '2. 数值指标只填数字，不要填写单位或文字；百分比指标填 0～100 的数值（如 90 表示 90%）；定性指标用文字简要填写进展。', true),
    line('', '3. 选中填报单元格时会显示该指标的单位和目标值；输入不符合要求时表格会提示并拒绝。', true),
    line('', `4. “${ENTRY_HEADERS.status}”列自动显示填报结果；未达标的指标请在“${ENTRY_HEADERS.remark}”列说明原因和数据来源。`, true),
    line('', '5. 在本页下方填写填报人信息，保存后按要求报送。请勿修改表格结构、指标代码和目标值，也不要复制到新文件中另存。', true),
    heading('颜色说明'),
    { kind: 'line', label: '待填写', text: `浅黄色：需要填写的单元格（状态“${STATUS.blank}”）`, legend: COLORS.toFill },
    { kind: 'line', label: STATUS.met, text: '绿色：已填写且达到目标值', legend: COLORS.met },
    { kind: 'line', label: STATUS.missed, text: '红色：已填写但未达到目标值，请在备注中说明', legend: COLORS.missed },
    { kind: 'line', label: STATUS.noTarget, text: '灰色：本期无量化目标（未设目标），填写实际值即可', legend: COLORS.noTarget },
    { kind: 'line', label: STATUS.qualitative, text: '灰色：定性指标，已用文字填写进展', legend: COLORS.noTarget },
    {
      kind: 'line',
      label: STATUS.filled,
      text: '浅蓝色：已填写；目标值标“全市”的是全市目标，本单位数值计入全市汇总，不单独考核；标“全年”的是全年目标，本期数值为进度',
      legend: COLORS.filled,
    },
    { kind: 'line', label: '加载项标记', text: '醒目的红/橙/蓝底色：Excel 加载项“检查本表”标出的错误/警告/提示，点“清除标记”即去掉', legend: MARK_COLORS.error },
    heading('联系方式'),
    line('牵头单位', leadUnits(plan, indicators).map((u) => u.name).join('、') || '—', true),
    line('', '对指标口径有疑问的，请联系相应指标的牵头单位。', true),
    heading('填报人信息（请填写）'),
  );
  return {
    title: `${plan.title} 指标填报模板`,
    blocks,
    reporter: [
      { label: '填报单位', name: REPORTER_NAMES.unit, value: unit.name, kind: 'text' },
      { label: '联系人', name: REPORTER_NAMES.contact, value: null, kind: 'text' },
      { label: '联系电话', name: REPORTER_NAMES.phone, value: null, kind: 'phone' },
      { label: '填报日期', name: REPORTER_NAMES.date, value: null, kind: 'date' },
    ],
  };
}

/** Title rows of the entry sheet: a copied sheet still says what it is. */
export function entryTitles(plan: Plan, period: Period, unit: ReportingUnit): { title: string; subtitle: string; note: string } {
  return {
    title: plan.title,
    subtitle: `填报期：${periodLabel(period)}　　填报单位：${unit.name}（${unit.code}）${plan.docNumber ? `　　文号：${plan.docNumber}` : ''}`,
    note: `请在浅黄色“${ENTRY_HEADERS.value}”列填写数字${yearNote(period)}，未达标的请在备注中说明。`,
  };
}

/** A category's own name and, for a sub-category, its parent's name. */
export interface CategoryParts {
  name: string;
  parent?: string;
}

/** Category id → its own name and its parent's (drawn small above it on the entry sheet). */
export function categoryParts(plan: Plan): Map<string, CategoryParts> {
  const byId = new Map(plan.categories.map((c) => [c.id, c]));
  return new Map(
    plan.categories.map((c) => {
      const parent = c.parent ? byId.get(c.parent) : undefined;
      return [c.id, parent ? { name: c.name, parent: parent.name } : { name: c.name }];
    }),
  );
}

/** Category label as one string; a sub-category reads "parent·child". */
export function categoryLabels(plan: Plan): Map<string, string> {
  const byId = new Map(plan.categories.map((c) => [c.id, c]));
  return new Map(
    plan.categories.map((c) => {
      const parent = c.parent ? byId.get(c.parent) : undefined;
      return [c.id, parent ? `${parent.name}·${c.name}` : c.name];
    }),
  );
}
