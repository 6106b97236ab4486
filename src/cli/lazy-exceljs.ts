/**
 * Start-up: `require('exceljs')` loads the whole library, including the
 * streaming reader and writer (unzipper, archiver and their stream stacks),
 * which PlanSheet never uses: about 100 ms of a 0.5 s `generate`. Before any
 * command loads ExcelJS, the CLI puts a stand-in for the package's entry into
 * Node's module cache: the same exports, each loaded from its own file the
 * first time it is used (`Workbook` → lib/doc/workbook.js, …).
 *
 * Node only, CLI only: the add-in bundle and the tests load ExcelJS as usual.
 * If ExcelJS's layout is not the one this was written for, nothing is
 * installed and the real entry loads.
 */

import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';

/** ExcelJS 4's entry (lib/exceljs.nodejs.js) as export name → file under lib/. */
const LAZY_EXPORTS: Record<string, string> = {
  Workbook: 'doc/workbook.js',
  ModelContainer: 'doc/modelcontainer.js',
};
const STREAM_EXPORTS: Record<string, string> = {
  WorkbookWriter: 'stream/xlsx/workbook-writer.js',
  WorkbookReader: 'stream/xlsx/workbook-reader.js',
};
/** The entry file this stand-in replaces, to recognise the layout. */
const ENTRY_FILE = 'exceljs.nodejs.js';
const ENUMS_FILE = 'doc/enums.js';

function lazy(target: object, name: string, file: string): void {
  Object.defineProperty(target, name, {
    enumerable: true,
    configurable: true,
    get() {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const value = require(file);
      Object.defineProperty(target, name, { value, enumerable: true, configurable: true });
      return value;
    },
  });
}

/** Returns true when the stand-in is in place (or ExcelJS was already loaded). */
export function installLazyExcelJS(): boolean {
  let entry: string;
  try {
    entry = require.resolve('exceljs');
  } catch {
    return false;
  }
  if (require.cache[entry]) return true;
  const lib = path.join(path.dirname(entry), 'lib');
  const files = [ENTRY_FILE, ENUMS_FILE, ...Object.values(LAZY_EXPORTS), ...Object.values(STREAM_EXPORTS)];
  if (!files.every((f) => fs.existsSync(path.join(lib, f)))) return false;

  const api: Record<string, unknown> = {};
  for (const [name, file] of Object.entries(LAZY_EXPORTS)) lazy(api, name, path.join(lib, file));
  const xlsx = {};
  for (const [name, file] of Object.entries(STREAM_EXPORTS)) lazy(xlsx, name, path.join(lib, file));
  api.stream = { xlsx };
  // The enums (ValueType, FormulaType, …) are small plain objects.
  Object.assign(api, require(path.join(lib, ENUMS_FILE)));

  const mod = new Module(entry, module);
  mod.filename = entry;
  mod.exports = api;
  mod.loaded = true;
  require.cache[entry] = mod;
  return true;
}
