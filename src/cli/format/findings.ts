/**
 * The readable form of validate's result: one block per file with a table of
 * its findings (严重程度 规则 指标 单元格 说明), errors in red, warnings in
 * yellow on a terminal.
 */

import type { Finding, Severity } from '../../core/rules/finding';
import type { Lang } from '../lang';
import { plural, t } from '../lang';
import type { Paint } from './color';
import { oneLine, renderTable } from './table';

export interface FileReport {
  file: string;
  unit: string | null;
  /** "张家港市（320582）" when known. */
  unitLabel?: string;
  plan?: string | null;
  /** Period key ("2023H1"); the table shows `periodLabel` ("2023年上半年") when given. */
  period?: string | null;
  periodLabel?: string;
  readable: boolean;
  findings: Finding[];
}

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export function severityWord(s: Severity, lang: Lang): string {
  return SEVERITY[lang][s] ?? s;
}

function colourFor(s: Severity, paint: Paint): (x: string) => string {
  return s === 'error' ? paint.red : s === 'warning' ? paint.yellow : paint.dim;
}

export function count(findings: Finding[], s: Severity): number {
  return findings.filter((f) => f.severity === s).length;
}

export function renderFileReport(r: FileReport, lang: Lang, paint: Paint): string {
  const lines: string[] = [];
  const colon = t(lang, '：', ': ');
  lines.push(paint.bold(`${t(lang, '文件', 'File')}${colon}${oneLine(r.file)}`));
  const facts: string[] = [];
  if (r.unitLabel || r.unit) facts.push(`${t(lang, '单位', 'Unit')}${colon}${oneLine(r.unitLabel ?? r.unit ?? '')}`);
  if (r.plan) facts.push(`${t(lang, '计划', 'Plan')}${colon}${r.plan}`);
  if (r.period) facts.push(`${t(lang, '期别', 'Period')}${colon}${r.periodLabel ?? r.period}`);
  if (facts.length) lines.push(`  ${facts.join('   ')}`);
  const errors = count(r.findings, 'error');
  const warnings = count(r.findings, 'warning');
  const infos = count(r.findings, 'info');
  if (!r.readable) lines.push(`  ${paint.red(t(lang, '无法作为填报表读取', 'cannot be read as a return'))}`);
  else if (!r.findings.length) lines.push(`  ${paint.green(t(lang, '✓ 未发现问题', '✓ no problems found'))}`);
  else {
    const parts = [
      errors ? paint.red(t(lang, `${errors} 个错误`, plural(errors, 'error'))) : t(lang, '0 个错误', '0 errors'),
      warnings ? paint.yellow(t(lang, `${warnings} 个警告`, plural(warnings, 'warning'))) : t(lang, '0 个警告', '0 warnings'),
    ];
    if (infos) parts.push(t(lang, `${infos} 条提示`, plural(infos, 'note')));
    lines.push(`  ${parts.join(t(lang, '，', ', '))}`);
  }
  let out = lines.join('\n') + '\n';
  if (r.findings.length) {
    const headers = lang === 'en' ? ['Severity', 'Rule', 'Indicator', 'Cell', 'Message'] : ['严重程度', '规则', '指标', '单元格', '说明'];
    const rows = r.findings.map((f) => {
      const where = f.cell ? (f.sheet ? `${f.sheet}!${f.cell}` : f.cell) : f.sheet ?? '';
      return [colourFor(f.severity, paint)(severityWord(f.severity, lang)), f.rule, f.code ?? '', oneLine(where), oneLine(f.message)];
    });
    out += renderTable(headers, rows);
  }
  return out;
}
