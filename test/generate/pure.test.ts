/** The writer's small pure parts: status formula text, validation choices, file names, unit selection. */

import { builtinPlan, builtinPlanIds } from '../../src/core/plan/builtin';
import type { Target } from '../../src/core/plan/types';
import { STATUS } from '../../src/core/template/layout';
import { formulaNumber, metCondition, statusFormula } from '../../src/xlsx/write/status';
import { indicatorsFor, reportingUnits, templateFileName } from '../../src/xlsx/write/units';
import { clip, LIMITS, statusRules, valueValidation } from '../../src/xlsx/write/validation';
import { testPlan } from './test-plan';
import { textUnits, wrappedLines, wrappedRowHeight } from '../../src/xlsx/layout-text';
import { entryRowHeight } from '../../src/xlsx/write/template';

describe('status formula', () => {
  test('numbers are written without exponent or float noise', () => {
    expect(formulaNumber(0.1 + 0.2)).toBe('0.3');
    expect(formulaNumber(3000)).toBe('3000');
    expect(formulaNumber(1e-7)).toBe('0.0000001');
    expect(formulaNumber(1.3)).toBe('1.3');
  });

  test('each operator gives its comparison; text/none/missing give no comparison', () => {
    const t = (x: Record<string, unknown>) => ({ raw: '', ...x }) as unknown as Target;
    expect(metCondition(t({ op: 'ge', value: 3000 }), 'F5')).toBe('F5>=3000-0.000000001');
    expect(metCondition(t({ op: 'le', value: 1.3 }), 'F5')).toBe('F5<=1.3+0.000000001');
    expect(metCondition(t({ op: 'eq', value: 1 }), 'F5')).toBe('ABS(F5-1)<=0.000000001');
    // A "力争 1～2" range is a floor; a true band keeps both bounds.
    expect(metCondition(t({ op: 'range', min: 1, max: 2 }), 'F5')).toBe('F5>=1-0.000000001');
    expect(metCondition(t({ op: 'range', min: 1, max: 2, band: true }), 'F5')).toBe('AND(F5>=1-0.000000001,F5<=2+0.000000001)');
    expect(metCondition(t({ op: 'text', text: '全面推广' }), 'F5')).toBeNull();
    expect(metCondition(t({ op: 'none' }), 'F5')).toBeNull();
    expect(metCondition(undefined, 'F5')).toBeNull();
    // The plan's tolerance of an approximate target ("2000 家左右", ±5 %) widens the bounds as evaluateTarget does.
    expect(metCondition(t({ op: 'ge', value: 2000 }), 'F5', 0.05)).toBe('F5>=1900-0.000000001');
    expect(metCondition(t({ op: 'le', value: 5 }), 'F5', 0.05)).toBe('F5<=5.25+0.000000001');
    expect(metCondition(t({ op: 'eq', value: 10 }), 'F5', 0.05)).toBe('ABS(F5-10)<=0.5+0.000000001');
  });

  test('the formula uses only portable functions and the layout status words', () => {
    const f = statusFormula({ op: 'ge', value: 5, raw: '5' }, 'F9');
    expect(f).toBe(`IF(ISNUMBER(F9),IF(F9>=5-0.000000001,"${STATUS.met}","${STATUS.missed}"),"${STATUS.blank}")`);
    expect(statusFormula({ op: 'none', raw: '/' }, 'F9')).toBe(`IF(ISNUMBER(F9),"${STATUS.noTarget}","${STATUS.blank}")`);
    expect(f.match(/[A-Z]+(?=\()/g)!.every((fn) => ['IF', 'ISNUMBER', 'AND', 'ABS'].includes(fn))).toBe(true);
  });
});

describe('validation choices', () => {
  const plan = testPlan();
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const v = (code: string) => valueValidation(byCode.get(code)!, byCode.get(code)!.targets['2023']);

  test('kind decides the rule: percent 0–100, amount/ratio ≥ 0 decimal, count whole ≥ 0, number any', () => {
    expect(v('T-PCT')).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(v('T-GE')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(v('T-LE')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(v('T-RANGE')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    const any = v('T-TEXT');
    expect(any.type).toBe('decimal');
    expect(any.operator).toBe('between');
    expect(any.formulae[0]).toBeLessThan(-1e14);
    expect(any.formulae[1]).toBeGreaterThan(1e14);
    expect(v('T-WORDS')).toMatchObject({ type: 'textLength', operator: 'between', formulae: [1, 500] });
  });

  test('texts stay within Excel limits, carry name, unit and target, and have no line breaks', () => {
    for (const ind of plan.indicators) {
      const d = valueValidation(ind, ind.targets['2023']);
      expect([...d.promptTitle].length).toBeLessThanOrEqual(LIMITS.promptTitle);
      expect([...d.prompt].length).toBeLessThanOrEqual(LIMITS.prompt);
      expect([...d.errorTitle].length).toBeLessThanOrEqual(LIMITS.errorTitle);
      expect([...d.error].length).toBeLessThanOrEqual(LIMITS.error);
      for (const s of [d.promptTitle, d.prompt, d.errorTitle, d.error]) expect(s).not.toMatch(/[\r\n]/);
      expect(d.errorStyle).toBe('stop');
      if (ind.unit) expect(d.prompt).toContain(ind.unit);
    }
    expect(v('T-GE').prompt).toContain('≥ 3000');
    expect(v('T-LONG').promptTitle.endsWith('…')).toBe(true);
    expect(clip('短', 32)).toBe('短');
  });

  test('one conditional-format rule per status word, with distinct priorities', () => {
    const rules = statusRules('$G5');
    expect(rules.map((r) => r.formulae[0]).sort()).toEqual(Object.values(STATUS).map((w) => `$G5="${w}"`).sort());
    expect(new Set(rules.map((r) => r.priority)).size).toBe(rules.length);
  });
});

describe('units and file names', () => {
  test.each(builtinPlanIds())('%s: every reporting unit has indicators; scopes partition the units', (id) => {
    const plan = builtinPlan(id)!;
    const all = reportingUnits(plan, 'all');
    expect(all.length).toBeGreaterThan(0);
    for (const u of all) expect(indicatorsFor(plan, u.code).length).toBeGreaterThan(0);
    const d = reportingUnits(plan, 'districts');
    const dep = reportingUnits(plan, 'departments');
    expect(d.every((u) => u.kind === 'district')).toBe(true);
    expect([...d, ...dep].map((u) => u.code).sort()).toEqual(all.map((u) => u.code).sort());
    const names = all.map((u) => templateFileName('2023', u));
    expect(new Set(names).size).toBe(names.length);
  });

  test('file names are readable and safe', () => {
    expect(templateFileName('2023', { code: '320582', name: '张家港市', kind: 'district' })).toBe('2023_320582_张家港市.xlsx');
    expect(templateFileName('2023H1', { code: 'SZ-X', name: 'a/b:c*?"<>| d', kind: 'department' })).toBe('2023H1_SZ-X_a_b_c_d.xlsx');
  });
});

describe('protection password hash', () => {
  test('matches the OOXML iterated SHA-512 as ExcelJS computes it', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const Encryptor = require('exceljs/lib/utils/encryptor');
    const { hashSheetPassword } = require('../../src/node/protection') as typeof import('../../src/node/protection');
    const h = hashSheetPassword('密码 secret', 2000);
    expect(h.algorithmName).toBe('SHA-512');
    expect(h.spinCount).toBe(2000);
    expect(h.hashValue).toBe(Encryptor.convertPasswordToHash('密码 secret', 'SHA512', h.saltValue, 2000));
  });
});

describe('zip re-packing', () => {
  test('both codecs give a valid zip with the same parts, no folder entries (checked by Python zipfile)', async () => {
    const { zipSync, unzipSync, strToU8 } = await import('fflate');
    const { recompress, crc32 } = await import('../../src/xlsx/write/zip');
    const { NODE_ZIP_CODEC } = await import('../../src/node/codec');
    const { runPythonJson } = await import('../support/python');
    const fs = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const parts = { '[Content_Types].xml': strToU8('<Types/>'), 'xl/': new Uint8Array(0), 'xl/a.xml': strToU8('指标'.repeat(5000)) };
    const stored = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { level: 0 }]])));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-zip-'));
    try {
      for (const codec of [undefined, NODE_ZIP_CODEC]) {
        const out = recompress(stored, new Date(2024, 0, 15, 8, 30, 10), codec);
        expect(out.length).toBeLessThan(stored.length);
        const back = unzipSync(out);
        expect(Object.keys(back)).toEqual(['[Content_Types].xml', 'xl/a.xml']);
        expect(Buffer.from(back['xl/a.xml']).equals(Buffer.from(parts['xl/a.xml']))).toBe(true);
        const file = path.join(dir, `${codec ? 'node' : 'fflate'}.zip`);
        fs.writeFileSync(file, out);
        const script = path.join(dir, 'check.py');
        fs.writeFileSync(
          script,
          'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"bad":z.testzip(),"names":z.namelist(),"time":list(z.infolist()[0].date_time)}))\n',
        );
        expect(runPythonJson(script, [file])).toEqual({ bad: null, names: ['[Content_Types].xml', 'xl/a.xml'], time: [2024, 1, 15, 8, 30, 10] });
      }
      expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a large part deflated from text pieces', () => {
  test('pieces of any size and any UTF-8 width, across many buffer refills, inflate to the same text and CRC (both codecs)', async () => {
    const zlib = await import('zlib');
    const { deflatePieces, crc32 } = await import('../../src/xlsx/write/zip');
    const { NODE_ZIP_CODEC } = await import('../../src/node/codec');
    const { rng } = await import('../fixtures/rng');
    const rand = rng(7);
    // 1-, 2-, 3- and 4-byte characters (an emoji is two UTF-16 units), so a refill can fall beside any of them.
    const alphabet = ['a', '<c r="A1"/>', 'é', '指标', '≥', '😀', '\u00a0'];
    const pieces: string[] = [];
    let total = 0;
    while (total < 3_500_000) {
      const n = 1 + Math.floor(rand() * 40_000);
      let p = '';
      while (p.length < n) p += alphabet[Math.floor(rand() * alphabet.length)];
      pieces.push(p);
      total += p.length;
    }
    pieces.push('', 'end');
    const whole = Buffer.from(pieces.join(''), 'utf8');
    for (const codec of [{ deflateRaw: (d: Uint8Array) => d }, NODE_ZIP_CODEC]) {
      const out = deflatePieces(pieces, codec);
      const back = zlib.inflateRawSync(Buffer.concat(out.data));
      expect(back.length).toBe(whole.length);
      expect(back.equals(whole)).toBe(true);
      expect(out.size).toBe(whole.length);
      expect(out.crc >>> 0).toBe(crc32(whole) >>> 0);
    }
  });
});

describe('row heights for wrapped text (LibreOffice prints with the stored height)', () => {
  test('CJK characters count two width units, ASCII one', () => {
    expect(textUnits('abc 123')).toBe(7);
    expect(textUnits('数字经济')).toBe(8);
    expect(textUnits('全市 ≥ 30%')).toBe(11);
    expect(textUnits('（2023 年）')).toBe(2 + 4 + 1 + 2 + 2);
  });

  test('lines: by width, explicit breaks start new lines, smaller type takes less room', () => {
    expect(wrappedLines('', 14)).toBe(1);
    expect(wrappedLines('人工智能', 14)).toBe(1);
    // 28 CJK + 5 ASCII = 61 units in a 14-wide column (13 usable): 5 lines.
    expect(wrappedLines('标杆指标（2023 年目标）·制造业智能化改造、数字化转型', 14)).toBe(5);
    expect(wrappedLines('一\n二\n三', 42)).toBe(3);
    expect(wrappedLines('一二三四五六七八九十', 11, 11)).toBe(2);
    expect(wrappedLines('一二三四五六七八九十', 11, 5.5)).toBe(1);
  });

  test('row height: about 15 points a line plus padding, never below 18', () => {
    expect(wrappedRowHeight([])).toBe(18);
    expect(wrappedRowHeight([{ text: '家', width: 10 }])).toBe(18);
    expect(wrappedRowHeight([{ text: '一二三四五六七八九十', width: 11 }])).toBe(33);
    // The tallest cell decides.
    expect(wrappedRowHeight([{ text: '短', width: 42 }, { text: '一二三四五六七八九十一二三四五', width: 11 }])).toBe(48);
    // Stacked blocks add up: an 8-pt parent line above an 11-pt name.
    expect(wrappedRowHeight([{ text: [{ text: '数字安全', fontSize: 8 }, { text: '推动安全产业发展' }], width: 18 }])).toBe(Math.ceil(15 * (8 / 11) + 15 + 3));
  });

  test('entry rows: the tallest of 类型, 指标名称 and 目标值', () => {
    expect(entryRowHeight([{ text: '人工智能' }], '人工智能核心产业产值', '全市 ≥ 300')).toBe(18);
    const parentAndLong = entryRowHeight([{ text: '标杆指标（2023 年目标）', fontSize: 8 }, { text: '制造业智能化改造、数字化转型' }], '省、市级示范智能车间', '全市 ≥ 1000');
    expect(parentAndLong).toBeGreaterThanOrEqual(Math.ceil(15 * (8 / 11) + 2 * 15 + 3));
    const longName = entryRowHeight([{ text: 'A' }], '规模以上工业企业关键工序数控化率和数字化研发设计工具普及率及其他很长的指标名称示例', '≥60%');
    expect(longName).toBe(2 * 15 + 3);
  });
});
