/**
 * Nothing lost: the real CLI (`generate`, `validate`, `consolidate`) run
 * against real returns (generator + openpyxl), LibreOffice conversions, and
 * crafted files (raw XML zipped by test/fixtures/zip-writer.ts). Each case
 * checks the exit code, the message, the figures where there are any, and
 * the files on disk afterwards (inputs hashed before and after).
 */

import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { builtinPlan } from '../../src/core/plan/builtin';
import type { Plan } from '../../src/core/plan/types';
import { buildZip } from '../fixtures/zip-writer';
import * as H from '../fixtures/hostile';
import { convertWithLibreOffice } from '../support/libreoffice';
import { cli, fillReturn, generateBlanks, goodValue } from './returns';

const PLAN_ID = 'suzhou-new-infrastructure-2020-2022';
const YEAR = '2022';
const plan: Plan = builtinPlan(PLAN_ID)!;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-safety-'));
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const ZJG = '320582';
const CS = '320581';
const numeric = (u: string) => plan.indicators.filter((i) => i.reporters.includes(u) && i.kind !== 'text');
const first = numeric(ZJG)[0];

interface JsonConsolidation {
  returns: { file: string; unit: string | null; status: string; reason: string }[];
  indicators: { code: string; units: Record<string, number | null> }[];
}
interface JsonValidate {
  file: string;
  readable: boolean;
  findings: { severity: string; rule: string; code: string | null; message: string }[];
}

