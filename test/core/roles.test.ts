/**
 * Who reports the city's figure and who reports a part of it: lead
 * departments (and lead bodies of kind `other`) the city's, every district its
 * own part, co-leading districts included.
 */

import { builtinPlan } from '../../src/core/plan/builtin';
import { citywideLeads, partReporters } from '../../src/core/consolidate/roles';

const plan = builtinPlan('suzhou-new-infrastructure-2020-2022')!;
const ind = (code: string) => plan.indicators.find((i) => i.code === code)!;
const districts = plan.units.filter((u) => u.kind === 'district').map((u) => u.code);

test('车路协同: departments and the group company lead city-wide; 常熟, 相城, 园区 report parts', () => {
  const b401 = ind('XJJ-B4-01');
  expect(b401.lead).toEqual(expect.arrayContaining(['320581', '320507', '320571', 'SZ-CYJT']));
  expect(citywideLeads(plan, b401)).toEqual(['SZ-GXJ', 'SZ-FGW', 'SZ-GAJ', 'SZ-JTJ', 'SZ-CYJT']);
  expect(partReporters(plan, b401).sort()).toEqual([...districts].sort());
});

test('an indicator led by one department: every district is a part', () => {
  const p = ind('XJJ-P');
  expect(citywideLeads(plan, p)).toEqual(['SZ-FGW']);
  expect(partReporters(plan, p)).toHaveLength(10);
});
