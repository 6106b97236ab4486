/**
 * Messages of the plan workbook import (each names a sheet and a cell in its
 * path). Spread into the i18n catalogue, so `message(key, params, lang)` words them.
 */

export const PLAN_WORKBOOK_MESSAGES = {
  'planwb.unreadable': {
    zh: '无法作为规划工作簿读取：{reason}',
    en: 'Cannot be read as a plan workbook: {reason}',
  },
  'planwb.sheet-missing': {
    zh: '缺少工作表“{sheet}”',
    en: 'The sheet "{sheet}" is missing',
  },
  'planwb.column-missing': {
    zh: '工作表“{sheet}”第 {row} 行缺少表头“{column}”',
    en: 'Sheet "{sheet}" has no "{column}" header in row {row}',
  },
  'planwb.required': {
    zh: '“{field}”不能为空',
    en: '"{field}" must not be blank',
  },
  'planwb.choice': {
    zh: '“{value}”不是“{field}”的可选项（可选：{options}）',
    en: '"{value}" is not a choice for "{field}" (choices: {options})',
  },
  'planwb.years': {
    zh: '规划年度“{value}”应为用顿号分隔的四位年份，如 2021、2022、2023',
    en: 'Plan years "{value}" must be four-digit years separated by 、, e.g. 2021、2022、2023',
  },
  'planwb.unit-unknown': {
    zh: '单位“{value}”不在“单位”表中，也不是已知单位（可写名称、简称或代码）',
    en: 'Unit "{value}" is neither in the Units sheet nor a known unit (write a name, short name or code)',
  },
  'planwb.unit-ambiguous': {
    zh: '单位“{value}”有多个同名单位（{codes}），请写单位代码',
    en: 'Unit "{value}" matches several units ({codes}); write the unit code',
  },
  'planwb.unit-renamed': {
    zh: '单位代码 {code} 是共用单位“{name}”，名称不能改为“{value}”（新单位请用新代码）',
    en: 'Unit code {code} is the shared unit "{name}"; its name cannot become "{value}" (use a new code for a new unit)',
  },
  'planwb.code-format': {
    zh: '代码“{value}”应由大写字母、数字和“-”组成（如 SZ-DE-01）',
    en: 'Code "{value}" must be upper-case letters and digits joined by "-" (e.g. SZ-DE-01)',
  },
  'planwb.duplicate': {
    zh: '“{value}”与第 {row} 行重复',
    en: '"{value}" repeats row {row}',
  },
  'planwb.category-unknown': {
    zh: '类型“{value}”不在“类型”表中',
    en: 'Category "{value}" is not in the Categories sheet',
  },
  'planwb.indicator-unknown': {
    zh: '指标代码“{value}”不在“指标”表中',
    en: 'Indicator code "{value}" is not in the Indicators sheet',
  },
  'planwb.period-header': {
    zh: '表头“{value}”应以期别开头（2023、2023H1、2023Q3）',
    en: 'Header "{value}" must start with a period (2023, 2023H1, 2023Q3)',
  },
  'planwb.period-outside': {
    zh: '期别 {period} 不在规划年度（{years}）内',
    en: 'Period {period} is outside the plan years ({years})',
  },
  'planwb.reading': {
    zh: '解读“{value}”无法识别：请写 ≥ 5、≤ 1.3、= 5、3～5、— 或“文字：…”，可加“；注：…”',
    en: 'Reading "{value}" is not understood: write ≥ 5, ≤ 1.3, = 5, 3～5, — or "文字：…", optionally "；注：…"',
  },
  'planwb.allocation-target': {
    zh: '分解目标“{value}”不是数值目标（如 450 以上、≤ 1.3、3～5）',
    en: 'Own target "{value}" is not a number target (e.g. 450 以上, ≤ 1.3, 3～5)',
  },
  'planwb.allocation-not-reporter': {
    zh: '单位 {unit} 不填报指标 {indicator}，不能为其分解目标',
    en: 'Unit {unit} does not report {indicator}, so it cannot have an own target for it',
  },
  'planwb.entry-units': {
    zh: '分级填报计量单位“{value}”应写作“区县：亿元 × 0.0001”（单位类别：{kinds}；多条用“；”分隔）',
    en: 'Entry unit by level "{value}" must read like "区县：亿元 × 0.0001" (kinds: {kinds}; several separated by ；)',
  },
  'planwb.number': {
    zh: '“{value}”不是数值（容差可写 5% 或 0.05）',
    en: '"{value}" is not a number (a tolerance may be 5% or 0.05)',
  },
  'planwb.percent-unit': {
    zh: '值类型为百分比的指标，计量单位必须是“%”',
    en: 'A percent indicator must have the unit "%"',
  },
  'planwb.plan-check': {
    zh: '规划校验未通过：{detail}',
    en: 'Plan check failed: {detail}',
  },
} as const;

/** Messages about a plan's split of its targets (目标分解), for the summary (core/consolidate/own-targets.ts). */
export const OWN_TARGET_MESSAGES = {
  'own.sum-short': {
    zh: '{units} 个单位的分解目标合计 {sum}{unit}，低于全市目标 {target}，差 {gap}{unit}',
    en: 'The own targets of {units} units add up to {sum} {unit}, below the city target {target} by {gap} {unit}',
  },
  'own.looser': {
    zh: '{unit}的分解目标 {own} 比全市限值 {target} 宽松',
    en: 'The own target of {unit} ({own}) is looser than the city limit {target}',
  },
} as const;
