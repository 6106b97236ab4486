/**
 * Generator speed.
 *  1. The full workbook set of every built-in plan (first run in this process,
 *     then the best of three). Goal: the whole Suzhou set under 1 s.
 *  2. 1,000 workbooks of the Suzhou plan (cycling over its units) written to
 *     disk: workbooks per second and peak RSS.
 *  3. The same 1,000 workbooks written by openpyxl (bench/openpyxl_write.py,
 *     same sheets, texts, row heights, validations, formulas, formats,
 *     print setup, protection, names) in the same run; the ratio.
 *     Goal: ≥ 2× openpyxl.
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinPlan, builtinPlans, DEFAULT_PLAN_ID } from '../src/core/plan/builtin';
import { periodKey, periodLabel, type Period } from '../src/core/period';
import type { Plan, ReportingUnit } from '../src/core/plan/types';
import { ENTRY_COLUMNS as C, ENTRY_FIRST_DATA_ROW, ENTRY_HEADERS, META_KEYS, META_MAGIC, SHEETS, TEMPLATE_FORMAT_VERSION, remarkName, valueName } from '../src/core/template/layout';
import { planHash } from '../src/core/plan/load';
import { generateSet } from '../src/node/generate';
import { writeFileAtomic } from '../src/node/atomic';
import { NODE_ZIP_CODEC } from '../src/node/codec';
import { categoryParts, entryTitles, instructionsContent } from '../src/xlsx/write/content';
import { entryTarget } from '../src/core/template/entry-target';
import { markRules, statusFormula } from '../src/xlsx/write/status';
import { entryRowHeight, writeTemplate } from '../src/xlsx/write/template';
import { textUnits, wrappedRowHeight, type TextBlock } from '../src/xlsx/layout-text';
import { indicatorsFor, reportingUnits, templateFileName, unitNames } from '../src/xlsx/write/units';
import { COLORS, REPORTER_VALIDATION, statusRules, valueValidation } from '../src/xlsx/write/validation';
import { MARK_COLUMN, MARK_NAME, markNameRef } from '../src/core/template/marks';

const COUNT = Number(process.env.BENCH_COUNT ?? 1000);
const PYTHON = '/usr/bin/python3';

const lastYear = (plan: Plan): Period => ({ kind: 'year', year: plan.years[plan.years.length - 1] });
const ms = (ns: bigint) => Number(ns) / 1e6;

async function timeSet(plan: Plan, dir: string): Promise<number> {
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = process.hrtime.bigint();
  await generateSet(plan, lastYear(plan), reportingUnits(plan), dir, { generator: 'plansheet bench' });
  return ms(process.hrtime.bigint() - t0);
}

/** Column widths of the generator's sheets (src/xlsx/write/template.ts). */
const INSTRUCTION_TEXT_WIDTH = 86;
const ENTRY_WIDTHS = { A: 13, B: 18, C: 42, D: 10, E: 15, F: 14, G: 10, H: 32 };
/** Font size of a sub-category's parent line in the 类型 cell (template.ts PARENT_FONT_SIZE). */
const PARENT_FONT_SIZE = 8;

/**
 * What openpyxl needs to write the same workbook, made with the generator's
 * own pure parts: texts, row heights, validations, formulas, rule colours.
 */