/** Every file under a directory with its hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[path.relative(dir, p)] = sha(p);
    }
  };
  walk(dir);
  return out;
}

const noStack = (text: string) => {
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(text).not.toContain('unexpected error');
};

let blanks: Map<string, string>;
let zjgReturn: string;
let csReturn: string;
beforeAll(() => {
  blanks = generateBlanks(PLAN_ID, YEAR, path.join(root, 'blank'));
  zjgReturn = path.join(root, 'returns', path.basename(blanks.get(ZJG)!));
  csReturn = path.join(root, 'returns', path.basename(blanks.get(CS)!));
  fillReturn(plan, blanks.get(ZJG)!, zjgReturn, ZJG, YEAR, { reporter: { contact: '张三' } });
  fillReturn(plan, blanks.get(CS)!, csReturn, CS, YEAR, { reporter: { contact: '李四' } });
}, 180_000);
afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m], { stdio: 'ignore' });
  fs.rmSync(root, { recursive: true, force: true });
});

// ---- tmpfs: a full disk and a read-only disk, when we may mount (root) -----
const mounts: string[] = [];
function tmpfs(size: string, readOnly = false): string | null {
  const dir = fs.mkdtempSync(path.join(root, 'mnt-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${readOnly ? ',ro' : ''}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return dir;
  } catch {
    return null;
  }
}
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('generate never destroys a return', () => {
  test('a filled return of the same name is refused (exit 2, nothing written); --force overwrites it and says so', () => {
    const out = path.join(root, 'gen-filled');
    fs.mkdirSync(out);
    const target = path.join(out, path.basename(zjgReturn));
    fs.copyFileSync(zjgReturn, target);
    const before = snapshot(out);
    const r = cli(['generate', '--plan', PLAN_ID, '--period', YEAR, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(target);
    expect(r.stderr).toContain('已填报的报表（单位 320582）');
    expect(r.stderr).toContain('is a filled return (unit 320582)');
    expect(r.stderr).toContain('--force');
    expect(snapshot(out)).toEqual(before);

    const f = cli(['generate', '--plan', PLAN_ID, '--period', YEAR, '--out', out, '--force']);
    expect(f.code).toBe(0);
    expect(f.stdout).toContain(`${target}（已用 --force 覆盖原文件）`);
    expect(sha(target)).not.toBe(before[path.basename(target)]);
    // The list names every file written, then the summary line.
    const lines = f.stdout.trim().split('\n');
    expect(lines.length).toBe(blanks.size + 1);
    expect(lines[lines.length - 1]).toMatch(/^已生成 \d+ 个填报模板/);
  }, 120_000);

  test('blank templates of an earlier run are replaced, and listed as such', () => {
    const out = path.join(root, 'gen-blank');
    expect(cli(['generate', '--plan', PLAN_ID, '--period', YEAR, '--out', out, '--unit', ZJG]).code).toBe(0);
    const r = cli(['generate', '--plan', PLAN_ID, '--period', YEAR, '--out', out, '--unit', ZJG, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(replaced a blank template)');
  }, 60_000);

  test('a file it cannot read (encrypted) or a directory at a target name is refused before anything is written', () => {
    const out = path.join(root, 'gen-unreadable');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, path.basename(blanks.get(ZJG)!)), H.encryptedOoxml());
    fs.mkdirSync(path.join(out, path.basename(blanks.get(CS)!)));
    const before = snapshot(out);
    const r = cli(['generate', '--plan', PLAN_ID, '--period', YEAR, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法读取，可能是一份报表');
    expect(r.stderr).toContain('加密');
    expect(r.stderr).toContain('是一个目录');
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(out)).toHaveLength(2);
  }, 60_000);

  (canMount ? test : test.skip)('a full disk: a sentence naming the file, the complete workbooks listed, nothing half-written', () => {
    const disk = tmpfs('120k')!;
    expect(disk).not.toBeNull();
    const r = cli(['generate', '--plan', PLAN_ID, '--period', YEAR, '--out', disk]);
    expect(r.code).toBe(1);
    noStack(r.stderr);
    expect(r.stderr).toMatch(/无法写入 .+\.xlsx：磁盘空间已满（ENOSPC）/);
    expect(r.stderr).toContain('no space left on the disk (ENOSPC)');
    const listed = r.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
    expect(listed.length).toBeGreaterThan(0);
    // On disk: exactly the files listed, each a complete workbook; no temp file.
    expect(fs.readdirSync(disk).sort()).toEqual(listed.map((f) => path.basename(f)).sort());
    const v = cli(['validate', ...listed, '--json']);
    for (const e of JSON.parse(v.stdout) as JsonValidate[]) expect(e.readable).toBe(true);
  }, 120_000);

  (canMount ? test : test.skip)('a read-only disk: nothing written, said in one sentence', () => {
    const disk = tmpfs('1m', true)!;
    const r = cli(['generate', '--plan', PLAN_ID, '--period', YEAR, '--out', path.join(disk, 'out')]);
    expect(r.code).toBe(1);
    noStack(r.stderr);
    expect(r.stderr).toContain('只读的磁盘（EROFS）');
    expect(r.stderr).toContain('没有写入任何填报模板');
  }, 60_000);
});

describe('consolidate --out never replaces a return', () => {
  const cases: [string, () => Uint8Array | string][] = [
    ['a filled return', () => zjgReturn],
    ['an encrypted workbook', () => H.encryptedOoxml()],
    ['an .xlsx over the size limit', () => new Uint8Array(65 * 1024 * 1024)],
    ['a damaged .xlsx', () => H.truncated(new Uint8Array(fs.readFileSync(zjgReturn)))],
    ['a workbook PlanSheet did not write', () => H.minimalPackage()],
  ];
  test.each(cases)('%s at the output path: refused, exit 2, the file unchanged', (_what, make) => {
    const dir = fs.mkdtempSync(path.join(root, 'out-'));
    const out = path.join(dir, 'summary.xlsx');
    const made = make();
    if (typeof made === 'string') fs.copyFileSync(made, out);
    else fs.writeFileSync(out, made);
    const before = sha(out);
    const r = cli(['consolidate', csReturn, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('拒绝覆盖');
    expect(r.stderr).toContain(out);
    noStack(r.stderr);
    expect(sha(out)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['summary.xlsx']);
  }, 60_000);

  test('an earlier summary is replaced', () => {
    const out = path.join(root, 'again.xlsx');
    expect([0, 1]).toContain(cli(['consolidate', csReturn, '--out', out]).code);
    const before = sha(out);
    expect([0, 1]).toContain(cli(['consolidate', csReturn, zjgReturn, '--out', out]).code);
    expect(sha(out)).not.toBe(before);
  }, 60_000);

  (canMount ? test : test.skip)('a full disk: no summary, no temp file, a sentence naming the path', () => {
    const disk = tmpfs('12k')!;
    const out = path.join(disk, 'summary.xlsx');
    const r = cli(['consolidate', csReturn, '--out', out]);
    expect(r.code).toBe(2);
    noStack(r.stderr);
    expect(r.stderr).toContain(`无法写入汇总表 ${out}：磁盘空间已满（ENOSPC）`);
    expect(r.stderr).toContain('没有写入汇总表');
    expect(fs.readdirSync(disk)).toEqual([]);
  }, 60_000);
});

describe('inputs', () => {
  test('one file by two paths (a symlink, a folder linked twice) is read once: no conflict with itself', () => {
    const dir = path.join(root, 'dedupe');
    fs.mkdirSync(dir);
    fs.symlinkSync(zjgReturn, path.join(dir, 'link.xlsx'));
    const linkedFolder = path.join(root, 'returns-link');
    fs.symlinkSync(path.dirname(zjgReturn), linkedFolder);
    const before = snapshot(path.dirname(zjgReturn));
    const out = path.join(root, 'dedupe.xlsx');
    const r = cli(['consolidate', path.dirname(zjgReturn), linkedFolder, dir, '--out', out, '--json']);
    const json = JSON.parse(r.stdout) as JsonConsolidation;
    expect(r.code).toBe(0);
    expect(json.returns.map((x) => [x.unit, x.status]).sort()).toEqual([
      [CS, 'accepted'],
      [ZJG, 'accepted'],
    ]);
    expect(json.indicators.find((i) => i.code === first.code)!.units[ZJG]).toBe(goodValue(first, YEAR));
    expect(snapshot(path.dirname(zjgReturn))).toEqual(before);
  }, 60_000);

  test('validate takes folders and expands wildcards itself (as on Windows, where the shell does not)', () => {
    const dir = path.dirname(zjgReturn);
    const byFolder = cli(['validate', dir, '--json']);
    expect(byFolder.code).toBe(0);
    expect((JSON.parse(byFolder.stdout) as JsonValidate[]).map((e) => path.basename(e.file))).toEqual(
      [path.basename(csReturn), path.basename(zjgReturn)].sort(),
    );
    // No shell here: the pattern reaches plansheet as typed.
    const byPattern = cli(['validate', path.join(dir, `*_${ZJG}_*.xlsx`), '--json']);
    expect(byPattern.code).toBe(0);
    expect((JSON.parse(byPattern.stdout) as JsonValidate[]).map((e) => e.file)).toEqual([zjgReturn]);
    const none = cli(['validate', path.join(dir, '*.nothing')]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('没有与');
  }, 60_000);

  test('.et, .xls, .ods, .csv and a renamed .docx: each named, with how to save it as .xlsx', async () => {
    const dir = path.join(root, 'formats');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '张家港.et'), H.fakeXls());
    fs.writeFileSync(path.join(dir, '张家港.xls'), H.fakeXls());
    fs.writeFileSync(path.join(dir, '张家港.csv'), '指标代码,填报值\nA-1,12\n');
    await convertWithLibreOffice(csReturn, 'ods', dir);
    fs.writeFileSync(
      path.join(dir, '报表.xlsx'),
      buildZip([
        { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
        { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
        { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>' },
      ]),
    );
    const before = snapshot(dir);
    const r = cli(['validate', dir, '--json']);
    expect(r.code).toBe(2);
    const msg = Object.fromEntries((JSON.parse(r.stdout) as JsonValidate[]).map((e) => [path.extname(e.file), e.findings[0].message]));
    expect(msg['.et']).toContain('WPS 表格文件（.et）');
    expect(msg['.et']).toContain('另存为');
    expect(msg['.xls']).toContain('另存为');
    expect(msg['.ods']).toContain('OpenDocument 表格（.ods）');
    expect(msg['.ods']).toContain('Excel 2007-365（.xlsx）');
    expect(msg['.csv']).toContain('CSV');
    expect(msg['.xlsx']).toContain('Word 文档');
    const en = cli(['validate', path.join(dir, '张家港.et'), '--lang', 'en', '--json']);
    expect((JSON.parse(en.stdout) as JsonValidate[])[0].findings[0].message).toContain('Save As');
    // consolidate: the same sentences as reasons, beside an accepted return.
    const c = cli(['consolidate', dir, zjgReturn, '--out', path.join(root, 'formats.xlsx'), '--json']);
    const json = JSON.parse(c.stdout) as JsonConsolidation;
    expect(json.returns.find((x) => x.file.endsWith('.et'))!.reason).toContain('WPS 表格文件');
    expect(json.returns.find((x) => x.unit === ZJG)!.status).toBe('accepted');
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);

  test('consolidate without --plan when no file tells the plan: each file is named with why (exit 2, nothing written)', () => {
    const dir = path.join(root, 'no-plan');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '张家港.xlsx'), 'not a workbook');
    fs.writeFileSync(path.join(dir, '常熟.xls'), H.fakeXls());
    const foreign = path.join(dir, '台账.xlsx');
    execFileSync('/usr/bin/python3', ['-c', 'import openpyxl,sys; wb=openpyxl.Workbook(); wb.active["A1"]=1; wb.save(sys.argv[1])', foreign]);
    const out = path.join(root, 'no-plan.xlsx');
    const before = snapshot(dir);
    const r = cli(['consolidate', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('在 3 个文件中没有能识别所属计划的 PlanSheet 填报表');
    expect(r.stderr).toMatch(/张家港\.xlsx：.*不是 Excel 工作簿/);
    expect(r.stderr).toMatch(/常熟\.xls：.*另存为/);
    expect(r.stderr).toContain(`${foreign}：不是 PlanSheet 填报表`);
    const en = cli(['consolidate', dir, '--out', out, '--lang', 'en']);
    expect(en.stderr).toContain(`${foreign}: not a PlanSheet return`);
    expect(fs.existsSync(out)).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});

// ---- crafted XML inside a real return --------------------------------------

/** Unzips a return, edits its entry sheet (and optionally every part), zips it again with zip-writer. */
function craft(src: string, dst: string, edit: { sheet?: (xml: string) => string; all?: (xml: string) => string; extra?: { name: string; data: string }[]; workbook?: (xml: string) => string; rels?: (xml: string) => string; types?: (xml: string) => string }): string {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(src)));
  const dec = new TextDecoder();
  const wb = dec.decode(parts['xl/workbook.xml']);
  const rels = dec.decode(parts['xl/_rels/workbook.xml.rels']);
  const rid = /<sheet [^>]*name="指标填报"[^>]*r:id="([^"]+)"/.exec(wb)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  const entryPart = target[1].replace(/^\/?(xl\/)?/, 'xl/');
  const out: { name: string; data: string | Uint8Array }[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    let data: string | Uint8Array = bytes;
    if (/\.(xml|rels)$/.test(name)) {
      let text = dec.decode(bytes);
      if (name === entryPart && edit.sheet) text = edit.sheet(text);
      if (name === 'xl/workbook.xml' && edit.workbook) text = edit.workbook(text);
      if (name === 'xl/_rels/workbook.xml.rels' && edit.rels) text = edit.rels(text);
      if (name === '[Content_Types].xml' && edit.types) text = edit.types(text);
      if (edit.all) text = edit.all(text);
      data = text;
    }
    out.push({ name, data });
  }
  out.push(...(edit.extra ?? []));
  fs.writeFileSync(dst, buildZip(out));
  return dst;
}

