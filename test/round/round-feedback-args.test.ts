/** `consolidate --deadline` and `--feedback`: bad usage is refused before anything is read or written. */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from '../cli-validate/returns';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-round13-args-'));
  fs.mkdirSync(path.join(root, 'returns'));
  fs.writeFileSync(path.join(root, 'returns', 'x.xlsx'), 'not a workbook');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('a correction folder inside the returns folder is refused (the copies would be read as returns)', () => {
  const out = path.join(root, 'summary.xlsx');
  const r = cli(['consolidate', path.join(root, 'returns'), '--out', out, '--feedback', path.join(root, 'returns', '退回')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('位于报表文件夹');
  expect(r.stderr).toContain('inside the returns folder');
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.existsSync(path.join(root, 'returns', '退回'))).toBe(false);
});

test('a deadline that is not a date is refused', () => {
  const out = path.join(root, 'summary.xlsx');
  for (const bad of ['2024-02-30', '下周一', '15/01/2024']) {
    const r = cli(['consolidate', path.join(root, 'returns'), '--out', out, '--deadline', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`报送截止日期“${bad}”格式不正确`);
  }
  expect(fs.existsSync(out)).toBe(false);
});

test('a file given as the correction folder is refused', () => {
  const file = path.join(root, 'a-file');
  fs.writeFileSync(file, '');
  const r = cli(['consolidate', path.join(root, 'returns'), '--out', path.join(root, 'summary.xlsx'), '--feedback', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--feedback 应为文件夹');
});
