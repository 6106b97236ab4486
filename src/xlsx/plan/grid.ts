/**
 * The cells of every worksheet of a plan workbook, as text, through the
 * project's bounded reader (zip guard, size limits, own XML scanner): a plan
 * workbook is a file from outside like any return. Synchronous, no fs, so the
 * CLI and the add-in can both use it.
 */

import { DEFAULT_LIMITS, type ReadLimits } from '../read/index';
import { openZip, PartReader, ReadReject } from '../read/zip';
import { parseRels, parseSharedStrings, parseWorkbook, relsPartOf } from '../read/workbook';
import { parseSheet, rawText, type Sheet } from '../read/sheet';
import { XmlError } from '../read/xml';
import { cellKey } from '../../core/a1';
import type { RawCell } from '../../core/return/types';

export interface GridSheet {
  name: string;
  maxRow: number;
  maxCol: number;
  /** Trimmed text of a cell as shown (numbers without float noise, formulas by their cached result). */
  text(row: number, col: number): string;
  raw(row: number, col: number): RawCell;
}

export class GridReadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'GridReadError';
  }
}

const utf8 = new TextDecoder('utf-8');

/** Every visible or hidden worksheet, in workbook order. @throws GridReadError */
export function readGrid(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): GridSheet[] {
  if (bytes.length > limits.maxFileBytes) throw new GridReadError(`larger than ${limits.maxFileBytes} bytes`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new GridReadError('not an .xlsx (zip) file');
  try {
    const parts = new PartReader(bytes, openZip(bytes, limits), limits);
    const text = (part: string): string | null => {
      const b = parts.read(part);
      return b ? utf8.decode(b).replace(/^\uFEFF/, '') : null;
    };
    const root = parseRels(text('_rels/.rels') ?? '', '_rels/.rels', '');
    const wbPart = root.find((r) => r.type === 'officeDocument' && !r.external)?.target ?? 'xl/workbook.xml';
    const wbXml = text(wbPart);
    if (wbXml === null) throw new GridReadError('no workbook part');
    const rels = new Map(parseRels(text(relsPartOf(wbPart)) ?? '', relsPartOf(wbPart), wbPart).map((r) => [r.id, r]));
    const ssRel = [...rels.values()].find((r) => r.type === 'sharedStrings' && !r.external);
    const ssXml = ssRel ? text(ssRel.target) : null;
    const strings = ssXml !== null && ssRel ? parseSharedStrings(ssXml, ssRel.target) : [];
    const out: GridSheet[] = [];
    for (const info of parseWorkbook(wbXml, wbPart).sheets) {
      const rel = rels.get(info.rid);
      if (!rel || rel.external || rel.type !== 'worksheet') continue;
      const xml = text(rel.target);
      if (xml !== null) out.push(gridSheet(info.name, parseSheet(xml, rel.target, strings)));
    }
    return out;
  } catch (e) {
    if (e instanceof GridReadError) throw e;
    if (e instanceof ReadReject) throw new GridReadError(`${e.code}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    if (e instanceof XmlError) throw new GridReadError(`damaged XML: ${e.message}`);
    throw new GridReadError((e as Error).message ?? String(e));
  }
}

function gridSheet(name: string, sheet: Sheet): GridSheet {
  const raw = (row: number, col: number): RawCell => sheet.cells.get(cellKey(row, col))?.raw ?? { type: 'empty' };
  return {
    name,
    maxRow: sheet.maxRow,
    maxCol: sheet.maxCol,
    raw,
    text: (row, col) => rawText(raw(row, col)).trim(),
  };
}
