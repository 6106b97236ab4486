/**
 * The 问题清单 sheet of a correction workbook: what to fix, cell by cell,
 * each row linking to its cell. Written as raw SpreadsheetML with inline
 * strings, so the return's shared strings are left alone.
 */

import type { Lang } from '../../core/rules/finding';
import { message } from '../../core/i18n';
import { colLetters, escapeXml } from './xml';

export const PROBLEM_SHEET = { zh: '问题清单', en: 'Problems' } as const;

export interface Problem {
  severity: 'error' | 'warning';
  code: string | null;
  name: string;
  sheet: string | null;
  cell: string | null;
  message: string;
}

const quoteSheet = (s: string) => `'${s.replace(/'/g, "''")}'`;

function cellXml(ref: string, text: string, style: number): string {
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Rough row height for wrapped text in a column `width` characters wide. */
function height(texts: { text: string; width: number }[]): number {
  const lines = Math.max(1, ...texts.map(({ text, width }) => Math.ceil([...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 2 : 1), 0) / width)));
  return Math.min(409, 16 * lines + 4);
}

export function problemSheetXml(unitLabel: string, entrySheet: string, problems: Problem[], lang: Lang, fmt: { title: number; header: number; body: number }): string {
  const m = (k: string, p: Record<string, string> = {}) => message(k, p, lang);
  const widths = [6, 14, 28, 14, 16, 70];
  const heads = ['feedback.head.no', 'feedback.head.code', 'feedback.head.name', 'feedback.head.cell', 'feedback.head.severity', 'feedback.head.problem'].map((k) => m(k));
  const last = colLetters(widths.length);
  const intro = m('feedback.intro', { unit: unitLabel, sheet: entrySheet });
  const rows: string[] = [
    `<row r="1" ht="24" customHeight="1">${cellXml('A1', m('feedback.title'), fmt.title)}</row>`,
    `<row r="2" ht="${height([{ text: intro, width: 140 }])}" customHeight="1">${cellXml('A2', intro, fmt.body)}</row>`,
    `<row r="3" ht="20" customHeight="1">${heads.map((h, i) => cellXml(`${colLetters(i + 1)}3`, h, fmt.header)).join('')}</row>`,
  ];
  const links: string[] = [];
  problems.forEach((p, i) => {
    const r = i + 4;
    const where = p.sheet && p.cell ? `${p.sheet}!${p.cell}` : m('feedback.whole');
    const values = [String(i + 1), p.code ?? '', p.name, where, m(`feedback.${p.severity}`), p.message];
    rows.push(`<row r="${r}" ht="${height(values.map((text, k) => ({ text, width: widths[k] })))}" customHeight="1">${values.map((v, k) => cellXml(`${colLetters(k + 1)}${r}`, v, fmt.body)).join('')}</row>`);
    if (p.sheet && p.cell) links.push(`<hyperlink ref="D${r}" location="${escapeXml(`${quoteSheet(p.sheet)}!${p.cell}`)}" display="${escapeXml(where)}"/>`);
  });
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${Math.max(3, problems.length + 3)}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    // Protected like the template's own sheets, without a password: the list is read, not edited.
    '<sheetProtection sheet="1" objects="1" scenarios="1"/>' +
    `<mergeCells count="2"><mergeCell ref="A1:${last}1"/><mergeCell ref="A2:${last}2"/></mergeCells>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}
