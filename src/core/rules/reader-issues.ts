/**
 * Structural problems a return reader may report (ParsedReturn.structural).
 * Reader authors import `ReaderIssueRule` so that the rule ids they emit are
 * the ones the rules understand; each id has a severity and a message here.
 * An id not listed still becomes a finding (warning, generic message), so a
 * reader can never make the validator throw.
 *
 * Parameters (StructuralIssue.params) used by the messages are listed beside
 * each id; `at` should point at the cell or name the issue is about.
 */

import type { Severity } from './finding';

export type ReaderIssueRule =
  /** A sheet of the template is gone. params: { sheet } */
  | 'reader.sheet-missing'
  /** A sheet was renamed (found by position/content). params: { sheet, expected } */
  | 'reader.sheet-renamed'
  /** An indicator's value/remark defined name is gone. params: { name, code } */
  | 'reader.name-missing'
  /** A defined name points elsewhere than the generator put it. params: { name, code, expected } */
  | 'reader.name-moved'
  /** A defined name no longer resolves (#REF!, other workbook). params: { name, code } */
  | 'reader.name-broken'
  /** The value's name is gone or broken, but the code column found the row. params: { name, code, foundAt } */
  | 'reader.name-found-by-code'
  /**
   * The value's name points at a row showing another code (or no code), and
   * this code is in no row: the value is not read. params: { name, code, cell, shown }
   */
  | 'reader.name-stale'
  /** A value cell is part of a merged range. params: { code, range } */
  | 'reader.merged-cell'
  /**
   * The metadata sheet is not very-hidden any more. params: { state: 'hidden' | 'visible' }.
   * 'hidden' (LibreOffice/WPS save it so) is only a note; 'visible' a warning.
   */
  | 'reader.meta-hidden-state'
  /** A metadata key is absent or empty. params: { key } */
  | 'reader.meta-key-missing'
  /** Rows were inserted in the entry sheet. params: { count } */
  | 'reader.row-inserted'
  /** Rows of indicators were deleted from the entry sheet. params: { count, codes: "A-1,A-2" } */
  | 'reader.row-deleted'
  /** The entry sheet's protection was removed. */
  | 'reader.protection-removed'
  /** Some cell could not be read and was treated as blank. params: { detail } */
  | 'reader.cell-unreadable'
  /** The value cell is blank but the same row has a number in another column. params: { code, cell, text } */
  | 'reader.value-wrong-column'
  /**
   * The value cell has a percent number format (typed "95%", stored 0.95).
   * params: { code, value (stored), shown ("95%") }. For percent indicators the
   * engine reads the value as shown (95) with a warning; see readEntry.
   */
  | 'reader.value-percent-format';

interface ReaderIssueSpec {
  severity: Severity;
  zh: string;
  en: string;
}

/** Severity and message (with {param} placeholders) of every reader issue. */
export const READER_ISSUES: Record<ReaderIssueRule, ReaderIssueSpec> = {
  'reader.sheet-missing': {
    severity: 'error',
    zh: '工作表“{sheet}”缺失，请使用原模板填报',
    en: 'Sheet "{sheet}" is missing; please fill in the original template',
  },
  'reader.sheet-renamed': {
    severity: 'warning',
    zh: '工作表“{expected}”被改名为“{sheet}”',
    en: 'Sheet "{expected}" was renamed to "{sheet}"',
  },
  'reader.name-missing': {
    severity: 'error',
    zh: '指标 {code} 的单元格名称 {name} 被删除，无法定位填报值',
    en: 'The defined name {name} of indicator {code} was deleted; its value cannot be found',
  },
  'reader.name-moved': {
    severity: 'warning',
    zh: '指标 {code} 的单元格名称 {name} 指向了别处（原为 {expected}），请核对该行是否被移动',
    en: 'The defined name {name} of indicator {code} now points elsewhere (was {expected}); check whether the row was moved',
  },
  'reader.name-broken': {
    severity: 'error',
    zh: '指标 {code} 的单元格名称 {name} 已失效（#REF!），可能整行被删除',
    en: 'The defined name {name} of indicator {code} is broken (#REF!); the row may have been deleted',
  },
  'reader.name-found-by-code': {
    severity: 'warning',
    zh: '指标 {code} 的单元格名称 {name} 已删除或失效，已按“指标代码”列在 {foundAt} 找到填报值',
    en: 'The defined name {name} of indicator {code} is deleted or broken; the value was found by its code at {foundAt}',
  },
  'reader.name-stale': {
    severity: 'error',
    zh: '指标 {code} 的单元格名称 {name} 指向 {cell}，但该行的指标代码是“{shown}”，表中也找不到 {code} 所在的行（可能被删除或排序后删除）；为免误读相邻指标，未读取本指标',
    en: 'The defined name {name} of indicator {code} points at {cell}, but that row shows code "{shown}" and no row shows {code} (deleted, or sorted then deleted); it was not read, so as not to take a neighbour\'s value',
  },
  'reader.merged-cell': {
    severity: 'warning',
    zh: '指标 {code} 的填报单元格被合并（{range}），请取消合并',
    en: 'The value cell of indicator {code} is merged ({range}); please unmerge it',
  },
  'reader.meta-hidden-state': {
    severity: 'warning',
    zh: '隐藏的元数据工作表被显示出来（{state}），请勿修改其内容',
    en: 'The hidden metadata sheet was made visible ({state}); do not edit it',
  },
  'reader.meta-key-missing': {
    severity: 'error',
    zh: '元数据缺少“{key}”，报表可能被修改过',
    en: 'Metadata key "{key}" is missing; the workbook may have been altered',
  },
  'reader.row-inserted': {
    severity: 'warning',
    zh: '填报表中插入了 {count} 行；数值仍按单元格名称读取，请勿在插入的行中填报指标',
    en: '{count} row(s) were inserted in the entry sheet; values are still read by name, do not report indicators in inserted rows',
  },
  'reader.row-deleted': {
    severity: 'error',
    zh: '填报表中删除了 {count} 行指标（{codes}），这些指标没有读取到数值',
    en: '{count} indicator row(s) were deleted from the entry sheet ({codes}); no value was read for them',
  },
  'reader.protection-removed': {
    severity: 'warning',
    zh: '填报表的工作表保护被取消，请核对代码和目标值列是否被修改',
    en: 'The entry sheet is no longer protected; check that the code and target columns were not changed',
  },
  'reader.cell-unreadable': {
    severity: 'warning',
    zh: '有单元格无法读取，已按空白处理：{detail}',
    en: 'A cell could not be read and was treated as blank: {detail}',
  },
  'reader.value-wrong-column': {
    severity: 'warning',
    zh: '指标 {code} 的填报值为空，但同一行 {cell} 中有“{text}”，可能填错了列；请填在“填报值”列',
    en: 'The value of indicator {code} is blank but {cell} in the same row holds "{text}"; it may be in the wrong column, please move it to the value column',
  },
  'reader.value-percent-format': {
    severity: 'warning',
    zh: '指标 {code} 的填报单元格设为百分比格式（显示 {shown}，实际存储 {value}）；本指标不是百分比，请改为常规格式并核对数值',
    en: 'The value cell of indicator {code} has a percent format (shows {shown}, stores {value}); this indicator is not a percentage, use a plain number format and check the value',
  },
};

export function isReaderIssueRule(rule: string): rule is ReaderIssueRule {
  return Object.prototype.hasOwnProperty.call(READER_ISSUES, rule);
}
