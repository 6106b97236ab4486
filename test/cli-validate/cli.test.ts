/**
 * `plansheet validate` and `plansheet consolidate` end to end: templates from
 * the real generator, filled by openpyxl, checked and consolidated by the
 * real CLI in a child process; the summary read back by openpyxl.
 */

import { createHash } from 'crypto';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan } from '../../src/core/plan/builtin';
import type { Plan } from '../../src/core/plan/types';
import { REPO_ROOT } from '../support/python';
import { inspectXlsx, libreOfficeConvert, rowValues } from '../summary/tools';
import { cli, fillReturn, generateBlanks } from './returns';
import { fillReturn as editWorkbook } from '../fixtures/make-returns';

const PLAN_ID = 'suzhou-new-infrastructure-2020-2022';
const YEAR = '2022';
const plan: Plan = builtinPlan(PLAN_ID)!;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-cli-'));
const blankDir = path.join(root, 'blank');
const returns = path.join(root, 'returns');
const single = path.join(root, 'single');
const previousDir = path.join(root, 'previous');

const reportersOf = (u: string) => plan.indicators.filter((i) => i.reporters.includes(u));
const districts = plan.units.filter((u) => u.kind === 'district' && reportersOf(u.code).length).map((u) => u.code);
// A unit whose rows are all numbers: its filled return must have no errors.
const numericOnly = (u: string) => reportersOf(u).every((i) => i.kind !== 'text');
const clean = districts.find(numericOnly)!;
const other = districts.find((u) => u !== clean && numericOnly(u))!;
const missingUnits = districts.filter((u) => u !== clean && u !== other).slice(-2);
const dept = plan.units.find((u) => u.kind === 'department' && reportersOf(u.code).length)!.code;
const blankedCode = reportersOf(other)[0].code;
const cumulative = reportersOf(clean).find((i) => i.cumulative && i.kind !== 'text')!;
const HOSTILE_REMARK = '=HYPERLINK("http://example.invalid","点我")';

let blanks: Map<string, string>;
const inputHashes = new Map<string, string>();
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function snapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else m.set(p, sha(p));
    }
  };
  walk(dir);
  return m;
}

