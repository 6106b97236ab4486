/**
 * Small, exact edits of SpreadsheetML parts written by our own template
 * writer: set a cell that already exists, append rows, make a new sheet.
 * Strings are written inline (`t="inlineStr"`) so the shared-string table is
 * never touched; everything else in the part (styles, validation,
 * protection, conditional formats) stays byte for byte.
 */

import { columnLetter, escapeXml } from '../ooxml/xml-text';

export { columnLetter, escapeXml };

export type CellValue = number | string | null;

/** The `<c>` element of a value, keeping the style attribute given. */
export function cellXml(ref: string, value: CellValue, style?: string): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number for ${ref}: ${value}`);
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/**
 * Replaces the existing cell `ref` of a sheet part (keeping its style). The
 * template writer creates every value and remark cell, so a missing cell
 * means the part is not ours: that is an error, not something to patch.
 */
export function setCell(xml: string, ref: string, value: CellValue): string {
  const re = new RegExp(`<c r="${ref}"((?:\\s+[a-zA-Z:]+="[^"]*")*)\\s*(?:/>|>[\\s\\S]*?</c>)`);
  const m = re.exec(xml);
  if (!m) throw new Error(`cell ${ref} not found in the sheet`);
  const style = /\ss="(\d+)"/.exec(m[1])?.[1];
  return xml.slice(0, m.index) + cellXml(ref, value, style) + xml.slice(m.index + m[0].length);
}

/** A `<row>` of values from column A. */
export function rowXml(r: number, values: CellValue[], styles: (string | undefined)[] = []): string {
  const cells = values.map((v, i) => (v === null ? '' : cellXml(`${columnLetter(i + 1)}${r}`, v, styles[i]))).join('');
  return `<row r="${r}">${cells}</row>`;
}

/** Appends rows after the last row of a sheet part; returns the new part. */
export function appendRows(xml: string, rows: CellValue[][]): string {
  let last = 0;
  for (const m of xml.matchAll(/<row r="(\d+)"/g)) last = Math.max(last, Number(m[1]));
  const add = rows.map((values, i) => rowXml(last + 1 + i, values)).join('');
  const end = last + rows.length;
  xml = xml.replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)\d+"\/>/, (_m, a: string, col: string) => `<dimension ref="${a}:${col}${end}"/>`);
  if (xml.includes('<sheetData/>')) return xml.replace('<sheetData/>', `<sheetData>${add}</sheetData>`);
  const at = xml.lastIndexOf('</sheetData>');
  if (at < 0) throw new Error('no sheetData in the sheet');
  return xml.slice(0, at) + add + xml.slice(at);
}

/**
 * Stores `text` as the cached result of the existing formula cell `ref`
 * (keeping its formula and style). Viewers that do not recalculate on load
 * show this result; Excel recalculates anyway (fullCalcOnLoad).
 */
export function setCachedText(xml: string, ref: string, text: string): string {
  const re = new RegExp(`<c r="${ref}"((?:\\s+[a-zA-Z:]+="[^"]*")*)\\s*>(<f>[^<]*</f>|<f [^>]*>[^<]*</f>)(?:<v>[^<]*</v>)?</c>`);
  const m = re.exec(xml);
  if (!m) throw new Error(`formula cell ${ref} not found in the sheet`);
  const style = /\ss="(\d+)"/.exec(m[1])?.[1];
  const cell = `<c r="${ref}"${style ? ` s="${style}"` : ''} t="str">${m[2]}<v>${escapeXml(text)}</v></c>`;
  return xml.slice(0, m.index) + cell + xml.slice(m.index + m[0].length);
}

/** A row's stored height in points, or undefined when it has none. */
export function rowHeight(xml: string, r: number): number | undefined {
  const ht = new RegExp(`<row r="${r}"[^>]*?\\sht="([\\d.]+)"`).exec(xml)?.[1];
  return ht === undefined ? undefined : Number(ht);
}

/** Gives the existing row `r` a custom height in points. */
export function setRowHeight(xml: string, r: number, points: number): string {
  const re = new RegExp(`<row r="${r}"((?:\\s+[a-zA-Z0-9:]+="[^"]*")*)\\s*(/?)>`);
  const m = re.exec(xml);
  if (!m) throw new Error(`row ${r} not found in the sheet`);
  const attrs = m[1].replace(/\s(?:ht|customHeight)="[^"]*"/g, '');
  return xml.slice(0, m.index) + `<row r="${r}" ht="${points}" customHeight="1"${attrs}${m[2]}>` + xml.slice(m.index + m[0].length);
}

/** The width of column `col` (letters) from the part's `<cols>`, or undefined. */
export function columnWidth(xml: string, col: string): number | undefined {
  const n = [...col].reduce((k, ch) => k * 26 + ch.charCodeAt(0) - 64, 0);
  for (const m of xml.matchAll(/<col\s[^>]*?\/>/g)) {
    const min = Number(/\smin="(\d+)"/.exec(m[0])?.[1]);
    const max = Number(/\smax="(\d+)"/.exec(m[0])?.[1]);
    const width = /\swidth="([\d.]+)"/.exec(m[0])?.[1];
    if (n >= min && n <= max && width) return Number(width);
  }
  return undefined;
}

/** The style index of the existing cell `ref`, or undefined. */
export function cellStyle(xml: string, ref: string): string | undefined {
  return new RegExp(`<c r="${ref}"(?:\\s+[a-zA-Z:]+="[^"]*")*?\\s+s="(\\d+)"`).exec(xml)?.[1];
}
