/**
 * The task pane's own words (buttons, headings, error sentences), Chinese
 * first. Finding messages come from the engine in the same language; these
 * strings only cover what the pane itself says.
 */

export type UiLang = 'zh' | 'en';

/** Office.context.displayLanguage is a tag such as "zh-CN" or "en-US". */
export function langFromDisplay(displayLanguage: string | undefined | null): UiLang {
  return displayLanguage && /^en/i.test(displayLanguage) ? 'en' : 'zh';
}

const zh = {
  title: 'PlanSheet 规划指标',
  loading: '正在识别当前工作簿…',
  clerkHeading: '填报表检查',
  cityHeading: '报表汇总',
  unit: '填报单位',
  plan: '规划',
  period: '期间',
  progress: '已填 {filled}/{total} · 达标 {met} · 问题 {problems}',
  check: '检查本表',
  checking: '正在检查…',
  clearMarks: '清除标记',
  marksCleared: '已清除标记，单元格恢复为表格原有的颜色。',
  legacyRestored: '另恢复了旧版加载项涂色的 {n} 个单元格的原有格式。',
  marksUnavailable: '本表由较早版本的 PlanSheet 生成，没有标记规则，单元格上不能显示标记；请点击下方问题逐条定位。',
  noFindings: '未发现问题。',
  findingsCount: '共 {n} 条：错误 {errors}，警告 {warnings}，提示 {infos}。',
  severity_error: '错误',
  severity_warning: '警告',
  severity_info: '提示',
  wholeReturn: '整表',
  goToRemark: '填写说明',
  goToCell: '定位到 {cell}',
  highlighted: '已在“填报值”列用醒目底色标出 {n} 个单元格（红＝错误，橙＝警告，蓝＝提示）。',
  protectedSkipped: '工作表“{sheet}”受保护且不允许设置格式，旧版加载项涂过色的单元格未能恢复。',
  unknownPlan: '本表的规划“{plan}”不在本加载项内置的规划中，无法检查。',
  notReturnHint: '当前工作簿不是 PlanSheet 填报表。可以在这里把各单位报来的填报表汇总到本工作簿。',
  pickFiles: '选择报表文件（.xlsx，可多选）',
  picked: '已选 {n} 个文件：{names}',
  nonePicked: '尚未选择文件。',
  useCopiedSheets: '同时汇总复制到本工作簿中的填报表工作表',
  consolidate: '汇总报表',
  consolidating: '正在汇总…',
  consolidated: '已汇总 {accepted} 份报表（{plan}，{period}），写入工作表：{sheets}。',
  noReturns: '没有可汇总的填报表。请选择各单位报来的 .xlsx 文件。',
  rejectedHeading: '未汇总的文件',
  otherPlan: '属于另一规划或期间（{plan} {period}），本次按 {mainPlan} {mainPeriod} 汇总。',
  missingUnits: '未报送单位：{units}',
  replaceTitle: '替换已有工作表？',
  replaceBody: '本工作簿中已有工作表：{sheets}。汇总将删除并重新写入这些工作表。',
  replace: '替换',
  cancel: '取消',
  cancelled: '已取消，未改动工作簿。',
  noChart: '当前 Excel 版本不支持用加载项插入图表（需要 ExcelApi 1.x 中的图表接口），已写入数据但未插入图表。',
  copiedSheetFound: '工作表“{sheet}”',
  // Error sentences (never raw exceptions).
  err_excelTooOld: '当前 Excel 版本过旧，不支持本加载项所需的功能（需要 ExcelApi {set}）。请升级到 Microsoft 365 或 Excel 2016 及以上的较新版本。',
  err_editMode: 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。',
  err_busy: 'Excel 正忙（可能正在计算或被其他操作占用），请稍后重试。',
  err_sheetMissing: '找不到工作表“{sheet}”，它可能已被删除或改名。',
  err_protected: '工作表受保护，加载项无法修改其中的单元格。',
  err_payload: '写入的数据量超过 Excel 网页版单次请求的上限，请减少一次汇总的报表数量后重试。',
  err_readFile: '无法读取文件“{file}”：{reason}',
  err_unknown: '操作未完成：{message}',
  err_noOffice: '未在 Excel 中运行：请从 Excel“开始”选项卡的“检查与汇总”按钮打开本窗格。',
  // Sheet names and headers written into the workbook (same as the CLI summary).
  sheet_summary: '汇总',
  sheet_status: '报送情况',
  sheet_findings: '问题清单',
};

