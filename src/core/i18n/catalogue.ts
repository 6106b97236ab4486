/**
 * Every message the rules and the consolidation produce, Chinese first, with
 * {param} placeholders. Keys are stable: findings' rule ids are derived from
 * them, and the add-in may show its own text for a key.
 */

import { FIGURE_MESSAGES } from './figures';
import { OWN_TARGET_MESSAGES, PLAN_WORKBOOK_MESSAGES } from '../plan/workbook-messages';

export const CATALOGUE = {
  ...FIGURE_MESSAGES,
  // ── template.* : is this the right workbook? ─────────────────────────────
  'template.not-plansheet': {
    zh: '不是 PlanSheet 填报表（没有 PlanSheet 元数据），无法识别所属计划、单位和期别',
    en: 'Not a PlanSheet return (no PlanSheet metadata): its plan, unit and period cannot be identified',
  },
  'template.plan-mismatch': {
    zh: '报表属于计划“{got}”，不是本计划“{expected}”',
    en: 'The return belongs to plan "{got}", not to this plan "{expected}"',
  },
  'template.plan-version': {
    zh: '报表由本计划的另一版本生成（报表 {got}，当前 {expected}）；数值按指标代码读取，目标以当前计划为准',
    en: 'The return was generated from another version of this plan ({got}, current {expected}); values are read by indicator code and checked against the current targets',
  },
  'template.period-mismatch': {
    zh: '报表期别为 {got}，应为 {expected}',
    en: 'The return is for period {got}, expected {expected}',
  },
  'template.period-invalid': {
    zh: '报表期别“{got}”无法识别',
    en: 'The return period "{got}" is not a valid period',
  },
  'template.period-outside-plan': {
    zh: '报表期别 {got} 不在计划年度（{years}）内',
    en: 'Period {got} is outside the plan years ({years})',
  },
  'template.unit-unknown': {
    zh: '单位代码 {unit} 不是本计划的填报单位',
    en: 'Unit code {unit} is not a reporting unit of this plan',
  },
  'template.unit-not-reporter': {
    zh: '单位 {unit} 在本计划中没有需要填报的指标',
    en: 'Unit {unit} has no indicators to report in this plan',
  },
  'template.meta-missing-keys': {
    zh: '元数据缺少：{keys}；报表可能被修改过',
    en: 'Metadata is missing: {keys}; the workbook may have been altered',
  },
  'template.format-version': {
    zh: '模板格式版本“{got}”无法识别（支持版本 {expected}），请用最新模板重新填报',
    en: 'Unknown template format version "{got}" (supported: {expected}); please refill the current template',
  },
  'template.code-altered': {
    zh: '指标代码单元格被修改：应为 {expected}，现为“{shown}”；数值仍按 {expected} 读取',
    en: 'The code cell was changed: expected {expected}, found "{shown}"; the value is still read as {expected}',
  },
  'template.target-altered': {
    zh: '目标值单元格被修改：计划目标为 {expected}，表中为“{shown}”；以计划目标为准',
    en: 'The target cell was changed: the plan target is {expected}, the sheet shows "{shown}"; the plan target applies',
  },
  'template.target-changed': {
    zh: '表中目标“{shown}”与当前计划目标 {expected} 不同（报表由旧版计划生成）；以当前计划目标为准',
    en: 'The sheet shows target "{shown}" but the current plan says {expected} (older plan version); the current target applies',
  },
  'template.formula-no-result': {
    zh: '填报值是公式“{formula}”，文件中没有计算结果；请直接填写数值（或在 Excel 中打开并保存后再报送）',
    en: 'The value is a formula "{formula}" with no saved result; please type the number (or open and save the file in Excel before sending it)',
  },
  'template.formula-cached': {
    zh: '填报值是公式“{formula}”，已按文件中保存的计算结果 {value} 读取；请改为直接填写数值',
    en: 'The value is a formula "{formula}"; its saved result {value} was used; please type the number instead',
  },
  'template.unknown-code': {
    zh: '报表中的指标 {code} 不在本计划中，已忽略',
    en: 'Indicator {code} is not in this plan and was ignored',
  },
  'template.entry-missing': {
    zh: '找不到指标 {code}（{name}）的填报单元格',
    en: 'The value cell of indicator {code} ({name}) cannot be found',
  },
  'reader.meta-hidden-state.hidden': {
    zh: '元数据工作表由“深度隐藏”变为“隐藏”（LibreOffice、WPS 另存时常见），不影响读取',
    en: 'The metadata sheet changed from very hidden to hidden (usual after saving in LibreOffice or WPS); reading is not affected',
  },
  'template.reader-issue': {
    zh: '报表结构问题（{rule}）{detail}',
    en: 'Workbook structure problem ({rule}) {detail}',
  },

  // ── num.* : how a value cell was read (readNumber's `how`) ───────────────
  'num.text': {
    zh: '“{text}”是以文本形式保存的数字，按 {value} 读取',
    en: '"{text}" is a number stored as text; read as {value}',
  },
  'num.spaces': {
    zh: '“{text}”含有空格，按 {value} 读取',
    en: '"{text}" contains spaces; read as {value}',
  },
  'num.thousands': {
    zh: '“{text}”含千位分隔符，按 {value} 读取',
    en: '"{text}" contains thousands separators; read as {value}',
  },
  'num.fullwidth': {
    zh: '“{text}”含全角字符，按 {value} 读取',
    en: '"{text}" contains full-width characters; read as {value}',
  },
  'num.percent-sign': {
    zh: '“{text}”带百分号，按 {value}（%）读取',
    en: '"{text}" has a percent sign; read as {value} (%)',
  },
  'num.unit-suffix': {
    zh: '“{text}”带单位“{suffix}”，按 {value}（{unit}）读取',
    en: '"{text}" includes the unit "{suffix}"; read as {value} ({unit})',
  },
  'num.percent-format': {
    zh: '单元格为百分比格式，显示 {text}（存储值 {stored}），按 {value}（%）读取',
    en: 'The cell has a percent format and shows {text} (stored {stored}); read as {value} (%)',
  },
  'num.approx': {
    zh: '“{text}”是约数，不能作为填报值；请填写确切数值，必要的说明写在备注中',
    en: '"{text}" is an approximation and cannot be used; please enter the exact number and explain in the remark',
  },
  'num.no-data': {
    zh: '“{text}”不是数值；如确无数据，请将填报值留空并在备注中说明原因',
    en: '"{text}" is not a number; if there is no data, leave the value blank and explain in the remark',
  },
  'num.percent-in-non-percent': {
    zh: '“{text}”带百分号，但本指标单位是“{unit}”，无法确定含义；请按“{unit}”填写数值',
    en: '"{text}" has a percent sign but the indicator\'s unit is "{unit}"; its meaning is unclear, please enter a number in {unit}',
  },
  'num.scale-mismatch': {
    zh: '“{text}”的数量级“{scale}”与指标单位“{unit}”不一致；如指 {suggest} {unit}，请直接填写 {suggest}',
    en: '"{text}" uses "{scale}", which does not match the unit "{unit}"; if you mean {suggest} {unit}, enter {suggest}',
  },
  'num.unit-mismatch': {
    zh: '“{text}”所带单位“{suffix}”与指标单位“{unit}”不一致，请按“{unit}”填写数值',
    en: '"{text}" carries the unit "{suffix}", not the indicator\'s unit "{unit}"; please enter a number in {unit}',
  },
  'num.unreadable': {
    zh: '“{text}”无法识别为数值，请只填写一个数字',
    en: '"{text}" cannot be read as a number; please enter a single number',
  },
  'num.boolean': {
    zh: '填报值是逻辑值 {text}，不是数值',
    en: 'The value is a boolean ({text}), not a number',
  },
  'num.date': {
    zh: '填报值是日期 {text}，不是数值（可能被 Excel 自动转为日期，请将单元格设为数值格式后重填）',
    en: 'The value is a date ({text}), not a number (Excel may have converted it; set the cell to a number format and re-enter it)',
  },
  'num.error-value': {
    zh: '填报值是错误值 {text}，不是数值',
    en: 'The value is an error ({text}), not a number',
  },
  'text.error-value': {
    zh: '填报内容是错误值 {text}，请填写文字说明',
    en: 'The cell holds an error ({text}); please describe the progress in words',
  },
  'num.not-finite': {
    zh: '填报值不是有效数值（{text}）',
    en: 'The value is not a finite number ({text})',
  },

  // ── value.* : the number itself ──────────────────────────────────────────
  'value.missing': {
    zh: '必填指标 {code}（{name}）未填写',
    en: 'Required indicator {code} ({name}) is blank',
  },
  'value.out-of-range.percent': {
    zh: '百分比 {value} 超出 0～100 的范围',
    en: 'Percentage {value} is outside 0–100',
  },
  'value.out-of-range.negative': {
    zh: '{value} 是负数，本指标（{unit}）不能为负',
    en: '{value} is negative; this indicator ({unit}) cannot be negative',
  },
  'value.out-of-range.fraction': {
    zh: '{value} 不是整数（单元格按整数格式显示为 {shown}），本指标是计数（{unit}）',
    en: '{value} is not a whole number (the cell, formatted for whole numbers, shows {shown}); this indicator is a count ({unit})',
  },
  'value.unit-slip.percent': {
    zh: '疑似单位错误：填报 {value}，参考值为 {ref}；百分比应按 0～100 填写，{value} 可能是 {suggest}%',
    en: 'Likely unit error: {value} entered, reference {ref}; percentages are entered as 0–100, {value} probably means {suggest}%',
  },
  'value.unit-slip.magnitude': {
    zh: '疑似单位错误：填报 {value}，是参考值（{ref}）的约 {ratio} 倍；如按“{from}”填写，应为 {suggest} {unit}',
    en: 'Likely unit error: {value} is about {ratio} times the reference ({ref}); if it was entered in "{from}", it should be {suggest} {unit}',
  },
  'value.cumulative-decrease': {
    zh: '累计指标减少：本期填报 {value}，低于 {prevPeriod} 的 {prev}；请核实，或在备注中说明原因',
    en: 'Cumulative value decreased: {value} this period, below {prev} in {prevPeriod}; please check, or explain in the remark',
  },
  'ref.target': { zh: '目标 {target}', en: 'target {target}' },
  'ref.median': { zh: '其他 {count} 个单位的中位数 {median}', en: 'median {median} of {count} other units' },

  // ── target.* ─────────────────────────────────────────────────────────────
  'target.below': {
    zh: '低于目标 {gap}（目标 {target}，填报 {value}）',
    en: '{gap} below the target (target {target}, reported {value})',
  },
  'target.above': {
    zh: '高于上限 {gap}（目标 {target}，填报 {value}）',
    en: '{gap} above the limit (target {target}, reported {value})',
  },
  'target.off': {
    zh: '与目标相差 {gap}（目标 {target}，填报 {value}）',
    en: '{gap} off the target (target {target}, reported {value})',
  },
  'target.binding': { zh: '；本指标为约束性指标', en: '; this is a binding indicator' },
  'target.ask-remark': { zh: '；请在备注中说明原因', en: '; please explain in the remark' },
  'target.explained': { zh: '；备注已说明：{remark}', en: '; explained in the remark: {remark}' },
  'target.interim': {
    zh: '（{period}，对照年度目标）',
    en: ' ({period}, against the annual target)',
  },
  'unit.points': { zh: '个百分点', en: 'percentage points' },

  // ── consolidation ────────────────────────────────────────────────────────
  'return.unreadable': { zh: '文件无法作为报表读取', en: 'The file could not be read as a return' },
  'return.wrong-plan': { zh: '属于其他计划（{got}）', en: 'Belongs to another plan ({got})' },
  'return.wrong-period': { zh: '期别为 {got}，应为 {expected}', en: 'Period {got}, expected {expected}' },
  'return.unknown-unit': { zh: '单位代码 {unit} 不是本计划的填报单位', en: 'Unit code {unit} is not a reporting unit of this plan' },
  'return.conflict': {
    zh: '与 {others} 为同一单位（{unit}）的报表，均未汇总；请确认以哪一份为准',
    en: 'Same unit ({unit}) as {others}; neither was consolidated; please decide which one is valid',
  },
  'return.superseded': {
    zh: '同一单位（{unit}）另有较新的报表 {kept}，按{by}（{keptDate}，本表 {date}）以较新者为准，本表未汇总',
    en: 'Superseded by the newer return {kept} of the same unit ({unit}), by {by} ({keptDate}; this one {date}); not consolidated',
  },
  'return.undecidable': {
    zh: '与 {others} 为同一单位（{unit}）的报表，无法判断哪份较新（填报日期、文件修改时间和生成时间均相同或缺失），均未汇总',
    en: 'Same unit ({unit}) as {others}; which is newer cannot be told (report date, file time and generation time equal or missing); neither was consolidated',
  },
  'by.reporter-date': { zh: '填报日期', en: 'the report date' },
  'by.modified': { zh: '文件修改时间', en: 'the file modification time' },
  'by.generated': { zh: '模板生成时间', en: 'the template generation time' },

  'basis.sum': { zh: '{count} 个单位合计', en: 'sum of {count} units' },
  'basis.sum-partial': {
    zh: '{count}/{expected} 个单位合计（{missing}）',
    en: 'sum of {count} of {expected} units ({missing})',
  },
  // Why a unit has no value in a city figure: never sent, sent but unusable, or left blank.
  'basis.absent.no-return': { zh: '未报送：{units}', en: 'no return: {units}' },
  'basis.absent.conflict': { zh: '重复报送未汇总：{units}', en: 'duplicate returns, not consolidated: {units}' },
  'basis.absent.unreadable': { zh: '数值无法识别：{units}', en: 'value unreadable: {units}' },
  'basis.absent.blank': { zh: '未填：{units}', en: 'blank: {units}' },
  'basis.sum-lead-fallback': {
    zh: '各区未报，采用牵头部门 {lead} 的全市数',
    en: 'no district figures; the lead department {lead}\'s city-wide figure',
  },
  'basis.vs-lead': {
    zh: '；牵头部门 {lead} 报全市数 {leadValue}，各单位合计与之相差 {difference}',
    en: '; the lead department {lead} reports {leadValue} city-wide, the units\' sum differs by {difference}',
  },
  'basis.lead': { zh: '牵头部门 {lead} 的报表', en: 'the return of the lead department {lead}' },
  'basis.lead-differs': {
    zh: '；另一牵头部门报 {others}',
    en: '; another lead department reports {others}',
  },
  'basis.rate-no-lead': {
    zh: '牵头部门未报全市数；各单位的比率不能相加，无法得出全市数',
    en: 'the lead department sent no city-wide figure; units\' rates cannot be added, so there is no city figure',
  },
  'basis.citywide-no-lead': {
    zh: '牵头部门未报全市数',
    en: 'the lead department sent no city-wide figure',
  },
  'basis.limit': {
    zh: '{count}/{expected} 个单位已报，{bad} 个不达标；取最不利值',
    en: '{count} of {expected} units reported, {bad} not complying; the worst value is shown',
  },
  'basis.text': {
    zh: '文字填报（{count} 个单位），达成情况由人工判断',
    en: 'reported in words ({count} units); attainment is judged by people',
  },
  'basis.no-values': { zh: '无可用数值', en: 'no usable values' },
  // ── planwb.* : importing a plan workbook (src/core/plan/workbook-messages.ts) ──
  ...PLAN_WORKBOOK_MESSAGES,
  ...OWN_TARGET_MESSAGES,

  // ── identity.* : whose return it is (rules/identity.ts) ─────────────────
  'identity.unit-mismatch': {
    zh: '报表的单位说法不一：模板元数据为 {meta}；“填报单位”单元格为“{cell}”（{cellUnits}）；文件名“{file}”（{fileUnits}）。汇总时本表不计入任何单位，请核实由哪个单位填报：若是其他单位代填，请该单位用自己的模板重新填报；若单位无误，请改正填报单位和文件名后重新提交',
    en: 'The return names different units: the template metadata says {meta}; the 填报单位 cell says "{cell}" ({cellUnits}); the file name "{file}" ({fileUnits}). Consolidation credits it to no unit; check which unit filled it in: if another unit used this template, it should refill its own; if the unit is right, correct the 填报单位 cell and the file name and submit again',
  },
  'identity.says-nothing': { zh: '未指明单位', en: 'names no unit' },
  // A return made from the returns of the units below (consolidate --as-return).
  'tree.made': { zh: '由 {count} 个下级单位汇总', en: 'made from {count} units below' },
  'tree.made-limit': { zh: '{count} 个下级单位中最不利的值（不达标：{bad}）', en: 'the worst of {count} units below (not complying: {bad})' },
  'tree.partial': {
    zh: '下级单位未报齐（{count}/{expected}，未报或数值有误：{missing}），未填写；补齐后重新汇总，或由本单位核实后填写',
    en: 'not all units below reported a usable value ({count} of {expected}; missing or wrong: {missing}); left blank: consolidate again when complete, or fill in after checking',
  },
  'tree.owned': {
    zh: '比率或全域指标不能由下级相加，由本单位填报',
    en: 'a rate or whole-area figure cannot be added up from the units below; the unit fills it in',
  },
  'tree.none': { zh: '下级单位均未报送此项，未填写', en: 'no unit below reported it; left blank' },
  'tree.remark': { zh: '{note}，来源见“汇总来源”表', en: '{note}; see the 汇总来源 sheet' },
  'tree.title': { zh: '{unit} {period} 报表汇总来源', en: '{unit} {period}: where the values came from' },
  'tree.from': { zh: '由 {count} 份下级报表汇总，生成于 {at}', en: 'made from {count} returns of the units below, at {at}' },
  'tree.findings': {
    zh: '下级报表问题：错误 {errors} 条、警告 {warnings} 条，见：{files}',
    en: 'findings in the returns below: {errors} errors, {warnings} warnings, in: {files}',
  },
  'tree.findings-none': { zh: '下级报表无错误和警告', en: 'no errors or warnings in the returns below' },
  'tree.outside': {
    zh: '报表 {file} 的填报单位 {unit} 不在 {target} 之下，不能汇总为 {target} 的报表',
    en: 'the return {file} is of {unit}, which is not below {target}; it cannot go into the return of {target}',
  },
  'identity.agrees': { zh: '与元数据一致', en: 'agrees with the metadata' },
  'identity.blank': { zh: '空', en: 'blank' },
} as const;

export type MessageKey = keyof typeof CATALOGUE;
