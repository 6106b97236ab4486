/**
 * Exit codes of the installed CLI (node bin/plansheet.js, the compiled build)
 * for usage errors, as docs/cli.md documents them: every usage error exits 2,
 * including a missing command (`plansheet`, `plansheet plan`), which shows
 * the help on stderr; asking for help exits 0 with the help on stdout.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/python';

const BIN = path.join(REPO_ROOT, 'bin', 'plansheet.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-usage-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('a missing command is a usage error: exit 2, the help on stderr', () => {
  test('plansheet with no arguments', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: plansheet \[options\] \[command\]/);
    // The help lists the commands, Chinese first.
    for (const c of ['plans', 'plan', 'generate', 'validate', 'consolidate']) expect(r.stderr).toMatch(new RegExp(`\\n  ${c}\\b`));
    expect(r.stderr).toContain('生成空白填报模板');
  });

  test('plansheet plan with no subcommand', () => {
    const r = cli(['plan']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: plansheet plan \[options\] \[command\]/);
    expect(r.stderr).toMatch(/\n  show /);
  });

  test('plansheet help <unknown>: the help, then a bilingual line naming it', () => {
    const r = cli(['help', 'nosuch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage: plansheet/);
    expect(r.stderr).toContain('错误 / error: 未知命令“nosuch”\nunknown command \'nosuch\'');
  });
});

// Each one a different kind of commander error; all exit 2, Chinese first.
const usageErrors: [string, string[], RegExp][] = [
  ['unknown command', ['nosuch'], /未知命令“nosuch”/],
  ['unknown subcommand', ['plan', 'nosuch'], /未知命令“nosuch”/],
  ['unknown option', ['--bogus'], /未知选项“--bogus”/],
  ['missing argument', ['plan', 'show'], /缺少必需的参数 <plan>/],
  ['too many arguments', ['generate', 'extra'], /参数过多/],
  ['invalid choice', ['generate', '--units', 'bogus'], /无效/],
  ['option without its value', ['generate', '--period'], /缺少取值/],
  ['required option missing', ['consolidate', 'x.xlsx'], /缺少必填选项 -o, --out/],
  ['no file to validate', ['validate'], /缺少必需的参数 <file\|dir>/],
];

test.each(usageErrors)('%s: exit 2, "错误 / error:" first, nothing written', (_what, args, zh) => {
  const r = cli(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')[0]).toMatch(/^错误 \/ error: /);
  expect(r.stderr).toMatch(zh);
  expect(fs.readdirSync(tmp)).toEqual([]);
});

describe('asking for help or the version is not an error: exit 0, stdout', () => {
  test.each([[['--help']], [['-h']], [['help']]])('%j', (args) => {
    const r = cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: plansheet \[options\] \[command\]/);
    expect(r.stderr).toBe('');
  });

  test('help plan / plan --help', () => {
    for (const args of [['help', 'plan'], ['plan', '--help']]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: plansheet plan /);
    }
  });

  test('--version prints package.json\'s version', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });
});