beforeAll(() => {
  blanks = generateBlanks(PLAN_ID, YEAR, blankDir);
  fs.mkdirSync(returns);
  fs.mkdirSync(single);
  for (const [unit, blank] of blanks) {
    if (missingUnits.includes(unit)) continue;
    const spec =
      unit === other
        ? { values: { [blankedCode]: null }, reporter: { contact: '=1+1', phone: '0512-65000000', date: '2023-01-05' } }
        : { remarks: { [reportersOf(unit)[0].code]: HOSTILE_REMARK }, reporter: { contact: '张三', phone: '13800000000', date: '2023-01-06' } };
    fillReturn(plan, blank, path.join(returns, path.basename(blank)), unit, YEAR, spec);
  }
  // A second return of one department: a conflict.
  fillReturn(plan, blanks.get(dept)!, path.join(returns, 'sub', `再次报送_${dept}.xlsx`), dept, YEAR, { reporter: { date: '2023-01-09' } });
  // A return of another period (mixed periods: rejected with a reason).
  const old = generateBlanks(PLAN_ID, '2021', path.join(root, 'blank2021'));
  fillReturn(plan, old.get(clean)!, path.join(returns, 'sub', `旧期_${clean}.xlsx`), clean, '2021');
  // Last year's return with a far larger running total: this year's is a decrease.
  // Every other running total starts at 0, so only the chosen one decreases.
  const lastYear: Record<string, number> = {};
  for (const i of reportersOf(clean)) if (i.cumulative && i.kind !== 'text') lastYear[i.code] = 0;
  lastYear[cumulative.code] = 99999999;
  fillReturn(plan, old.get(clean)!, path.join(previousDir, `2021_${clean}.xlsx`), clean, '2021', { values: lastYear });
  // A return of another plan (mixed plans: the most common plan wins, this one is rejected).
  const otherPlan = builtinPlan('kunshan-digital-government-2021-2025')!;
  const foreign = generateBlanks(otherPlan.id, '2025', path.join(root, 'blank-other-plan'));
  const [foreignUnit, foreignBlank] = [...foreign][0];
  fillReturn(otherPlan, foreignBlank, path.join(returns, 'sub', `其他计划_${foreignUnit}.xlsx`), foreignUnit, '2025');
  // A file that is no workbook at all: rejected, the others still consolidated.
  fs.writeFileSync(path.join(returns, 'sub', '损坏.xlsx'), 'not a workbook');
  // A note beside the returns: not a workbook, listed as skipped (not an error).
  fs.writeFileSync(path.join(returns, '说明.txt'), '各单位报表');
  // An Office lock file, which must be skipped.
  fs.writeFileSync(path.join(returns, `~$${path.basename(blanks.get(clean)!)}`), 'lock');

  fs.copyFileSync(path.join(returns, path.basename(blanks.get(clean)!)), path.join(single, 'clean.xlsx'));
  fs.copyFileSync(path.join(returns, path.basename(blanks.get(other)!)), path.join(single, 'missing-value.xlsx'));
  fs.writeFileSync(path.join(single, 'broken.xlsx'), 'this is not a workbook');
  // A download cut short: a zip without its end (the reader says "truncated").
  const whole = fs.readFileSync(path.join(single, 'clean.xlsx'));
  fs.writeFileSync(path.join(single, '半截.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
  // A return whose metadata names a plan PlanSheet does not ship.
  editWorkbook(s('clean.xlsx'), s('own-plan.xlsx'), [{ op: 'set', cell: '_plansheet_meta!B3', value: 'my-own-plan', as: 's' }]);
  for (const [f, h] of snapshot(returns)) inputHashes.set(f, h);
}, 600_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const s = (name: string) => path.join(single, name);

describe('validate', () => {
  test('a clean return: exit 0 and "no problems"', () => {
    const r = cli(['validate', s('clean.xlsx')]);
    expect(r.stderr).not.toMatch(/错误|error/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('未发现问题');
    expect(r.stdout).toContain(`（${clean}）`);
    expect(r.stdout).toContain(`期别：${YEAR}年`);
  });

  test('a return with a blank required value: exit 1 and a table naming rule, indicator and cell', () => {
    const r = cli(['validate', s('clean.xlsx'), s('missing-value.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/严重程度\s+规则\s+指标\s+单元格\s+说明/);
    const line = r.stdout.split('\n').find((l) => l.includes('value.missing'))!;
    expect(line).toContain(blankedCode);
    expect(line).toMatch(/错误/);
    expect(line).toMatch(/指标填报!F\d+/);
  });

  test('--json: one entry per argument; unreadable, missing arguments and a directory without workbooks give exit 2', () => {
    const empty = fs.mkdtempSync(path.join(root, 'empty-'));
    const args = [s('clean.xlsx'), s('missing-value.xlsx'), s('broken.xlsx'), s('nope.xlsx'), empty];
    const r = cli(['validate', '--json', ...args]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as {
      file: string;
      unit: string | null;
      readable: boolean;
      findings: Record<string, unknown>[];
    }[];
    expect(json.map((e) => e.file)).toEqual(args);
    const by = (f: string) => json.find((e) => e.file === f)!;
    // The period key, as consolidate --json gives it; the label is for the table only.
    expect(by(s('clean.xlsx'))).toMatchObject({ unit: clean, readable: true, plan: PLAN_ID, period: YEAR });
    expect(by(s('clean.xlsx')).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const miss = by(s('missing-value.xlsx'));
    expect(miss).toMatchObject({ unit: other, readable: true });
    const f = miss.findings.find((x) => x.rule === 'value.missing')!;
    expect(Object.keys(f).sort()).toEqual(['cell', 'code', 'message', 'rule', 'severity', 'sheet']);
    expect(f).toMatchObject({ severity: 'error', code: blankedCode, sheet: '指标填报' });
    expect(f.cell).toMatch(/^F\d+$/);
    expect(by(s('broken.xlsx'))).toMatchObject({ unit: null, readable: false });
    expect(String(by(s('broken.xlsx')).findings[0].message)).toContain('broken.xlsx');
    expect(by(s('nope.xlsx')).findings[0]).toMatchObject({ rule: 'file.not-found' });
    expect(by(empty).findings[0]).toMatchObject({ rule: 'file.empty-directory' });
    expect(String(by(empty).findings[0].message)).toContain('中没有 Excel 文件');
  });

  test('a damaged file: one sentence naming the file once, no English inside the Chinese', () => {
    const file = s('半截.xlsx');
    const [zh] = JSON.parse(cli(['validate', '--json', file]).stdout);
    expect(zh).toMatchObject({ readable: false, findings: [{ rule: 'file.corrupt-zip' }] });
    const msg: string = zh.findings[0].message;
    expect(msg.startsWith(`文件 ${file}：已损坏或不完整`)).toBe(true);
    expect(msg.split(file)).toHaveLength(2);
    expect(msg.slice(`文件 ${file}`.length)).not.toMatch(/[A-Za-z]/);
    expect(msg).not.toMatch(/文件.*：文件/);
    const [en] = JSON.parse(cli(['validate', '--json', '--lang', 'en', file]).stdout);
    expect(en.findings[0].message.startsWith(`File ${file}: The file is damaged or incomplete`)).toBe(true);
    const text = cli(['validate', file]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`文件 ${file}：已损坏或不完整`);
  });

    test('--previous: a running total below last year\'s is flagged', () => {
    const type = (args: string[]) => JSON.parse(cli(['validate', '--json', ...args]).stdout)[0].findings as { rule: string; code: string }[];
    const without = type([s('clean.xlsx')]);
    expect(without.filter((f) => f.rule === 'value.cumulative-decrease')).toEqual([]);
    const withPrev = type([s('clean.xlsx'), '--previous', previousDir]);
    expect(withPrev.filter((f) => f.rule === 'value.cumulative-decrease').map((f) => f.code)).toEqual([cumulative.code]);
  });

  test('a --previous directory that does not exist is a usage error, not a silent skip', () => {
    const r = cli(['validate', s('clean.xlsx'), '--previous', path.join(root, 'no-such-dir')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--previous');
    expect(r.stderr).toContain('不存在');
  });

  test('a return of a plan that is not built in asks for --plan; --plan checks it against that plan', () => {
    const r = cli(['validate', '--json', s('own-plan.xlsx')]);
    expect(r.code).toBe(1);
    const [entry] = JSON.parse(r.stdout);
    expect(entry).toMatchObject({ readable: true, plan: 'my-own-plan', unit: clean });
    expect(entry.findings[0]).toMatchObject({ rule: 'template.plan-unknown', severity: 'error' });
    expect(entry.findings[0].message).toContain('--plan');
    const forced = JSON.parse(cli(['validate', '--json', '--plan', PLAN_ID, s('own-plan.xlsx')]).stdout)[0];
    expect(forced.findings.map((f: { rule: string }) => f.rule)).toContain('template.plan-mismatch');
  });

  test('--lang en prints English headers', () => {
    const r = cli(['validate', '--lang', 'en', s('missing-value.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Severity\s+Rule\s+Indicator\s+Cell\s+Message/);
    expect(r.stdout).toContain('1 file: 0 without errors, 1 with errors, 0 unreadable');
    expect(r.stdout).not.toContain('(s)');
  });
});

describe('consolidate', () => {
  const out = path.join(returns, 'summary.xlsx');
  type Json = {
    plan: string;
    period: string;
    returns: { file: string; unit: string | null; status: string; reason: string }[];
    missing: string[];
    skipped: string[];
    indicators: { code: string; units: Record<string, number | null>; city: { value: number | null; target: string | null; attained: string } }[];
    findings: { severity: string; rule: string; file: string; unit: string | null; sheet: string | null; cell: string | null; message: string }[];
  };
  let json: Json;

  beforeAll(() => {
    const r = cli(['consolidate', returns, '--out', out, '--json']);
    // A conflict was reported, so the summary is written with exit code 1.
    expect(r.stderr).not.toMatch(/错误|error/i);
    expect(r.code).toBe(1);
    json = JSON.parse(r.stdout) as Json;
  }, 300_000);

  test('--json has the documented shape', () => {
    expect(json.plan).toBe(PLAN_ID);
    expect(json.period).toBe(YEAR);
    for (const r of json.returns) expect(['accepted', 'rejected', 'conflict']).toContain(r.status);
    expect(json.indicators.map((i) => i.code)).toEqual(plan.indicators.map((i) => i.code));
    for (const i of json.indicators) {
      expect(i.city).toHaveProperty('value');
      expect(i.city).toHaveProperty('target');
      expect(['met', 'missed', 'no-data', 'qualitative', 'no-target']).toContain(i.city.attained);
    }
    for (const f of json.findings) {
      expect(f).toHaveProperty('file');
      expect(f).toHaveProperty('unit');
      expect(f).toHaveProperty('rule');
    }
  });

  test('reads every return but the lock file and its own output; lists missing units', () => {
    const names = json.returns.map((r) => path.basename(r.file));
    expect(names).not.toContain('summary.xlsx');
    expect(names.some((n) => n.startsWith('~$'))).toBe(false);
    // every unit but the two left out, plus the duplicate, the old-period, the other-plan return and the broken file
    expect(json.returns).toHaveLength(blanks.size - missingUnits.length + 4);
    expect(json.missing.sort()).toEqual([...missingUnits].sort());
  });

  test('a file that is not a workbook is listed as skipped, not read and not an error; lock files are not listed', () => {
    expect(json.skipped).toEqual([path.join(returns, '说明.txt')]);
    expect(json.returns.some((r) => r.file.endsWith('.txt'))).toBe(false);
    expect(json.findings.some((f) => f.file.endsWith('.txt'))).toBe(false);
    const r = cli(['consolidate', returns, '--out', out]);
    const tail = r.stdout.slice(r.stdout.indexOf('跳过的非 Excel 文件'));
    expect(tail).toMatch(/^跳过的非 Excel 文件（1，不是报表，未读取）：\n {2}.*说明\.txt\n/);
    expect(r.stdout.indexOf('说明.txt')).toBe(r.stdout.lastIndexOf('说明.txt'));
    expect(r.stdout).not.toContain('~$');
  });

    test('two returns of one unit are a conflict; another period or plan is rejected with a reason', () => {
    const deptReturns = json.returns.filter((r) => r.unit === dept);
    expect(deptReturns.map((r) => r.status)).toEqual(['conflict', 'conflict']);
    expect(deptReturns.every((r) => r.reason.length > 0)).toBe(true);
    const old = json.returns.find((r) => path.basename(r.file).startsWith('旧期_'))!;
    expect(old.status).toBe('rejected');
    expect(old.reason).toContain('2021');
    const foreign = json.returns.find((r) => path.basename(r.file).startsWith('其他计划_'))!;
    expect(foreign.status).toBe('rejected');
    expect(foreign.reason).toContain('kunshan-digital-government-2021-2025');
  });

  test('a file that is no workbook is rejected with the reader\'s reason, as a finding too', () => {
    const broken = json.returns.find((r) => path.basename(r.file) === '损坏.xlsx')!;
    expect(broken).toMatchObject({ status: 'rejected', unit: null });
    expect(broken.reason.length).toBeGreaterThan(0);
    const f = json.findings.find((x) => path.basename(x.file) === '损坏.xlsx')!;
    expect(f).toMatchObject({ severity: 'error', rule: 'file.not-zip', unit: null });
    // The reader's sentence names the file; no second "文件无法读取：" in front of it.
    expect(broken.reason.startsWith(`文件 ${broken.file}：不是 Excel 工作簿`)).toBe(true);
    expect(broken.reason).not.toContain('文件无法读取');
    expect(f.message).toBe(broken.reason);
  });

  test('the blank value shows up as a finding with file and unit; the accepted value is in the indicator', () => {
    const f = json.findings.find((x) => x.rule === 'value.missing' && x.unit === other)!;
    expect(path.basename(f.file)).toBe(path.basename(blanks.get(other)!));
    const ind = json.indicators.find((i) => i.code === reportersOf(clean)[0].code)!;
    expect(typeof ind.units[clean]).toBe('number');
  });

  test('the summary workbook is written and matches the JSON', () => {
    const wb = inspectXlsx(out);
    // 上期对比与说明: the plan's path from its first- to its final-year target (issue 13).
    expect(wb.sheets).toEqual(['汇总', '上期对比与说明', '报送情况', '问题清单', '填报完成情况', '数据溯源']);
    const sum = wb.sheet['汇总'];
    expect(rowValues(sum, 4)[0]).toBe(plan.indicators[0].code);
    const sub = wb.sheet['报送情况'];
    const rows = Array.from({ length: sub.maxRow }, (_, i) => rowValues(sub, i + 1));
    for (const m of missingUnits) {
      const name = plan.units.find((u) => u.code === m)!.name;
      expect(rows.find((r) => r[0] === name)![1]).toBe('未报送');
    }
    // The clerk's "=1+1" contact and formula-like remark stay text.
    const all = Object.values(wb.sheet).flatMap((sh) => Object.values(sh.cells));
    expect(all.filter((c) => c.t === 'f')).toEqual([]);
    expect(rows.find((r) => r[4] === '=1+1')).toBeDefined();
  });

  test('LibreOffice opens the real summary', async () => {
    const back = inspectXlsx(await libreOfficeConvert(out, 'xlsx'));
    expect(back.sheets).toEqual(['汇总', '上期对比与说明', '报送情况', '问题清单', '填报完成情况', '数据溯源']);
    expect(rowValues(back.sheet['汇总'], 4)[0]).toBe(plan.indicators[0].code);
  });

  test('--conflict latest keeps the later of two returns from one unit', () => {
    const latest = path.join(root, 'latest.xlsx');
    const r = cli(['consolidate', returns, '--out', latest, '--json', '--conflict', 'latest']);
    expect(r.code).toBe(1); // the broken file and the old period are still rejected
    const j = JSON.parse(r.stdout) as Json;
    const mine = j.returns.filter((x) => x.unit === dept);
    const kept = mine.filter((x) => x.status === 'accepted');
    expect(kept.map((x) => path.basename(x.file))).toEqual([`再次报送_${dept}.xlsx`]);
    expect(mine.filter((x) => x.status !== 'accepted')[0].reason).toContain(`再次报送_${dept}.xlsx`);
    expect(fs.existsSync(latest)).toBe(true);
  });

  test('--help says --out is required, in both languages', () => {
    const h = cli(['consolidate', '--help']);
    expect(h.code).toBe(0);
    const line = h.stdout.split('\n').find((l) => l.includes('--out'))!;
    expect(line).toContain('必填');
    expect(line).toContain('required');
  });

    test('an output path that is a directory is refused before anything is read', () => {
    const d = path.join(root, 'dir.xlsx');
    fs.mkdirSync(d);
    const r = cli(['consolidate', returns, '--out', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是一个目录');
    expect(fs.readdirSync(d)).toEqual([]);
  });

  test('inputs are unchanged and no temp file is left behind', () => {
    for (const [f, h] of inputHashes) expect(sha(f)).toBe(h);
    const left = fs.readdirSync(returns).filter((f) => f.endsWith('.tmp'));
    expect(left).toEqual([]);
  });

  test('the overview names missing units and counts; a second run replaces its own output', () => {
    const r = cli(['consolidate', returns, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`缺报单位（${missingUnits.length}）`);
    for (const m of missingUnits) expect(r.stdout).toContain(plan.units.find((u) => u.code === m)!.name);
    expect(r.stdout).toContain(`读取 ${json.returns.length} 份`);
    expect(r.stdout).toMatch(/冲突 2/);
    expect(r.stdout).not.toContain('文件无法读取');
    // The headline counts the accepted returns' errors; the rejected files' are counted apart.
    const accepted = new Set(json.returns.filter((x) => x.status === 'accepted').map((x) => x.file));
    const errorsOf = (inAccepted: boolean) => json.findings.filter((f) => f.severity === 'error' && accepted.has(f.file) === inAccepted).length;
    const notTaken = json.returns.length - accepted.size;
    expect(errorsOf(false)).toBeGreaterThan(0);
    expect(r.stdout).toContain(`已接收报表的问题（${accepted.size} 份）：错误 ${errorsOf(true)}，`);
    expect(r.stdout).toContain(`未汇总的报表（${notTaken} 份，拒收或冲突）另有错误 ${errorsOf(false)}，不计入上行`);
    const en = cli(['consolidate', returns, '--out', out, '--lang', 'en']);
    expect(en.stdout).toMatch(new RegExp(`Problems in accepted returns \\(${accepted.size}\\): ${errorsOf(true)} errors?, `));
    expect(en.stdout).toContain(`Not counted above: ${errorsOf(false)} error`);
    expect(r.stdout).toContain('损坏.xlsx：不是 Excel 工作簿');
  });

  test('refuses to write over an input', () => {
    const input = path.join(returns, path.basename(blanks.get(clean)!));
    const before = sha(input);
    const r1 = cli(['consolidate', input, s('missing-value.xlsx'), '--out', input]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('输入');
    // Even when it is not among the inputs: a return is never overwritten.
    const r2 = cli(['consolidate', s('missing-value.xlsx'), '--out', input]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('已填报的报表');
    expect(sha(input)).toBe(before);
  });

  test('a missing directory is a clear usage error', () => {
    const r = cli(['consolidate', path.join(root, 'nowhere'), '--out', path.join(root, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不存在');
    expect(fs.existsSync(path.join(root, 'x.xlsx'))).toBe(false);
  });

  test.each([
    ['SIGKILL', 'killed'],
    ['SIGINT', 'interrupted'],
  ] as const)('stopped by %s while running, it leaves either no summary or a complete one', async (signal, sub) => {
    const target = path.join(root, sub, 'summary.xlsx');
    fs.mkdirSync(path.dirname(target));
    for (const delay of [1500, 3000, 4500, 6000]) {
      fs.rmSync(target, { force: true });
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(REPO_ROOT, 'src/cli/main.ts'), 'consolidate', returns, '--out', target], {
        cwd: REPO_ROOT,
        stdio: 'ignore',
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise((res) => setTimeout(res, delay));
      child.kill(signal);
      await exited;
      const left = fs.readdirSync(path.dirname(target));
      expect(left.filter((f) => f.endsWith('.xlsx')).every((f) => f === 'summary.xlsx')).toBe(true);
      // Ctrl-C is caught: not even the hidden temp file stays.
      if (signal === 'SIGINT') expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (fs.existsSync(target)) expect(inspectXlsx(target).sheets).toHaveLength(6); // with 上期对比与说明 (issue 13)
    }
    for (const [f, h] of inputHashes) expect(sha(f)).toBe(h);
  }, 120_000);
});