export function openpyxlSpec(plan: Plan, period: Period, unit: ReportingUnit) {
  const inds = indicatorsFor(plan, unit.code);
  const cats = categoryParts(plan);
  const byCode = new Map(plan.units.map((u) => [u.code, u]));
  // As the generator: the value prompt names whom to ask.
  const lead = (codes: string[]) => unitNames(codes, byCode);
  const content = instructionsContent(plan, period, unit, inds);
  const dv = (d: { type: string; operator?: string; formulae: (number | Date)[]; promptTitle: string; prompt: string; errorTitle: string; error: string }) => ({
    type: d.type,
    operator: d.operator,
    formula1: String(d.formulae[0] instanceof Date ? 36526 : d.formulae[0]),
    formula2: d.formulae[1] === undefined ? undefined : String(d.formulae[1]),
    promptTitle: d.promptTitle,
    prompt: d.prompt,
    errorTitle: d.errorTitle,
    error: d.error,
  });
  return {
    file: templateFileName(periodKey(period), unit),
    title: `${plan.title} ${periodLabel(period)} ${unit.name}`,
    metaSheet: SHEETS.meta,
    instructions: {
      sheet: SHEETS.instructions,
      title: content.title,
      lines: content.blocks.map((b) => {
        if (b.kind === 'heading') return { kind: 'heading', label: b.text };
        // As template.ts: long lines wrap, and wrapped lines carry their height.
        const wrap = !!b.wrap || textUnits(b.text) > INSTRUCTION_TEXT_WIDTH - 1;
        return {
          kind: 'line',
          label: b.label,
          text: b.text,
          height: wrap ? wrappedRowHeight([{ text: b.text, width: INSTRUCTION_TEXT_WIDTH }]) : null,
          legend: b.legend ? [b.legend.fill, b.legend.font] : null,
        };
      }),
      reporter: content.reporter.map((f) => [
        f.label,
        f.name,
        f.value,
        f.kind,
        f.kind === 'phone' ? dv(REPORTER_VALIDATION.phone) : f.kind === 'date' ? dv(REPORTER_VALIDATION.date) : null,
      ]),
    },
    entry: {
      sheet: SHEETS.entry,
      ...entryTitles(plan, period, unit),
      headers: Object.keys(C).map((k) => ENTRY_HEADERS[k as keyof typeof C]),
      widths: ENTRY_WIDTHS,
      headerFill: COLORS.header.fill,
      headerFont: COLORS.header.font,
      toFill: COLORS.toFill.fill,
      rows: inds.map((ind, i) => {
        const e = entryTarget(ind, period, unit.code, { unitKind: unit.kind });
        const parts = cats.get(ind.category);
        const blocks: TextBlock[] = !parts
          ? [{ text: ind.category }]
          : parts.parent
            ? [{ text: parts.parent, fontSize: PARENT_FONT_SIZE }, { text: parts.name }]
            : [{ text: parts.name }];
        return {
          cells: [ind.code, ind.name, ind.unit, e.text],
          // The category's own name, a sub-category's parent on the line above (small, grey).
          category: parts ? [parts.parent ?? null, parts.name] : [null, ind.category],
          height: entryRowHeight(blocks, ind.name, e.text),
          count: ind.kind === 'count',
          formula: statusFormula(e.target, `${C.value}${ENTRY_FIRST_DATA_ROW + i}`, ind.kind, e.judgement, ind.tolerance),
          dv: dv(valueValidation(ind, e.target, e.text, lead(ind.lead))),
          valueName: valueName(ind.code),
          remarkName: remarkName(ind.code),
        };
      }),
      // The add-in's mark rules (value column, before the status rules) and its hidden mark column.
      marks: markRules(ENTRY_FIRST_DATA_ROW).map((r) => [r.formulae[0], r.style.fill.bgColor.argb, r.style.font.color.argb]),
      markColumn: MARK_COLUMN,
      markName: [MARK_NAME, markNameRef()],
      cf: statusRules(`$${C.status}${ENTRY_FIRST_DATA_ROW}`).map((r) => [r.formulae[0], r.style.fill.bgColor.argb, r.style.font.color.argb]),
    },
    meta: [
      [META_KEYS.magic, META_MAGIC],
      [META_KEYS.formatVersion, TEMPLATE_FORMAT_VERSION],
      [META_KEYS.planId, plan.id],
      [META_KEYS.planHash, planHash(plan)],
      [META_KEYS.unitCode, unit.code],
      [META_KEYS.unitName, unit.name],
      [META_KEYS.period, periodKey(period)],
      [META_KEYS.generatedAt, new Date().toISOString()],
      [META_KEYS.generator, 'openpyxl bench'],
      [META_KEYS.codes, inds.map((i) => i.code).join(',')],
    ],
  };
}

