/**
 * The words of the city summary workbook. The workbook is written for the
 * city's reporting office, so sheet names and headers are Chinese; the words
 * live here so the CLI, the add-in and the tests agree on them.
 */

import type { Attainment, ReturnStatus } from '../../core/consolidate/types';
import type { Severity } from '../../core/rules/finding';

export const SUMMARY_SHEETS = {
  summary: '汇总',
  submissions: '报送情况',
  findings: '问题清单',
  grid: '填报完成情况',
  provenance: '数据溯源',
} as const;

export const SUMMARY_HEADERS = {
  code: '代码',
  category: '类型',
  name: '指标',
  unit: '单位',
  city: '全市',
  reported: '已报',
  target: '目标',
  completion: '完成率',
  attained: '达标情况',
  basis: '计算方式',
  ranking: '区县排名',
  districtsVsLead: '区县合计与牵头部门差异',
} as const;

/**
 * The 汇总 sheet's columns before the unit columns, in order. The first
 * SUMMARY_KEY_COLUMNS (代码 … 完成率) are what people look for first; they
 * come before the ~27 unit columns and repeat on every printed page.
 * 已报 ("5/10") sits next to the city figure, so a partial sum is never read
 * as the city total. The CLI workbook and the add-in both follow this order
 * (and take the cells from leading.ts).
 */
export const SUMMARY_LEADING_HEADERS = [
  SUMMARY_HEADERS.code,
  SUMMARY_HEADERS.category,
  SUMMARY_HEADERS.name,
  SUMMARY_HEADERS.unit,
  SUMMARY_HEADERS.city,
  SUMMARY_HEADERS.reported,
  SUMMARY_HEADERS.target,
  SUMMARY_HEADERS.attained,
  SUMMARY_HEADERS.completion,
  SUMMARY_HEADERS.basis,
  SUMMARY_HEADERS.ranking,
  SUMMARY_HEADERS.districtsVsLead,
] as const;
/** How many leading columns are the key columns (A:I, 代码 … 完成率). */
export const SUMMARY_KEY_COLUMNS = 9;

export const SUBMISSION_HEADERS = ['单位', '是否报送', '文件', '时间', '联系人', '电话', '错误数', '警告数', '状态/原因'] as const;

/**
 * 问题清单: one line per unit, file and problem (the cells listed), the
 * problem in words; the stable rule id last, narrow, for filtering.
 */
export const FINDING_HEADERS = ['单位', '严重程度', '问题', '处数', '工作表', '单元格', '指标', '说明', '文件', '规则'] as const;

export const PROVENANCE_HEADERS = ['指标代码', '指标', '单位', '数值', '文件', '工作表', '单元格'] as const;

// `| 'unverified'`: the key compiles with and without the engine's 待核实 attainment.
export const ATTAINMENT_WORDS: Record<Attainment | 'unverified', string> = {
  met: '达标',
  missed: '未达标',
  'no-data': '无数据',
  qualitative: '定性',
  'no-target': '无目标',
  unverified: '待核实',
};

export const STATUS_WORDS: Record<ReturnStatus, string> = {
  accepted: '已接收',
  rejected: '已拒收',
  conflict: '冲突',
};

export const SEVERITY_WORDS: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

/**
 * Why a required cell has no usable number, on 填报完成情况 (the JSON grid
 * only says "blank"): the unit sent nothing, its value has an error, or its
 * value is left out until verified (a likely unit slip).
 */
export const GRID_ABSENT_WORDS = {
  missing: '未报',
  error: '有误',
  verify: '待核实',
} as const;

export const GRID_WORDS = {
  filled: '已填',
  blank: '未填',
  'not-required': '—',
} as const;

export const SUBMITTED_WORDS = {
  yes: '已报送',
  no: '未报送',
  conflict: '重复报送',
  rejected: '被拒收',
} as const;

/** Heading above the rows for files that were not taken into the summary. */
export const SUBMISSIONS_NOTE = '未采用的文件（被拒收或重复报送）';
