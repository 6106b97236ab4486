/**
 * Data validation and conditional formatting choices for the entry sheet, as
 * plain data (ExcelJS accepts these objects as they are).
 *
 * Excel's repair dialog is triggered by over-long validation texts, so every
 * text is clipped to Excel's limits: prompt title 32, prompt 255, error
 * title 32, error 225 characters, counted in UTF-16 units as Excel does.
 * Attribute values may not contain line breaks
 * (ExcelJS does not escape them and XML turns them into spaces), so parts are
 * joined with "；".
 */

import type { Indicator, Target } from '../../core/plan/types';
import { formatTarget } from '../../core/plan/target';
import { STATUS } from '../../core/template/layout';

export const LIMITS = { promptTitle: 32, prompt: 255, errorTitle: 32, error: 225 } as const;

/**
 * Clips `text` to `max` UTF-16 code units, as Excel counts (an emoji or a
 * CJK Extension B character is two), ending in "…"; never splits a pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return out + '…';
}

export interface ValueValidation {
  type: 'decimal' | 'whole' | 'textLength';
  operator: 'between' | 'greaterThanOrEqual';
  formulae: number[];
  allowBlank: true;
  showInputMessage: true;
  promptTitle: string;
  prompt: string;
  showErrorMessage: true;
  errorStyle: 'stop';
  errorTitle: string;
  error: string;
}

/** Bounds for "any number": Excel has no unbounded decimal rule. */
export const ANY_NUMBER = 999999999999999;

/** The validation rule of an indicator's value cell. */
/**
 * @param lead the lead departments' names, so the clerk knows whom to ask.
 * @param shown the target as the entry sheet shows it ("全市 ≥ 3000"); the
 *   seed's note on the target goes into the prompt, not the narrow cell.
 */
export function valueValidation(
  ind: Indicator,
  target: Target | undefined,
  shown = formatTarget(target, ind.unit),
  lead = '',
): ValueValidation {
  let rule: Pick<ValueValidation, 'type' | 'operator' | 'formulae'>;
  let must: string;
  switch (ind.kind) {
    case 'percent':
      rule = { type: 'decimal', operator: 'between', formulae: [0, 100] };
      must = '请输入 0～100 之间的数值（百分比，不带 % 号，如 90 表示 90%）';
      break;
    case 'count':
      rule = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
      must = '请输入不小于 0 的整数';
      break;
    case 'amount':
    case 'ratio':
      rule = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] };
      must = '请输入不小于 0 的数值';
      break;
    case 'text':
      // A qualitative goal: progress in words, short enough for a cell.
      rule = { type: 'textLength', operator: 'between', formulae: [1, 500] };
      must = '请用文字简要填写进展情况（不超过 500 字）';
      break;
    case 'number':
    default:
      rule = { type: 'decimal', operator: 'between', formulae: [-ANY_NUMBER, ANY_NUMBER] };
      must = '请输入数值';
  }
  const unit = ind.unit ? `单位：${ind.unit}` : '';
  const targetText = `目标：${shown}`;
  const note = target?.note ? `说明：${target.note}` : '';
  // The lead goes last: the prompt is clipped to Excel's 255 characters from the end.
  const prompt = [unit, targetText, must.replace(/^请输入/, '填写'), note, lead ? `牵头：${lead}` : ''].filter(Boolean).join('；');
  return {
    ...rule,
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(ind.name, LIMITS.promptTitle),
    prompt: clip(prompt, LIMITS.prompt),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip('填报值无效', LIMITS.errorTitle),
    error: clip(`“${ind.name}”${must}${ind.unit && ind.kind !== 'percent' ? `（单位：${ind.unit}）` : ''}。`, LIMITS.error),
  };
}

/** Fill and font colours, shared by the conditional formats and the legend on 填报说明. */
export const COLORS = {
  toFill: { fill: 'FFFFF2CC', font: 'FF7F6000' },
  met: { fill: 'FFC6EFCE', font: 'FF006100' },
  missed: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  noTarget: { fill: 'FFEDEDED', font: 'FF595959' },
  filled: { fill: 'FFD9E1F2', font: 'FF203864' },
  header: { fill: 'FFDDEBF7', font: 'FF1F3864' },
} as const;

export interface ExpressionRule {
  type: 'expression';
  priority: number;
  formulae: [string];
  style: {
    fill: { type: 'pattern'; pattern: 'solid'; bgColor: { argb: string } };
    font: { color: { argb: string } };
  };
}

/**
 * Expression rules over the value and status columns, keyed on the status
 * word the formula computed (one rule per state, explicit priorities: Excel
 * needs them, LibreOffice and WPS read them).
 * @param statusRef the first status cell with a column-absolute reference, e.g. "$G5".
 */
export function statusRules(statusRef: string): ExpressionRule[] {
  const rule = (priority: number, word: string, c: { fill: string; font: string }): ExpressionRule => ({
    type: 'expression',
    priority,
    formulae: [`${statusRef}="${word}"`],
    style: {
      fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: c.fill } },
      font: { color: { argb: c.font } },
    },
  });
  return [
    rule(1, STATUS.missed, COLORS.missed),
    rule(2, STATUS.met, COLORS.met),
    rule(3, STATUS.blank, COLORS.toFill),
    rule(4, STATUS.noTarget, COLORS.noTarget),
    rule(5, STATUS.qualitative, COLORS.noTarget),
    rule(6, STATUS.filled, COLORS.filled),
  ];
}

/** Reporter cells: a date on or after 2000-01-01 and a phone number of 5–30 characters. */
export const REPORTER_VALIDATION = {
  date: {
    type: 'date' as const,
    operator: 'greaterThanOrEqual' as const,
    // ExcelJS turns a Date into the serial number.
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '填报日期',
    prompt: '请输入日期，如 2024-01-15',
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: '日期无效',
    error: '请输入 2000 年以后的有效日期，如 2024-01-15。',
  },
  phone: {
    type: 'textLength' as const,
    operator: 'between' as const,
    formulae: [5, 30],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '联系电话',
    prompt: '请输入联系电话（座机或手机），5～30 个字符',
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: '电话无效',
    error: '联系电话应为 5～30 个字符，如 0512-68880000 或 13800000000。',
  },
};

export { STATUS };