export async function run(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plansheet-bench-gen-'));
  try {
    // 1. Full sets.
    console.log('Full workbook sets (one per reporting unit, last plan year):');
    for (const plan of builtinPlans()) {
      const units = reportingUnits(plan);
      const rows = units.reduce((n, u) => n + indicatorsFor(plan, u.code).length, 0);
      const dir = path.join(tmp, plan.id);
      const first = await timeSet(plan, dir);
      const best = Math.min(await timeSet(plan, dir), await timeSet(plan, dir), await timeSet(plan, dir));
      const goal = plan.id === DEFAULT_PLAN_ID ? (first < 1000 ? '  ✓ goal < 1 s' : '  ✗ goal < 1 s') : '';
      console.log(
        `  ${plan.id.padEnd(38)} ${String(units.length).padStart(3)} files, ${String(rows).padStart(5)} rows: first ${first.toFixed(0)} ms, best ${best.toFixed(0)} ms${goal}`,
      );
    }

    // 2. 1,000 workbooks, PlanSheet, in a child process so its peak RSS is its own.
    const plan = builtinPlan(DEFAULT_PLAN_ID)!;
    const period = lastYear(plan);
    const units = reportingUnits(plan);
    const avgRows = units.reduce((n, u) => n + indicatorsFor(plan, u.code).length, 0) / units.length;
    const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename], {
      encoding: 'utf8',
      env: { ...process.env, PLANSHEET_BENCH_CHILD: path.join(tmp, 'ours'), TS_NODE_TRANSPILE_ONLY: '1' },
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
    const mine = JSON.parse(child.stdout.trim().split('\n').pop()!) as { count: number; seconds: number; peakRssKb: number; avgKb: number };
    const oursRate = mine.count / mine.seconds;
    console.log(`\n${COUNT} workbooks of ${plan.id} (${units.length} units cycled, ${avgRows.toFixed(1)} rows on average), written to disk:`);
    console.log(
      `  PlanSheet (ExcelJS + native zlib): ${mine.seconds.toFixed(2)} s, ${oursRate.toFixed(0)} workbooks/s, peak RSS ${(mine.peakRssKb / 1024).toFixed(0)} MB (process, incl. ts-node)`,
    );

    // 3. The same with openpyxl.
    const specFile = path.join(tmp, 'spec.json');
    const pyOut = path.join(tmp, 'openpyxl');
    fs.writeFileSync(specFile, JSON.stringify({ outDir: pyOut, count: COUNT, workbooks: units.map((u) => openpyxlSpec(plan, period, u)) }));
    const py = spawnSync(PYTHON, [path.join(__dirname, 'openpyxl_write.py'), specFile], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (py.status !== 0) {
      console.log(`  openpyxl: failed (${py.status}): ${py.stderr.slice(0, 500)}`);
      return;
    }
    const res = JSON.parse(py.stdout) as { count: number; seconds: number; peak_rss_kb: number };
    const pyRate = res.count / res.seconds;
    console.log(`  openpyxl ${pyVersion()}:            ${res.seconds.toFixed(2)} s, ${pyRate.toFixed(0)} workbooks/s, peak RSS ${(res.peak_rss_kb / 1024).toFixed(0)} MB`);
    const ratio = oursRate / pyRate;
    console.log(`  ratio: PlanSheet is ${ratio.toFixed(2)}× openpyxl ${ratio >= 2 ? '✓ goal ≥ 2×' : '✗ goal ≥ 2×'}`);
    // The two sides must write the same workbook: read one of each back and compare.
    const oursFile = path.join(tmp, 'ours.xlsx');
    fs.writeFileSync(oursFile, await writeTemplate(plan, period, units[0].code, { generator: 'plansheet bench', zipCodec: NODE_ZIP_CODEC }));
    const theirs = path.join(pyOut, `0000_${templateFileName(periodKey(period), units[0])}`);
    const cmp = spawnSync(PYTHON, [path.join(__dirname, 'openpyxl_write.py'), '--compare', oursFile, theirs, META_KEYS.generatedAt, META_KEYS.generator], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (cmp.status !== 0) throw new Error(`comparison failed: ${cmp.stderr.slice(0, 500)}`);
    const same = JSON.parse(cmp.stdout) as { checked: number; differences: string[] };
    console.log(
      same.differences.length
        ? `  ✗ the workbooks differ (${same.differences.length}):\n${same.differences.slice(0, 20).map((d) => `      ${d}`).join('\n')}`
        : `  ✓ same workbook read back (${same.checked} cells of ${units[0].name} compared: values, styles, heights, validations, rules, names, print setup)`,
    );
    if (same.differences.length) process.exitCode = 1;
    const sizeOf = (d: string) => fs.readdirSync(d).reduce((n, f) => n + fs.statSync(path.join(d, f)).size, 0) / fs.readdirSync(d).length;
    console.log(`  average file size: PlanSheet ${mine.avgKb.toFixed(1)} KB, openpyxl ${(sizeOf(pyOut) / 1024).toFixed(1)} KB`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Child-process side of step 2: write COUNT workbooks into the given directory, print JSON. */
async function childRun(out: string): Promise<void> {
  const plan = builtinPlan(DEFAULT_PLAN_ID)!;
  const period = lastYear(plan);
  const units = reportingUnits(plan);
  fs.mkdirSync(out, { recursive: true });
  const generatedAt = new Date();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) {
    const u = units[i % units.length];
    const data = await writeTemplate(plan, period, u.code, { generatedAt, generator: 'plansheet bench', zipCodec: NODE_ZIP_CODEC });
    await writeFileAtomic(path.join(out, `${String(i).padStart(4, '0')}_${templateFileName(periodKey(period), u)}`), data);
  }
  const seconds = ms(process.hrtime.bigint() - t0) / 1000;
  const files = fs.readdirSync(out);
  const avgKb = files.reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0) / files.length / 1024;
  fs.rmSync(out, { recursive: true, force: true });
  console.log(JSON.stringify({ count: COUNT, seconds, peakRssKb: process.resourceUsage().maxRSS, avgKb }));
}

if (require.main === module && process.env.PLANSHEET_BENCH_CHILD) {
  childRun(process.env.PLANSHEET_BENCH_CHILD).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}

function pyVersion(): string {
  const r = spawnSync(PYTHON, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
  return r.stdout.trim();
}
