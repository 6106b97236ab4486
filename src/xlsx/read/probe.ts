/**
 * The sheet names of a workbook, through the same zip guard as the reader.
 * Used to recognise a file before replacing it (is it our summary?); never
 * throws: null when the bytes are not a readable workbook.
 */

import { parseRels, parseWorkbook } from './workbook';
import { DEFAULT_LIMITS } from './types';
import type { Inflater } from './inflater';
import { openZip, PartReader } from './zip';

const utf8 = new TextDecoder('utf-8');

export function workbookSheetNames(bytes: Uint8Array, inflater?: Inflater): string[] | null {
  try {
    if (bytes.length > DEFAULT_LIMITS.maxFileBytes || bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
    const parts = new PartReader(bytes, openZip(bytes, DEFAULT_LIMITS), DEFAULT_LIMITS, inflater);
    const rootRels = parts.read('_rels/.rels');
    const office = rootRels ? parseRels(utf8.decode(rootRels), '_rels/.rels', '').find((r) => r.type === 'officeDocument' && !r.external) : undefined;
    const wbPart = office?.target ?? 'xl/workbook.xml';
    const xml = parts.read(wbPart);
    if (!xml) return null;
    return parseWorkbook(utf8.decode(xml), wbPart).sheets.map((s) => s.name);
  } catch {
    return null;
  }
}
