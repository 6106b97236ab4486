/**
 * Rule ids in words, for the problem list (问题清单): the office reads
 * "必填指标未填写", a script filters on "value.missing" (kept in its own
 * narrow column). Ids are those of docs/json.md; an id not listed here
 * (a new reader issue, say) falls back to the words of its family.
 */

const NAMES: Record<string, string> = {
  'template.not-plansheet': '不是 PlanSheet 填报表',
  'template.plan-mismatch': '属于其他计划',
  'template.plan-version': '模板版本与计划不同',
  'template.period-invalid': '期别无法识别',
  'template.period-mismatch': '期别不符',
  'template.period-outside-plan': '期别不在计划年度内',
  'template.unit-unknown': '单位不属于本计划',
  'template.unit-not-reporter': '单位无需填报',
  'template.meta-missing-keys': '模板信息缺失',
  'template.format-version': '模板格式版本未知',
  'template.code-altered': '指标代码被改动',
  'template.target-altered': '目标值被改动',
  'template.target-changed': '目标值已随计划调整',
  'template.formula-no-result': '公式没有计算结果',
  'template.formula-cached': '填报值为公式',
  'template.entry-missing': '找不到填报单元格',
  'template.unknown-code': '计划中没有的指标',
  'template.plan-unknown': '计划未内置',
  'reader.sheet-missing': '工作表缺失',
  'reader.sheet-renamed': '工作表被改名',
  'reader.name-missing': '定义名称缺失',
  'reader.name-moved': '定义名称被移动',
  'reader.name-broken': '定义名称损坏',
  'reader.merged-cell': '填报单元格被合并',
  'reader.meta-hidden-state': '模板信息表被显示',
  'reader.meta-key-missing': '模板信息缺项',
  'reader.row-inserted': '插入了行',
  'reader.row-deleted': '删除了行',
  'reader.protection-removed': '工作表保护被取消',
  'reader.cell-unreadable': '单元格无法读取',
  'reader.value-wrong-column': '数值填在了其他列',
  'reader.value-percent-format': '单元格设为百分比格式',
  'value.missing': '必填指标未填写',
  'value.not-number': '填报值不是数值',
  'value.error': '单元格为错误值',
  'value.percent-format': '百分比格式',
  'value.out-of-range': '数值超出合理范围',
  'value.unit-slip': '疑似单位错误',
  'value.cumulative-decrease': '累计值减少',
  'value.implausible': '数值不合常理',
  'target.missed': '未达目标',
  'return.unreadable': '文件无法读取',
};

const FAMILIES: [prefix: string, words: string][] = [
  ['file.', '文件无法读取'],
  ['template.', '模板问题'],
  ['reader.', '报表结构问题'],
  ['value.', '填报值问题'],
  ['target.', '目标问题'],
  ['return.', '报表问题'],
];

/** The rule in words ("必填指标未填写"); the id itself for an unknown family. */
export function ruleName(rule: string): string {
  return NAMES[rule] ?? FAMILIES.find(([p]) => rule.startsWith(p))?.[1] ?? rule;
}
