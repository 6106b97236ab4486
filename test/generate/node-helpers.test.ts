/** Node helpers of the CLI: progress bar only on a TTY, atomic writes, plan loading by id or path. */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { builtinPlan, DEFAULT_PLAN_ID } from '../../src/core/plan/builtin';
import { PlanError } from '../../src/core/plan/load';
import { writeFileAtomic } from '../../src/node/atomic';
import { loadPlanArg, PlanNotFoundError } from '../../src/node/plan-source';
import { createProgress } from '../../src/node/progress';
import { TEST_PLAN_SOURCE } from './test-plan';
import { translateCommanderError } from '../../src/cli/commander-errors';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-node-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const s = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(s, { isTTY, columns: 100 });
  return { s, chunks };
}

test('progress draws on a TTY and ends by clearing its line; draws nothing otherwise', async () => {
  const tty = fakeStream(true);
  const p = createProgress(3, tty.s);
  p.tick('张家港市');
  p.tick('常熟市');
  p.tick('太仓市');
  p.done();
  await new Promise((r) => setImmediate(r));
  const out = tty.chunks.join('');
  expect(out).toContain('1/3 张家港市');
  expect(out).toContain('3/3 太仓市');
  expect(out.endsWith('\r\x1b[K')).toBe(true);

  const pipe = fakeStream(false);
  const q = createProgress(3, pipe.s);
  q.tick('a');
  q.done();
  await new Promise((r) => setImmediate(r));
  expect(pipe.chunks).toEqual([]);
});

test('writeFileAtomic creates directories, replaces files whole and leaves no temp files', async () => {
  const file = path.join(tmp, 'a', 'b', 'x.xlsx');
  await writeFileAtomic(file, 'first');
  await writeFileAtomic(file, new Uint8Array([80, 75]));
  expect(fs.readFileSync(file).toString()).toBe('PK');
  expect(fs.readdirSync(path.dirname(file))).toEqual(['x.xlsx']);
  await expect(writeFileAtomic(path.join(file, 'under-a-file.xlsx'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
});

test('loadPlanArg: built-in id, file path, unknown name, invalid file', () => {
  expect(loadPlanArg(DEFAULT_PLAN_ID)).toBe(builtinPlan(DEFAULT_PLAN_ID));
  const file = path.join(tmp, 'plan.json');
  fs.writeFileSync(file, JSON.stringify(TEST_PLAN_SOURCE));
  expect(loadPlanArg(file).id).toBe(TEST_PLAN_SOURCE.id);
  expect(() => loadPlanArg('no-such-plan')).toThrow(PlanNotFoundError);
  expect(() => loadPlanArg(path.join(tmp, 'missing.json'))).toThrow(PlanNotFoundError);
  fs.writeFileSync(file, JSON.stringify({ ...TEST_PLAN_SOURCE, years: 'soon' }));
  try {
    loadPlanArg(file);
    throw new Error('expected a PlanError');
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    expect((e as PlanError).issues.map((i) => i.path)).toContain('years');
    expect((e as PlanError).message).toContain(file);
  }
});

describe('commander errors in Chinese first', () => {
  test.each([
    ["error: option '--conflict <mode>' argument 'x' is invalid. Allowed choices are report, latest.\n", '错误 / error: 选项 --conflict <mode> 的值“x”无效，可选：report、latest\n'],
    ["error: option '--a' cannot be used with option '--b'\n", '错误 / error: 选项 --a 不能与 --b 同时使用\n'],
    ["error: unknown command 'plam'\n(Did you mean plan?)\n", '错误 / error: 未知命令“plam”（是否要输入 plan？）\n'],
    ['error: something new\n', '错误 / error: 命令行用法错误\n'],
  ])('%j', (input, zhLine) => {
    const out = translateCommanderError(input);
    expect(out.startsWith(zhLine)).toBe(true);
    // The English original follows, without commander's "error:" prefix.
    expect(out.slice(zhLine.length)).toBe(input.replace(/^error: /, ''));
  });
});
