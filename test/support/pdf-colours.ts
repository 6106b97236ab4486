/**
 * The fill colours a PDF paints, read from its content streams: LibreOffice
 * draws a cell's background with an "r g b rg" operator followed by a
 * rectangle. Lets a test check what a rendered workbook shows (a mark's red
 * is on the page, or not) without rasterising it.
 */

import * as fs from 'fs';
import { inflateSync } from 'zlib';

/** "#RRGGBB" → how many times it is set as a fill colour, over all pages. */
export function pdfFillColours(file: string): Map<string, number> {
  const pdf = fs.readFileSync(file);
  const out = new Map<string, number>();
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    let dataStart = start + 'stream'.length;
    if (pdf[dataStart] === 0x0d) dataStart++;
    if (pdf[dataStart] === 0x0a) dataStart++;
    const end = pdf.indexOf('endstream', dataStart, 'latin1');
    if (end < 0) break;
    at = end + 'endstream'.length;
    let text: string;
    try {
      text = inflateSync(pdf.subarray(dataStart, end)).toString('latin1');
    } catch {
      continue; // not a deflated content stream (fonts, images)
    }
    for (const m of text.matchAll(/(?:^|\s)([\d.]+) ([\d.]+) ([\d.]+) rg\b/g)) {
      const hex = '#' + [m[1], m[2], m[3]].map((x) => Math.round(Number(x) * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
      out.set(hex, (out.get(hex) ?? 0) + 1);
    }
  }
  return out;
}