/** The value cell of the unit's first indicator (row 5, column F). */
const F5 = /(<c r="F5"[^>]*>)(?:<f>[^<]*<\/f>)?<v>[^<]*<\/v>(<\/c>)/;

describe('honest reading of valid and malformed XML', () => {
  test('single-quoted attributes everywhere: read exactly as the original', () => {
    const dir = path.join(root, 'quotes');
    fs.mkdirSync(dir);
    const file = craft(zjgReturn, path.join(dir, path.basename(zjgReturn)), {
      all: (xml) => xml.replace(/(\s[\w:]+)="([^"]*)"/g, (_m, n: string, v: string) => `${n}='${v.replace(/'/g, '&apos;')}'`),
    });
    expect(fs.readFileSync(file).includes(Buffer.from('t="s"'))).toBe(false);
    const a = JSON.parse(cli(['consolidate', zjgReturn, '--out', path.join(root, 'q1.xlsx'), '--json']).stdout) as JsonConsolidation;
    const b = JSON.parse(cli(['consolidate', file, '--out', path.join(root, 'q2.xlsx'), '--json']).stdout) as JsonConsolidation;
    expect(b.returns[0].status).toBe('accepted');
    expect(b.indicators.map((i) => i.units[ZJG])).toEqual(a.indicators.map((i) => i.units[ZJG]));
  }, 60_000);

  test('two elements for one cell: the file is refused as damaged, naming the cell', () => {
    const file = craft(zjgReturn, path.join(root, 'dup.xlsx'), { sheet: (xml) => xml.replace(F5, (m) => m + m.replace(/<v>[^<]*<\/v>/, '<v>999999</v>')) });
    const r = cli(['validate', file, '--json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as JsonValidate[])[0].findings[0].message).toContain('单元格 F5 出现了两次');
  }, 60_000);

  test('a hexadecimal <v>0x10</v> is an error for that indicator and never 16 in the figure', () => {
    const file = craft(zjgReturn, path.join(root, `hex_${path.basename(zjgReturn)}`), { sheet: (xml) => xml.replace(F5, '$1<v>0x10</v>$2') });
    const v = JSON.parse(cli(['validate', file, '--json']).stdout) as JsonValidate[];
    const errs = v[0].findings.filter((f) => f.severity === 'error');
    expect(errs.map((f) => f.code)).toEqual([first.code]);
    expect(errs[0].message).toContain('0x10');
    const c = JSON.parse(cli(['consolidate', file, '--out', path.join(root, 'hex.xlsx'), '--json']).stdout) as JsonConsolidation;
    expect(c.indicators.find((i) => i.code === first.code)!.units[ZJG]).toBeNull();
  }, 60_000);

  test('a legitimate 15 MB return whose extra data sheet inflates to 56 MB is read; the size refusal of a 65 MB file says which limit', () => {
    // ~56 MB of rows of varied numbers: compresses about 4:1, like real data.
    const rows: string[] = [];
    let size = 0;
    let seed = 7;
    for (let r = 1; size < 56 * 1024 * 1024; r++) {
      let row = `<row r="${r}">`;
      for (let c = 0; c < 10; c++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${seed / 1000}</v></c>`;
      }
      row += '</row>';
      rows.push(row);
      size += row.length;
    }
    const big = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const dir = path.join(root, 'big');
    fs.mkdirSync(dir);
    const file = craft(zjgReturn, path.join(dir, path.basename(zjgReturn)), {
      workbook: (xml) => xml.replace('</sheets>', '<sheet name="数据" sheetId="99" r:id="rIdBig"/></sheets>'),
      rels: (xml) => xml.replace('</Relationships>', '<Relationship Id="rIdBig" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/big.xml"/></Relationships>'),
      types: (xml) => xml.replace('</Types>', '<Override PartName="/xl/worksheets/big.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
      extra: [{ name: 'xl/worksheets/big.xml', data: big }],
    });
    const bytes = fs.statSync(file).size;
    expect(bytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(bytes).toBeLessThan(25 * 1024 * 1024);
    const c = cli(['consolidate', file, '--out', path.join(root, 'big.xlsx'), '--json']);
    const json = JSON.parse(c.stdout) as JsonConsolidation;
    expect(json.returns[0].status).toBe('accepted');
    expect(json.indicators.find((i) => i.code === first.code)!.units[ZJG]).toBe(goodValue(first, YEAR));

    const huge = path.join(root, 'huge.xlsx');
    fs.writeFileSync(huge, new Uint8Array(65 * 1024 * 1024));
    const v = JSON.parse(cli(['validate', huge, '--json']).stdout) as JsonValidate[];
    const m = v[0].findings[0].message;
    expect(m).toContain('超过可读取的上限 64.0 MB');
    expect(m).not.toMatch(/恶意|炸弹/);
  }, 180_000);
});