export type UiKey = keyof typeof zh;

const en: Record<UiKey, string> = {
  title: 'PlanSheet plan indicators',
  loading: 'Looking at the open workbook…',
  clerkHeading: 'Check this return',
  cityHeading: 'Consolidate returns',
  unit: 'Unit',
  plan: 'Plan',
  period: 'Period',
  progress: 'Filled {filled}/{total} · met {met} · problems {problems}',
  check: 'Check this return',
  checking: 'Checking…',
  clearMarks: 'Clear marks',
  marksCleared: 'Marks cleared; the cells show the sheet\'s own colours again.',
  legacyRestored: 'Also restored the formatting of {n} cells painted by an earlier version of the add-in.',
  marksUnavailable: 'This return was made by an earlier version of PlanSheet without the mark rule, so cells cannot show marks; click the problems below to go to each cell.',
  noFindings: 'No problems found.',
  findingsCount: '{n} findings: {errors} errors, {warnings} warnings, {infos} notes.',
  severity_error: 'Errors',
  severity_warning: 'Warnings',
  severity_info: 'Notes',
  wholeReturn: 'Whole return',
  goToRemark: 'Write explanation',
  goToCell: 'Go to {cell}',
  highlighted: 'Marked {n} cells in the value column with a strong fill (red = error, orange = warning, blue = note).',
  protectedSkipped: 'Sheet "{sheet}" is protected and does not allow formatting: cells painted by an earlier version of the add-in could not be restored.',
  unknownPlan: 'This return\'s plan "{plan}" is not one of the plans built into this add-in, so it cannot be checked.',
  notReturnHint: 'The open workbook is not a PlanSheet return. You can consolidate the units\' returns into this workbook here.',
  pickFiles: 'Choose return files (.xlsx, several at once)',
  picked: '{n} files chosen: {names}',
  nonePicked: 'No files chosen yet.',
  useCopiedSheets: 'Also consolidate return sheets copied into this workbook',
  consolidate: 'Consolidate',
  consolidating: 'Consolidating…',
  consolidated: 'Consolidated {accepted} returns ({plan}, {period}) into the sheets: {sheets}.',
  noReturns: 'No returns to consolidate. Choose the .xlsx files the units sent.',
  rejectedHeading: 'Files not consolidated',
  otherPlan: 'Belongs to another plan or period ({plan} {period}); this run consolidates {mainPlan} {mainPeriod}.',
  missingUnits: 'Units that did not report: {units}',
  replaceTitle: 'Replace existing sheets?',
  replaceBody: 'This workbook already has the sheets: {sheets}. Consolidating deletes and rewrites them.',
  replace: 'Replace',
  cancel: 'Cancel',
  cancelled: 'Cancelled; the workbook was not changed.',
  noChart: 'This version of Excel does not let add-ins insert charts; the data was written without a chart.',
  copiedSheetFound: 'Sheet "{sheet}"',
  err_excelTooOld: 'This version of Excel is too old for this add-in (it needs ExcelApi {set}). Please update to Microsoft 365 or a recent Excel 2016 or later.',
  err_editMode: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  err_busy: 'Excel is busy (calculating or doing something else). Please try again in a moment.',
  err_sheetMissing: 'Sheet "{sheet}" cannot be found; it may have been deleted or renamed.',
  err_protected: 'The sheet is protected; the add-in cannot change its cells.',
  err_payload: 'The data is larger than Excel on the web accepts in one request. Consolidate fewer returns at a time.',
  err_readFile: 'Cannot read file "{file}": {reason}',
  err_unknown: 'The operation did not complete: {message}',
  err_noOffice: 'Not running inside Excel: open this pane from the Check and consolidate button on Excel\'s Home tab.',
  sheet_summary: '汇总',
  sheet_status: '报送情况',
  sheet_findings: '问题清单',
};

const TABLE: Record<UiLang, Record<UiKey, string>> = { zh, en };

export function t(lang: UiLang, key: UiKey, params: Record<string, string | number> = {}): string {
  return TABLE[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
