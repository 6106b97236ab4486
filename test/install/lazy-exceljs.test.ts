/**
 * The CLI's stand-in for ExcelJS's entry (src/cli/lazy-exceljs.ts), in fresh
 * Node processes of the built CLI: it exports the same names as the real
 * entry, the classes it hands out are ExcelJS's own, a workbook written
 * through it is a real .xlsx, and the streaming reader and writer, which
 * PlanSheet does not use, are not loaded until asked for.
 */

import { spawnSync } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from '../support/python';

function nodeJson<T>(script: string): T {
  // The launcher makes sure build/ is current.
  expect(spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'plansheet.js'), '--version']).status).toBe(0);
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as T;
}

const LAZY = JSON.stringify(path.join(REPO_ROOT, 'build', 'src', 'cli', 'lazy-exceljs.js'));

interface Report {
  installed: boolean;
  keys: string[];
  streamKeys: string[];
  streamLoadedAtFirst: number;
  workbookIsReal: boolean;
  zipMagic: string;
  streamIsReal: boolean;
}

test('the stand-in has the real entry\'s names and classes, writes a real workbook, and loads the streaming parts only on use', () => {
  const real = nodeJson<{ keys: string[]; streamKeys: string[] }>(
    `const x = require('exceljs'); console.log(JSON.stringify({ keys: Object.keys(x).sort(), streamKeys: Object.keys(x.stream.xlsx).sort() }))`,
  );
  const lazy = nodeJson<Report>(`
    const installed = require(${LAZY}).installLazyExcelJS();
    const x = require('exceljs');
    const lib = require('path').join(require('path').dirname(require.resolve('exceljs')), 'lib');
    const streamLoaded = () => Object.keys(require.cache).filter((f) => f.includes(require('path').join('exceljs', 'lib', 'stream'))).length;
    const report = { installed, keys: Object.keys(x).sort(), streamKeys: Object.keys(x.stream.xlsx).sort() };
    const wb = new x.Workbook();
    wb.addWorksheet('表').getCell('A1').value = 42;
    report.streamLoadedAtFirst = streamLoaded();
    report.workbookIsReal = x.Workbook === require(require('path').join(lib, 'doc', 'workbook.js')) && x.ValueType.Number === 2;
    wb.xlsx.writeBuffer().then((buf) => {
      report.zipMagic = Buffer.from(buf).subarray(0, 4).toString('hex');
      report.streamIsReal = x.stream.xlsx.WorkbookReader === require(require('path').join(lib, 'stream', 'xlsx', 'workbook-reader.js'));
      console.log(JSON.stringify(report));
    });
  `);
  expect(lazy.installed).toBe(true);
  expect(lazy.keys).toEqual(real.keys);
  expect(lazy.streamKeys).toEqual(real.streamKeys);
  expect(lazy.streamLoadedAtFirst).toBe(0);
  expect(lazy.workbookIsReal).toBe(true);
  expect(lazy.zipMagic).toBe('504b0304');
  expect(lazy.streamIsReal).toBe(true);
});
