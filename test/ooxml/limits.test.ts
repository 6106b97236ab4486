/**
 * Excel counts text limits in UTF-16 code units (an emoji or a CJK
 * Extension B character is two); the writer clips validation texts so.
 */

import { clip, LIMITS, valueValidation } from '../../src/xlsx/write/validation';
import { builtinPlan } from '../../src/core/plan/builtin';

const utf16 = (s: string) => s.length;
const lonely = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

test('clip counts UTF-16 units and never splits a surrogate pair', () => {
  const emoji = '😀'.repeat(200); // 200 code points, 400 units
  const out = clip(emoji, LIMITS.prompt);
  expect(utf16(out)).toBeLessThanOrEqual(255);
  expect(out.endsWith('…')).toBe(true);
  expect(out).not.toMatch(lonely);
  // Odd room: the last pair that does not fit is left out whole.
  expect(clip('a😀😀', 4)).toBe('a😀…');
  expect(clip('a😀😀', 3)).toBe('a…');
  expect(clip('𠀀𠀁𠀂', 6)).toBe('𠀀𠀁𠀂');
  expect(clip('𠀀𠀁𠀂𠀃', 6)).toBe('𠀀𠀁…');
});

test("an indicator named with Extension B characters gets a prompt title within Excel's 32 units", () => {
  const ind = { ...builtinPlan('suzhou-digital-economy-2021-2023')!.indicators[0], name: '𠀀'.repeat(20) };
  const v = valueValidation(ind, ind.targets['2023']);
  expect(utf16(v.promptTitle)).toBeLessThanOrEqual(LIMITS.promptTitle);
  expect(v.promptTitle).not.toMatch(lonely);
  for (const [text, max] of [[v.prompt, LIMITS.prompt], [v.error, LIMITS.error], [v.errorTitle, LIMITS.errorTitle]] as const) expect(utf16(text)).toBeLessThanOrEqual(max);
});
