/**
 * The reporting-workbook contract shared by the generator, the return readers
 * (ExcelJS in Node and the browser, Office.js in Excel) and the rules.
 *
 * Reading a return never depends on row positions: each value and remark cell
 * is reached through a workbook-level defined name derived from the indicator
 * code, and the metadata lives on a very-hidden sheet as key/value rows.
 * Change anything here only together with TEMPLATE_FORMAT_VERSION.
 */

export const TEMPLATE_FORMAT_VERSION = '1';

export const SHEETS = {
  instructions: '填报说明',
  entry: '指标填报',
  meta: '_plansheet_meta',
} as const;

/** The 指标解释 sheet, written when the plan explains the unit's indicators. */
export const EXPLANATION_SHEET = '指标解释';

/** Entry-sheet columns, left to right. */
export const ENTRY_COLUMNS = {
  code: 'A',
  category: 'B',
  name: 'C',
  unit: 'D',
  target: 'E',
  value: 'F',
  status: 'G',
  remark: 'H',
} as const;

/** Rows 1–3 carry the title (plan, period, unit), row 4 the column headers. */
export const ENTRY_TITLE_ROW = 1;
export const ENTRY_SUBTITLE_ROW = 2;
export const ENTRY_HEADER_ROW = 4;
export const ENTRY_FIRST_DATA_ROW = 5;

export const ENTRY_HEADERS = {
  code: '指标代码',
  category: '类型',
  name: '指标名称',
  unit: '单位',
  target: '目标值',
  value: '填报值',
  status: '状态',
  remark: '备注（数据来源/说明）',
} as const;

/**
 * Columns a run may add to the entry sheet, right of the add-in's hidden mark
 * column I (so ENTRY_COLUMNS and the mark column keep their letters): the
 * read-only 上期值 from generate --previous.
 */
export const PREVIOUS_COLUMN = 'J';
export const PREVIOUS_HEADER = '上期值';

/**
 * Appended to the status word when the row needs a remark and has none
 * (强制上报说明): "未达标·请说明".
 */
export const EXPLAIN_SUFFIX = '请说明';
export const EXPLAIN_SEPARATOR = '·';

/** Status words computed by the entry sheet's formula (and by the rules). */
export const STATUS = {
  blank: '未填',
  met: '达标',
  missed: '未达标',
  noTarget: '无目标',
  /** A number that the target does not judge: the city's target, or progress towards the year's. */
  filled: '已填',
  /** A qualitative goal answered in words: judged by people, not by the formula. */
  qualitative: '定性',
} as const;

function nameSafe(code: string): string {
  // Indicator codes are [A-Z0-9] joined by "-" (schema.ts), so mapping "-" to
  // "_" is one-to-one and never yields a cell reference such as A1.
  return code.replace(/-/g, '_');
}

/** Defined name of an indicator's value cell: PSV_SZ_DE_01. */
export function valueName(code: string): string {
  return `PSV_${nameSafe(code)}`;
}

/** Defined name of an indicator's remark cell: PSR_SZ_DE_01. */
export function remarkName(code: string): string {
  return `PSR_${nameSafe(code)}`;
}

/** Inverse of valueName/remarkName; null for names PlanSheet did not make. */
export function parseCellName(name: string): { kind: 'value' | 'remark'; code: string } | null {
  const m = /^PS([VR])_([A-Z0-9_]+)$/.exec(name);
  if (!m) return null;
  return { kind: m[1] === 'V' ? 'value' : 'remark', code: m[2].replace(/_/g, '-') };
}

/** Defined names of the reporter's cells on the instructions sheet. */
export const REPORTER_NAMES = {
  unit: 'PS_REPORT_UNIT',
  contact: 'PS_REPORT_CONTACT',
  phone: 'PS_REPORT_PHONE',
  date: 'PS_REPORT_DATE',
  /** Signature block of a statistical form: 单位负责人 and 审核人 (the contact is the 填表人). */
  head: 'PS_REPORT_HEAD',
  reviewer: 'PS_REPORT_REVIEWER',
} as const;

/** Keys of the metadata sheet: column A is the key, column B the value. */
export const META_KEYS = {
  magic: 'plansheet',
  formatVersion: 'format_version',
  planId: 'plan_id',
  planHash: 'plan_hash',
  unitCode: 'unit_code',
  unitName: 'unit_name',
  period: 'period',
  generatedAt: 'generated_at',
  generator: 'generator',
  /** Comma-separated indicator codes in entry-sheet order. */
  codes: 'codes',
  /** 报送截止日期, YYYY-MM-DD; absent when generate had no --deadline. */
  deadline: 'deadline',
  /** 表号 and 制表机关 of the statistical form, when the plan states them. */
  formNumber: 'form_number',
  formAuthority: 'form_authority',
  /** The period whose values fill the 上期值 column, when generate had --previous. */
  previousPeriod: 'previous_period',
} as const;

/** Value of the `plansheet` key; identifies a PlanSheet workbook. */
export const META_MAGIC = 'PlanSheet reporting workbook';
