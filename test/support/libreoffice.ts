/**
 * LibreOffice headless as an independent spreadsheet engine for tests.
 *
 * Each call uses its own throw-away user profile (-env:UserInstallation), so
 * parallel runs never clash, and that profile is pre-seeded to *always
 * recalculate* formulas when loading OOXML and ODF files: by default
 * LibreOffice may keep the cached results stored in the file (a workbook
 * written by openpyxl or ExcelJS carries stale or empty ones), which would let
 * a broken formula pass unnoticed.
 *
 *   const csv = await convertWithLibreOffice(file, 'csv', outDir, { csvAllSheets: true });
 *   // → one CSV per sheet: <name>-<sheet>.csv (UTF-8, comma separated);
 *   //   read them with readSheetCsv(outDir, file, sheet).
 */

import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const SOFFICE = process.env.SOFFICE ?? 'soffice';

// Calc › Formula › "Recalculation on file load": 0 = always, 1 = never (show the cached results).
const recalcProfile = (mode: 0 | 1) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

export interface ConvertOptions {
  /** CSV only: write every sheet to its own file (LibreOffice ≥ 7.2). */
  csvAllSheets?: boolean;
  timeoutMs?: number;
  /** false: never recalculate on load, so the output shows the cached formula results, as a viewer that does not recalculate would. */
  recalc?: boolean;
}

export interface ConvertResult {
  /** Files written, absolute paths. */
  outputs: string[];
  stdout: string;
  stderr: string;
}

/**
 * Converts one or more files to `format` ("xlsx", "ods", "pdf", "csv") into
 * `outDir` in one soffice run (start-up costs ~2 s, so batch when you can).
 * Use a fresh `outDir`: the result lists the files that were not there before.
 * Rejects when soffice fails, times out or writes nothing.
 */
export async function convertWithLibreOffice(
  files: string | string[],
  format: 'xlsx' | 'ods' | 'pdf' | 'csv',
  outDir: string,
  opts: ConvertOptions = {},
): Promise<ConvertResult> {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-plansheet-'));
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), recalcProfile(opts.recalc === false ? 1 : 0));
  // CSV filter options: separator 44 (,), quote 34 ("), charset 76 (UTF-8),
  // first line 1, …, token 12 = sheet: -1 exports every sheet to its own file.
  const target =
    format === 'csv'
      ? `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false${opts.csvAllSheets ? ',-1' : ''}`
      : format === 'xlsx'
        ? 'xlsx:Calc MS Excel 2007 XML'
        : format;
  const before = new Set(fs.readdirSync(outDir));
  const inputs = Array.isArray(files) ? files : [files];
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', outDir, ...inputs];
  try {
    const { stdout, stderr, code } = await run(SOFFICE, args, opts.timeoutMs ?? 120_000);
    const outputs = fs
      .readdirSync(outDir)
      .filter((f) => !before.has(f))
      .map((f) => path.join(outDir, f));
    if (code !== 0 || !outputs.length)
      throw new Error(`soffice exited ${code}, outputs: ${outputs.length}\n${stdout}\n${stderr}`);
    return { outputs, stdout, stderr };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`soffice timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

/** Parses LibreOffice's CSV output (RFC 4180 quoting) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The CSV LibreOffice wrote for one sheet of `sourceFile` (all-sheets export). */
export function readSheetCsv(outDir: string, sourceFile: string, sheet: string): string[][] {
  const file = path.join(outDir, `${path.parse(sourceFile).name}-${sheet}.csv`);
  return parseCsv(fs.readFileSync(file, 'utf8'));
}
