/**
 * The plan workbook's contract, shared by export and import: sheet names,
 * columns (found on import by their header, so a column may move), and the
 * words of every closed choice (the dropdowns).
 *
 * Sheet names are Chinese with the English name beside ("指标 Indicators");
 * import finds a sheet by its Chinese word, so the English part may change.
 */

import type { Attribute, Rollup, UnitKind, ValueKind } from '../../core/plan/types';

export const PLAN_SHEETS = {
  meta: { zh: '规划信息', en: 'Plan' },
  categories: { zh: '类型', en: 'Categories' },
  indicators: { zh: '指标', en: 'Indicators' },
  targets: { zh: '目标', en: 'Targets' },
  units: { zh: '单位', en: 'Units' },
  allocations: { zh: '目标分解', en: 'Allocations' },
} as const;

export type PlanSheetKey = keyof typeof PLAN_SHEETS;

export function sheetTitle(key: PlanSheetKey): string {
  return `${PLAN_SHEETS[key].zh} ${PLAN_SHEETS[key].en}`;
}

/** The header row of every list sheet; data from the next row. 规划信息 lists fields the same way. */
export const HEADER_ROW = 2;
/** Row 1 holds one line telling the person what the sheet is for. */
export const HINT_ROW = 1;

export interface Column {
  key: string;
  zh: string;
  en: string;
  width: number;
}

const col = (key: string, zh: string, en: string, width: number): Column => ({ key, zh, en, width });

export const META_FIELDS = [
  col('id', '规划编号', 'plan id', 0),
  col('title', '规划名称', 'title', 0),
  col('titleEn', '英文名称', 'English title', 0),
  col('docNumber', '文号', 'document number', 0),
  col('issuer', '发文单位', 'issuer', 0),
  col('formNumber', '表号', 'form number', 0),
  col('formAuthority', '制表机关', 'form authority', 0),
  col('date', '发文日期', 'date (YYYY-MM-DD)', 0),
  col('years', '规划年度', 'plan years', 0),
  col('owner', '所属单位代码', 'owner unit code', 0),
  col('parentPlan', '上级规划编号', 'parent plan id', 0),
  col('source', '来源文件', 'source document', 0),
] as const;

export const CATEGORY_COLUMNS = [
  col('id', '类型代码', 'id', 12),
  col('name', '类型名称', 'name', 28),
  col('nameEn', '英文名称', 'English name', 34),
  col('parent', '上级类型', 'parent', 12),
] as const;

export const INDICATOR_COLUMNS = [
  col('code', '指标代码', 'code', 13),
  col('name', '指标名称', 'name', 40),
  col('nameEn', '英文名称', 'English name', 30),
  col('unit', '计量单位', 'unit', 10),
  col('category', '类型', 'category', 10),
  col('kind', '值类型', 'kind', 10),
  col('rollup', '汇总方式', 'rollup', 13),
  col('direction', '方向', 'direction', 10),
  col('attribute', '属性', 'attribute', 9),
  col('cumulative', '累计', 'cumulative', 11),
  col('lead', '牵头单位', 'lead', 26),
  col('leadAssumed', '牵头单位核实', 'lead checked', 12),
  col('reporters', '填报单位', 'reporters', 26),
  col('reportersAssumed', '填报单位核实', 'reporters checked', 12),
  col('tolerance', '容差', 'tolerance', 9),
  col('limitMin', '单个单位取值下限', 'plausible min', 11),
  col('limitMax', '单个单位取值上限', 'plausible max', 11),
  col('entryUnits', '分级填报计量单位', 'entry unit by level', 22),
  // Before 'explanation': a workbook exported when the note was headed "指标解释\nnote" still reads it as the note (matched by "note").
  col('note', '备注', 'note', 30),
  col('explanation', '指标解释', 'explanation', 40),
  col('sourceDoc', '来源文件', 'source document', 22),
  col('sourceWhere', '来源位置', 'where in the source', 28),
] as const;

export const UNIT_COLUMNS = [
  col('code', '单位代码', 'code', 12),
  col('name', '单位名称', 'name', 28),
  col('shortName', '简称', 'short name', 12),
  col('nameEn', '英文名称', 'English name', 28),
  col('kind', '单位类别', 'kind', 10),
  col('parent', '上级单位代码', 'parent code', 12),
] as const;

/** 目标 sheet: these columns, then per period a raw-text column and a reading column. */
export const TARGET_COLUMNS = [
  col('code', '指标代码', 'code', 13),
  col('name', '指标名称（参考）', 'name (reference)', 36),
  col('unit', '计量单位（参考）', 'unit (reference)', 12),
] as const;
export const TARGET_RAW = { zh: '原文', en: 'as written' };
export const TARGET_READING = { zh: '解读', en: 'read as' };

/** 目标分解 sheet: these columns, then one column per period with the unit's target. */
export const ALLOCATION_COLUMNS = [
  col('indicator', '指标代码', 'indicator code', 13),
  col('name', '指标名称（参考）', 'name (reference)', 34),
  col('unit', '计量单位（参考）', 'unit (reference)', 12),
  col('unitCode', '单位代码', 'unit code', 12),
  col('unitName', '单位名称（参考）', 'unit name (reference)', 16),
  col('cityTarget', '全市目标（参考）', 'city target (reference)', 22),
] as const;
export const ALLOCATION_PERIOD = { zh: '分解目标', en: 'own target' };

/** Header text: Chinese on the first line, English on the second. */
export function headerText(c: { zh: string; en: string }): string {
  return `${c.zh}\n${c.en}`;
}

// ── closed choices: the words in the dropdowns, and the model values they stand for ──

export const KIND_WORDS: Record<ValueKind, string> = {
  count: '个数',
  amount: '数额',
  percent: '百分比',
  ratio: '比值',
  number: '数值',
  text: '定性',
};
export const ROLLUP_WORDS: Record<Rollup, string> = {
  sum: '求和',
  rate: '比率不求和',
  limit: '逐单位限值',
  citywide: '全市统一报送',
};
export const DIRECTION_WORDS: Record<'ge' | 'le' | 'eq', string> = { ge: '不低于', le: '不高于', eq: '等于' };
export const ATTRIBUTE_WORDS: Record<Attribute | 'none', string> = { binding: '约束性', expected: '预期性', none: '未注明' };
export const YES_NO = { yes: '是', no: '否' } as const;
/** An assumed lead/reporters choice is shown as 推定（待核实）; a person changes it to 已核实. */
export const CHECK_WORDS = { assumed: '推定（待核实）', checked: '已核实' } as const;
export const UNIT_KIND_WORDS: Record<UnitKind, string> = {
  city: '市',
  district: '区县',
  department: '部门',
  town: '镇街',
  other: '其他',
};
/** Group words in 填报单位: every district of the plan's owner, and the indicator's lead units. */
export const REPORTER_GROUPS = { districts: '全部区县', lead: '牵头单位' } as const;
/** Separator of several units in one cell (either is accepted on import). */
export const LIST_SEP = '、';
export const LIST_SPLIT = /[、,，;；\n]+/;

/** Reverse lookup: a dropdown word, or the model value itself (English), → the model value. */
export function choiceOf<K extends string>(words: Record<K, string>, text: string): K | undefined {
  const t = text.trim().toLowerCase();
  for (const [k, w] of Object.entries(words) as [K, string][]) if (w === text.trim() || k.toLowerCase() === t) return k;
  return undefined;
}
