/**
 * The plansheet CLI run as a user runs it (node bin/plansheet.js): listing,
 * showing, generating, and refusing bad input with a bilingual message, exit
 * code 2 and no files written.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan, builtinPlanIds, builtinPlans, DEFAULT_PLAN_ID } from '../../src/core/plan/builtin';
import { periodKey } from '../../src/core/period';
import { reportingUnits, templateFileName } from '../../src/xlsx/write/units';
import { REPO_ROOT, runPythonJson } from '../support/python';
import { TEST_PLAN_SOURCE, testPlan } from './test-plan';

const BIN = path.join(REPO_ROOT, 'bin', 'plansheet.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const testPlanFile = path.join(tmp, 'test-plan.json');
fs.writeFileSync(testPlanFile, JSON.stringify(TEST_PLAN_SOURCE, null, 2));

/** Chinese first, then English, each on its own line. */
function expectBilingual(stderr: string, zh: RegExp, en: RegExp): void {
  const zhAt = stderr.search(zh);
  const enAt = stderr.search(en);
  expect(zhAt).toBeGreaterThanOrEqual(0);
  expect(enAt).toBeGreaterThan(zhAt);
}

describe('plans and plan show', () => {
  test('plans lists every built-in plan; --json has id, title, doc number, years, indicator count', () => {
    const text = cli(['plans']);
    expect(text.code).toBe(0);
    for (const p of builtinPlans()) {
      expect(text.stdout).toContain(p.id);
      expect(text.stdout).toContain(p.title);
    }
    const json = cli(['plans', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(
      builtinPlans().map((p) => ({ id: p.id, title: p.title, titleEn: p.titleEn, docNumber: p.docNumber ?? null, years: p.years, indicators: p.indicators.length })),
    );
  });

  test.each(builtinPlanIds())('plan show %s --json prints the resolved plan', (id) => {
    const r = cli(['plan', 'show', id, '--json']);
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout);
    expect(shown).toEqual(JSON.parse(JSON.stringify(builtinPlan(id))));
    for (const ind of shown.indicators) {
      expect(Object.keys(ind)).toEqual(expect.arrayContaining(['code', 'name', 'unit', 'category', 'targets']));
      for (const t of Object.values(ind.targets) as { op: string; raw: string }[]) expect(typeof t.raw).toBe('string');
    }
  });

  test('plan show <file> reads a plan file; the summary names every indicator and its target', () => {
    const r = cli(['plan', 'show', testPlanFile]);
    expect(r.code).toBe(0);
    const plan = testPlan();
    expect(r.stdout).toContain(plan.title);
    for (const ind of plan.indicators) expect(r.stdout).toContain(ind.code);
    expect(r.stdout).toContain('≥ 3000');
    expect(r.stdout).toContain('1～2');
  });

  test('plan show lists what a reviewer checks: target notes, 约束性/预期性, 累计, roll-up, kind, assumed leads, notes, unit counts', () => {
    const src = structuredClone(TEST_PLAN_SOURCE) as typeof TEST_PLAN_SOURCE & { indicators: Record<string, unknown>[] };
    Object.assign(src.indicators[0], {
      attribute: 'binding',
      cumulative: true,
      leadAssumed: true,
      note: '与正文口径一致',
      targets: { '2023': { raw: '3000 以上（大市范围）', op: 'ge', value: 3000, note: '大市范围' }, '2022': '2500' },
    });
    Object.assign(src.indicators[1], { attribute: 'expected', reportersAssumed: true });
    const file = path.join(tmp, 'review-plan.json');
    fs.writeFileSync(file, JSON.stringify(src));
    const plan = testPlan();
    const reporting = reportingUnits(plan).length;
    expect(reporting).toBeLessThan(plan.units.length);

    const zh = cli(['plan', 'show', file]);
    expect(zh.code).toBe(0);
    const block = (text: string, code: string) => text.slice(text.indexOf(`  ${code}  `)).split(/\n(?= {2}\S)/)[0];
    const ge = block(zh.stdout, 'T-GE');
    expect(ge).toContain('2023: ≥ 3000（注：大市范围）');
    expect(ge).toMatch(/属性: 约束性/);
    expect(ge).toMatch(/累计: 是/);
    expect(ge).toMatch(/汇总方式: 求和/);
    expect(ge).toMatch(/类型: 数额/);
    expect(ge).toMatch(/牵头（推定）: /);
    expect(ge).toContain('备注: 与正文口径一致');
    const le = block(zh.stdout, 'T-LE');
    expect(le).toMatch(/属性: 预期性/);
    expect(le).toMatch(/汇总方式: 逐单位限值/);
    expect(le).toMatch(/填报单位（推定）: \d+/);
    expect(le).not.toMatch(/牵头（推定）/);
    expect(block(zh.stdout, 'T-PCT')).toMatch(/汇总方式: 比率不求和/);
    expect(block(zh.stdout, 'T-EQ')).toMatch(/汇总方式: 全市统一报送/);
    expect(block(zh.stdout, 'T-WORDS')).toMatch(/类型: 定性/);
    expect(block(zh.stdout, 'T-RANGE')).toMatch(/属性: 未注明.*累计: 否/);
    expect(zh.stdout).toContain(`涉及单位: ${plan.units.length}`);
    expect(zh.stdout).toContain(`填报单位: ${reporting}`);

    const en = cli(['plan', 'show', file, '--lang', 'en']);
    expect(en.code).toBe(0);
    const geEn = block(en.stdout, 'T-GE');
    expect(geEn).toContain('(亿元)');
    expect(geEn).toContain('2023: ≥ 3000 (note: 大市范围)');
    expect(geEn).toMatch(/attribute: binding/);
    expect(geEn).toMatch(/cumulative: yes/);
    expect(geEn).toMatch(/lead \(assumed\): /);
    expect(block(en.stdout, 'T-LE')).toMatch(/reporters \(assumed\): \d+/);
    expect(en.stdout).toContain(`reporting units: ${reporting}`);
    // No full-width brackets in English words (plan data such as unit names may be Chinese).
    const ours = en.stdout.replace(/[\u3400-\u9FFF]+（[^）]*）/g, '');
    expect(ours).not.toMatch(/[（）]/);
  });

    test('a bad plan file is refused with its field paths, exit 2', () => {
    const bad = structuredClone(TEST_PLAN_SOURCE) as Record<string, unknown> & { indicators: Record<string, unknown>[] };
    bad.indicators[1].kind = 'weird';
    bad.indicators[2].category = 'NOPE';
    const file = path.join(tmp, 'bad-plan.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const r = cli(['plan', 'show', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('计划文件无效');
    expect(r.stderr).toContain('indicators[1].kind');
    const out = path.join(tmp, 'bad-plan-out');
    const g = cli(['generate', '--plan', file, '--out', out]);
    expect(g.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    fs.writeFileSync(file, '{ not json');
    const j = cli(['plan', 'show', file]);
    expect(j.code).toBe(2);
    expect(j.stderr).toContain('not valid JSON');
  });
});

describe('generate', () => {
  test('defaults: the Suzhou plan, its last year, every reporting unit, into ./out', () => {
    const cwd = fs.mkdtempSync(path.join(tmp, 'defaults-'));
    const r = cli(['generate'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = builtinPlan(DEFAULT_PLAN_ID)!;
    const year = String(plan.years[plan.years.length - 1]);
    const units = reportingUnits(plan);
    const files = fs.readdirSync(path.join(cwd, 'out')).sort();
    expect(files).toEqual(units.map((u) => templateFileName(year, u)).sort());
    expect(r.stdout).toMatch(new RegExp(`已生成 ${units.length} 个填报模板`));
    // The meta sheet of a file names its unit and period.
    const rep = runPythonJson<{ meta: Record<string, string> }>('test/generate/py/inspect_template.py', [
      path.join(cwd, 'out', templateFileName(year, units[0])),
    ]);
    expect(rep.meta.unit_code).toBe(units[0].code);
    expect(rep.meta.period).toBe(year);
  });

  test('--units districts / departments, --unit, --period half-year, --lang en', () => {
    const plan = testPlan();
    const out = path.join(tmp, 'scoped');
    const d = cli(['generate', '--plan', testPlanFile, '--units', 'districts', '--period', '2023H1', '--out', out, '--lang', 'en']);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^wrote \d+ workbooks/m);
    const districts = reportingUnits(plan, 'districts');
    expect(fs.readdirSync(out).sort()).toEqual(districts.map((u) => templateFileName('2023H1', u)).sort());

    const out2 = path.join(tmp, 'departments');
    expect(cli(['generate', '--plan', testPlanFile, '--units', 'departments', '--out', out2]).code).toBe(0);
    expect(fs.readdirSync(out2).sort()).toEqual(reportingUnits(plan, 'departments').map((u) => templateFileName('2023', u)).sort());

    const out3 = path.join(tmp, 'one');
    const one = cli(['generate', '--plan', testPlanFile, '--unit', '320582', '--period', '2022', '--out', out3, '--lang', 'en']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^wrote 1 workbook \(/m);
    const unit = plan.units.find((u) => u.code === '320582')!;
    expect(fs.readdirSync(out3)).toEqual([templateFileName(periodKey({ kind: 'year', year: 2022 }), unit)]);
    // --unit inside the chosen --units scope is fine.
    const out4 = path.join(tmp, 'one-in-scope');
    expect(cli(['generate', '--plan', testPlanFile, '--unit', '320582', '--units', 'districts', '--out', out4]).code).toBe(0);
    expect(fs.readdirSync(out4)).toEqual([templateFileName('2023', unit)]);
  });

  const bad: [string, string[], RegExp, RegExp][] = [
    ['unknown plan', ['--plan', 'no-such-plan'], /未找到计划“no-such-plan”/, /Plan "no-such-plan" not found/],
    ['malformed period', ['--period', '2023H3'], /格式不正确/, /malformed period "2023H3"/],
    ['period outside the plan years', ['--period', '2030'], /不在计划年度内/, /outside the plan years/],
    ['unknown unit', ['--unit', '999999'], /未知单位代码“999999”/, /unknown unit code "999999"/],
    ['unit that reports nothing', ['--plan', testPlanFile, '--unit', '320500'], /没有需要填报的指标/, /reports no indicator/],
    ['bad --units', ['--units', 'towns'], /--units 的值“towns”无效/, /invalid --units "towns"/],
    ['--unit outside --units departments', ['--unit', '320582', '--units', 'departments'], /单位 320582（张家港市）不在 --units departments/, /unit 320582 \(.+\) is not among --units departments/],
    ['--unit outside --units districts', ['--plan', testPlanFile, '--unit', 'SZ-KJJ', '--units', 'districts'], /不在 --units districts（各市（区））范围内/, /is not among --units districts/],
    ['bad --units with --unit', ['--unit', '320582', '--units', 'towns'], /--units 的值“towns”无效/, /invalid --units "towns"/],
  ];
  test.each(bad)('%s: bilingual error, exit 2, nothing written', (_what, args, zh, en) => {
    const out = path.join(tmp, `bad-${Math.random().toString(36).slice(2)}`);
    const r = cli(['generate', ...args, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectBilingual(r.stderr, zh, en);
    expect(fs.existsSync(out)).toBe(false);
  });

  const parseErrors: [string, string[], RegExp, RegExp][] = [
    ['unknown command', ['bogus'], /未知命令“bogus”/, /unknown command 'bogus'/],
    ['unknown option', ['generate', '--bogus'], /未知选项“--bogus”/, /unknown option '--bogus'/],
    ['misspelt option', ['generate', '--unti', '320582'], /未知选项“--unti”（是否要输入 --unit？）/, /Did you mean --unit\?/],
    ['missing required option', ['consolidate', 'x'], /缺少必填选项 -o, --out <file>/, /required option '-o, --out <file>' not specified/],
    ['missing argument', ['validate'], /缺少必需的参数 <file\|dir>/, /missing required argument 'file\|dir'/],
    ['missing option value', ['generate', '--plan'], /选项 -p, --plan <id\|file> 缺少取值/, /option '-p, --plan <id\|file>' argument missing/],
    ['too many arguments', ['plans', 'extra'], /参数过多：应为 0 个，实际 1 个/, /too many arguments for 'plans'/],
    ['nested subcommand', ['plan', 'show'], /缺少必需的参数 <plan>/, /missing required argument 'plan'/],
  ];
  test.each(parseErrors)('commander parse error, %s: Chinese first, then English, exit 2', (_what, args, zh, en) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('错误 / error: ')).toBe(true);
    expectBilingual(r.stderr, zh, en);
    expect(r.stderr).not.toMatch(/^error:/m);
  });

  test('an unknown option is a usage error (exit 2); --help shows options and examples', () => {
    const r = cli(['generate', '--bogus']);
    expect(r.code).toBe(2);
    const h = cli(['generate', '--help']);
    expect(h.code).toBe(0);
    for (const s of ['--plan', '--period', '--units', '--unit', '--out', '--lang', '示例 / examples']) expect(h.stdout).toContain(s);
    const top = cli(['--help']);
    expect(top.code).toBe(0);
    for (const s of ['plans', 'plan', 'generate']) expect(top.stdout).toContain(s);
  });

  test('outputs replace existing files atomically and leave no temp files', () => {
    const out = path.join(tmp, 'atomic');
    expect(cli(['generate', '--plan', testPlanFile, '--unit', 'SZ-KJJ', '--out', out]).code).toBe(0);
    const [name] = fs.readdirSync(out);
    // A blank template of an earlier run is replaced without asking.
    expect(cli(['generate', '--plan', testPlanFile, '--unit', 'SZ-KJJ', '--out', out]).code).toBe(0);
    // A file it cannot recognise is left alone, unless --force.
    fs.writeFileSync(path.join(out, name), 'old');
    const refused = cli(['generate', '--plan', testPlanFile, '--unit', 'SZ-KJJ', '--out', out]);
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(path.join(out, name), 'utf8')).toBe('old');
    expect(cli(['generate', '--plan', testPlanFile, '--unit', 'SZ-KJJ', '--out', out, '--force']).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual([name]);
    expect(fs.readFileSync(path.join(out, name)).subarray(0, 2).toString()).toBe('PK');
  });
});

test('an output path that cannot be a directory: bilingual message, exit 1, no stack trace', () => {
  const file = path.join(tmp, 'a-file');
  fs.writeFileSync(file, 'x');
  const r = cli(['generate', '--plan', testPlanFile, '--unit', 'SZ-KJJ', '--out', path.join(file, 'out')]);
  expect(r.code).toBe(1);
  expectBilingual(r.stderr, /无法写入 .*a-file\/out：路径中有一段不是目录（ENOTDIR）/, /cannot write .*a-file\/out: a part of the path is not a directory \(ENOTDIR\)/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('docs/cli.md has a section for every command that names each of its options and its exit codes', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { buildProgram } = require('../../src/cli/main') as typeof import('../../src/cli/main');
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
  const sections = doc.split(/\n(?=## )/);
  const program = buildProgram();
  const leaves = program.commands.flatMap((c) => (c.commands.length ? c.commands.map((s) => [`${c.name()} ${s.name()}`, s] as const) : [[c.name(), c] as const]));
  expect(leaves.map(([n]) => n)).toEqual(expect.arrayContaining(['plans', 'plan show', 'generate', 'validate', 'consolidate']));
  for (const [name, cmd] of leaves) {
    const section = sections.find((x) => x.startsWith(`## \`plansheet ${name}`));
    expect({ name, found: !!section }).toEqual({ name, found: true });
    for (const opt of cmd.options) {
      if (opt.long === '--help' || opt.long === '--lang') continue; // shared, described once at the top
      expect({ name, option: opt.long, documented: section!.includes(`\`${opt.long}`) || section!.includes(`${opt.short}, ${opt.long}`) }).toEqual({ name, option: opt.long, documented: true });
    }
  }
  // The exit codes of validate and consolidate are their own, not "1 = unexpected failure".
  const table = doc.slice(doc.indexOf('Exit codes:'), doc.indexOf('## `plansheet plans`'));
  expect(table).toMatch(/\| `validate` \| no return has errors.*\| some return has errors \| some file cannot be read as a return.*2 wins over 1/);
  expect(table).toMatch(/\| `consolidate` \| every return accepted, none with errors \| summary written, but some return was rejected, is in conflict, or has errors \| bad usage, nothing to consolidate/);
});
