/**
 * Messages about city figures: values left out of them, verdicts that need a
 * note, plausibility limits. Kept beside the main catalogue (and spread into
 * it) so the figure rules read as one block.
 */

export const FIGURE_MESSAGES = {
  'value.implausible.max': {
    zh: '{value} 超出本指标的合理范围（不超过 {limit}{unit}），不可能是一个单位的填报值；请核实后重填',
    en: '{value} is beyond what one unit can report for this indicator (at most {limit}{unit}); please check and re-enter',
  },
  'value.implausible.min': {
    zh: '{value} 低于本指标的合理范围（不低于 {limit}{unit}）；请核实后重填',
    en: '{value} is below what this indicator allows (at least {limit}{unit}); please check and re-enter',
  },
  'excluded.unit-slip': {
    zh: '{unit} 填报 {value}，疑似单位错误（可能应为 {suggest}），待核实，未计入全市数',
    en: '{unit} reported {value}, a likely unit error (probably {suggest}); left out of the city figure until verified',
  },
  'excluded.implausible': {
    zh: '{unit} 填报 {value}，超出合理范围，待核实，未计入全市数',
    en: '{unit} reported {value}, beyond plausible limits; left out of the city figure until verified',
  },
  'basis.absent.excluded': { zh: '待核实未计入：{units}', en: 'left out until verified: {units}' },
  'basis.absent.error': { zh: '数值有错误：{units}', en: 'value with an error: {units}' },
  'note.above-max': {
    zh: '超过目标上限 {excess}',
    en: '{excess} above the upper bound',
  },
  'note.tolerated': {
    zh: '在目标允许误差（±{tolerance}）内',
    en: 'within the target\'s tolerance (±{tolerance})',
  },
} as const;
