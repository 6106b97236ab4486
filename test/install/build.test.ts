/**
 * The launcher (bin/plansheet.js) and the build it runs (scripts/build-cli.js),
 * on a copy of the project in a temporary folder, so sources can be edited:
 * the first start builds build/, a start with fresh sources loads neither
 * TypeScript nor ts-node, an edited source is rebuilt before it runs, a
 * deleted one disappears from build/, and a source that does not compile is
 * an error naming the file (exit 1), never a silent run of the old build.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/python';

const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-build-'));
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

// What the CLI is built from, plus the shared node_modules.
for (const p of ['bin', 'scripts', 'src/cli', 'src/core', 'src/node', 'src/xlsx', 'templates', 'tsconfig.json', 'package.json']) {
  fs.cpSync(path.join(REPO_ROOT, p), path.join(copy, p), { recursive: true });
}
fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');

/** A preload that fails the process if it loads a compiler at run time. */
const noCompiler = path.join(copy, 'no-compiler.js');
fs.writeFileSync(
  noCompiler,
  `const M = require('module'); const load = M._load;
   M._load = function (req, ...rest) {
     if (/^(typescript|ts-node)(\\/|$)/.test(req)) throw new Error('compiler loaded at run time: ' + req);
     return load.call(this, req, ...rest);
   };`,
);

function run(args: string[], preload?: string) {
  const r = spawnSync(process.execPath, [...(preload ? ['-r', preload] : []), path.join(copy, 'bin', 'plansheet.js'), ...args], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const built = (rel: string) => path.join(copy, 'build', rel);

test('the first start builds the CLI into build/, with the plan files beside it', () => {
  expect(fs.existsSync(built('src/cli/main.js'))).toBe(false);
  const r = run(['plans', '--json']);
  expect(r.code).toBe(0);
  expect((JSON.parse(r.stdout) as { id: string }[]).map((p) => p.id)).toContain('suzhou-digital-economy-2021-2023');
  expect(fs.existsSync(built('src/cli/main.js'))).toBe(true);
  expect(fs.existsSync(built('templates/units.json'))).toBe(true);
  // Only the CLI: the task pane (React) is webpack's.
  expect(fs.existsSync(built('src/addin'))).toBe(false);
});

test('with fresh sources, a start compiles nothing: neither TypeScript nor ts-node is loaded', () => {
  const before = fs.statSync(built('src/cli/main.js')).mtimeMs;
  const r = run(['generate', '--unit', '320582', '--out', path.join(copy, 'out')], noCompiler);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(fs.readdirSync(path.join(copy, 'out'))).toEqual(['2023_320582_张家港市.xlsx']);
  expect(fs.statSync(built('src/cli/main.js')).mtimeMs).toBe(before);
});

test('an edited source is rebuilt before the command runs', () => {
  const main = path.join(copy, 'src/cli/main.ts');
  const text = fs.readFileSync(main, 'utf8');
  expect(text).toContain('PlanSheet：规划指标填报工具');
  fs.writeFileSync(main, text.replace('PlanSheet：规划指标填报工具', 'PlanSheet（已修改）：规划指标填报工具'));
  const r = run(['--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('PlanSheet（已修改）：规划指标填报工具');
  // …and the next start runs it without building again.
  expect(run(['--help'], noCompiler).stdout).toContain('PlanSheet（已修改）');
});

test('an edited plan file is copied again', () => {
  const units = path.join(copy, 'templates/units.json');
  fs.writeFileSync(units, fs.readFileSync(units, 'utf8').replace('"张家港市"', '"张家港市（测试）"'));
  const r = run(['generate', '--unit', '320582', '--out', path.join(copy, 'out2')]);
  expect(r.code).toBe(0);
  expect(fs.readdirSync(path.join(copy, 'out2'))).toEqual(['2023_320582_张家港市（测试）.xlsx']);
});

test('a deleted module disappears from build/', () => {
  const extra = path.join(copy, 'src/cli/format/unused-extra.ts');
  fs.writeFileSync(extra, 'export const EXTRA = 1;\n');
  expect(run(['--version']).code).toBe(0);
  expect(fs.existsSync(built('src/cli/format/unused-extra.js'))).toBe(true);
  fs.rmSync(extra);
  expect(run(['--version']).code).toBe(0);
  expect(fs.existsSync(built('src/cli/format/unused-extra.js'))).toBe(false);
});

test('a source that does not compile: exit 1, a bilingual message naming the file, the old build not run', () => {
  const broken = path.join(copy, 'src/cli/lang.ts');
  const text = fs.readFileSync(broken, 'utf8');
  fs.writeFileSync(broken, `${text}\nexport const broken = (;\n`);
  const r = run(['plans']);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^错误 \/ error: 无法启动命令行/);
  expect(r.stderr).toContain('cannot start the CLI');
  expect(r.stderr).toContain('src/cli/lang.ts');
  fs.writeFileSync(broken, text);
  expect(run(['plans']).code).toBe(0);
});
