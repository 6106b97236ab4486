/**
 * The one-screen overview `plansheet consolidate` prints: how many returns
 * were read and taken, who is missing, how many problems, how the indicators
 * stand. Long lists are cut so it fits a screen; the workbook has them all.
 */

import type { Consolidation } from '../../core/consolidate/types';
import type { Plan } from '../../core/plan/types';
import { parsePeriod, periodLabel } from '../../core/period';
import type { Lang } from '../lang';
import { plural, t } from '../lang';
import type { Paint } from './color';
import { oneLine, renderTable } from './table';

const MAX_LISTED = 8;

function unitName(plan: Plan, code: string | null, lang: Lang): string {
  if (!code) return t(lang, '（未识别）', '(unknown)');
  const u = plan.units.find((x) => x.code === code);
  if (!u) return code;
  return lang === 'en' ? u.nameEn ?? u.name : u.name;
}

/**
 * `skipped`: files in the input directories that are not workbooks; listed
 * so nothing is passed over silently, but they are not errors.
 */
export function renderOverview(plan: Plan, c: Consolidation, out: string, lang: Lang, paint: Paint, skipped: string[] = []): string {
  const p = parsePeriod(c.period);
  const lines: string[] = [];
  const by = (s: string) => c.returns.filter((r) => r.status === s).length;
  const accepted = by('accepted');
  const rejected = by('rejected');
  const conflict = by('conflict');
  lines.push(paint.bold(`${lang === 'en' ? plan.titleEn ?? plan.title : plan.title}  ${p ? periodLabel(p, lang) : c.period}`));
  lines.push(
    t(
      lang,
      `报表：读取 ${c.returns.length} 份，接收 ${accepted}，拒收 ${rejected}，冲突 ${conflict}`,
      `Returns: ${c.returns.length} read, ${accepted} accepted, ${rejected} rejected, ${conflict} in conflict`,
    ),
  );
  const missing = c.missing.map((m) => unitName(plan, m, lang));
  const missingText = missing.length
    ? missing.slice(0, 20).join(t(lang, '、', ', ')) + (missing.length > 20 ? ' …' : '')
    : t(lang, '无', 'none');
  lines.push(`${t(lang, `缺报单位（${missing.length}）：`, `Missing units (${missing.length}): `)}${missing.length ? paint.yellow(missingText) : missingText}`);
  // The headline counts only what went into the summary: a rejected file's
  // findings (often dozens, on another period's return) are not the summary's
  // problems, so they are counted apart.
  const acceptedFiles = new Set(c.returns.filter((r) => r.status === 'accepted').map((r) => r.file));
  const taken = c.findings.filter((f) => acceptedFiles.has(f.file));
  const errors = taken.filter((f) => f.severity === 'error').length;
  const warnings = taken.filter((f) => f.severity === 'warning').length;
  lines.push(
    t(lang, `已接收报表的问题（${accepted} 份）：`, `Problems in accepted returns (${accepted}): `) +
      [
        errors ? paint.red(t(lang, `错误 ${errors}`, plural(errors, 'error'))) : t(lang, '错误 0', '0 errors'),
        warnings ? paint.yellow(t(lang, `警告 ${warnings}`, plural(warnings, 'warning'))) : t(lang, '警告 0', '0 warnings'),
      ].join(t(lang, '，', ', ')),
  );
  const notTakenCount = c.returns.length - accepted;
  if (notTakenCount) {
    const otherErrors = c.findings.filter((f) => !acceptedFiles.has(f.file) && f.severity === 'error').length;
    lines.push(
      t(
        lang,
        `未汇总的报表（${notTakenCount} 份，拒收或冲突）另有错误 ${otherErrors}，不计入上行；原因见下表，明细见汇总表“问题清单”`,
        `Not counted above: ${plural(otherErrors, 'error')} in the ${plural(notTakenCount, 'return')} not consolidated (rejected or in conflict); reasons below, details in sheet 问题清单`,
      ),
    );
  }
  const att = (a: string) => c.indicators.filter((i) => i.city.attained === a).length;
  lines.push(
    t(
      lang,
      `指标（${c.indicators.length}）：达标 ${paint.green(String(att('met')))}，未达标 ${paint.red(String(att('missed')))}，待核实 ${att('unverified')}，无数据 ${att('no-data')}，定性 ${att('qualitative')}，无目标 ${att('no-target')}`,
      `Indicators (${c.indicators.length}): ${paint.green(String(att('met')))} met, ${paint.red(String(att('missed')))} missed, ${att('unverified')} to verify, ${att('no-data')} no data, ${att('qualitative')} qualitative, ${att('no-target')} no target`,
    ),
  );
  let text = lines.join('\n') + '\n';

  const notTaken = c.returns.filter((r) => r.status !== 'accepted');
  if (notTaken.length) {
    text += `\n${t(lang, '未汇总的文件：', 'Files not consolidated:')}\n`;
    const status = (s: string) =>
      s === 'rejected' ? paint.red(t(lang, '拒收', 'rejected')) : paint.yellow(t(lang, '冲突', 'conflict'));
    text += renderTable(
      lang === 'en' ? ['File', 'Unit', 'Status', 'Reason'] : ['文件', '单位', '状态', '原因'],
      notTaken.slice(0, MAX_LISTED).map((r) => [oneLine(r.file), unitName(plan, r.unit, lang), status(r.status), oneLine(r.reason)]),
    );
    if (notTaken.length > MAX_LISTED)
      text += t(lang, `  …… 另有 ${notTaken.length - MAX_LISTED} 份，见汇总表“报送情况”\n`, `  … ${notTaken.length - MAX_LISTED} more, see sheet 报送情况\n`);
  }
  if (skipped.length) {
    text += `\n${t(lang, `跳过的非 Excel 文件（${skipped.length}，不是报表，未读取）：`, `Skipped, not Excel workbooks (${skipped.length}; not read): `)}\n`;
    for (const f of skipped.slice(0, MAX_LISTED)) text += `  ${oneLine(f)}\n`;
    if (skipped.length > MAX_LISTED) text += t(lang, `  …… 另有 ${skipped.length - MAX_LISTED} 个\n`, `  … ${skipped.length - MAX_LISTED} more\n`);
  }
  text += `\n${t(lang, '汇总表：', 'Summary workbook: ')}${out}\n`;
  return text;
}
