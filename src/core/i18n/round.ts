/**
 * Messages of the reporting round (issue 13): forced explanations, last
 * period, timeliness, correction workbooks. Kept beside catalogue.ts so that
 * parallel work on the main catalogue does not collide; message() reads both.
 */

export const ROUND_MESSAGES: Record<string, { zh: string; en: string }> = {
  'value.far-from-previous': {
    zh: '与上期差异较大：本期填报 {value}，{prevPeriod} 为 {prev}（{change}）',
    en: 'Far from last period: {value} this period, {prev} in {prevPeriod} ({change})',
  },
  'value.from-zero': { zh: '上期为 0', en: 'from 0' },
  'explain.required': {
    zh: '；须在备注中说明原因（强制上报说明）',
    en: '; a remark explaining it is required',
  },
  'timeliness.on-time': { zh: '按时', en: 'on time' },
  'timeliness.late': { zh: '逾期 {days} 天', en: '{days} days late' },
  'timeliness.missing': { zh: '未报', en: 'not reported' },
  'feedback.title': { zh: '问题清单（退回修改）', en: 'Problems to fix (returned for correction)' },
  'feedback.intro': {
    zh: '{unit}：本表退回修改。请按下列各项逐格修改“{sheet}”中标红框的单元格，或在备注栏说明原因，保存后重新报送本文件。',
    en: '{unit}: this return is sent back for correction. Fix each red-boxed cell of "{sheet}" listed below, or explain it in the remark, then save and send this file again.',
  },
  'feedback.head.no': { zh: '序号', en: 'No.' },
  'feedback.head.code': { zh: '指标代码', en: 'Code' },
  'feedback.head.name': { zh: '指标名称', en: 'Indicator' },
  'feedback.head.cell': { zh: '单元格', en: 'Cell' },
  'feedback.head.severity': { zh: '类别', en: 'Kind' },
  'feedback.head.problem': { zh: '问题及修改要求', en: 'Problem and what to do' },
  'feedback.head.remark': { zh: '可在此处说明', en: 'Explain here' },
  'feedback.error': { zh: '错误（必须修改）', en: 'error (must fix)' },
  'feedback.warning': { zh: '警告（修改或说明）', en: 'warning (fix or explain)' },
  'feedback.whole': { zh: '整表', en: 'whole return' },
};
