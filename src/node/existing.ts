/**
 * What is already at a path we are about to write? `generate` and
 * `consolidate --out` replace a file only when they know it is theirs to
 * replace: a blank template (generate) or a PlanSheet summary (consolidate).
 * A filled return, a file that cannot be read (encrypted, oversize, damaged:
 * it may well be a return) or any other workbook is someone's work.
 */

import * as fs from 'fs';
import type { ParsedReturn } from '../core/return/types';
import { readReturnFile, nodeInflater } from '../xlsx/read/node';
import { workbookSheetNames } from '../xlsx/read/probe';
import { fsReason, type Lang } from './fs-errors';

export type Existing =
  | { kind: 'absent' }
  | { kind: 'directory' }
  /** Not a regular file (a device, a socket). */
  | { kind: 'special' }
  | { kind: 'empty-file' }
  | { kind: 'blank-template'; unit: string }
  | { kind: 'filled-return'; unit: string }
  | { kind: 'summary' }
  /** A readable workbook that is neither a return nor a summary. */
  | { kind: 'workbook' }
  /** Cannot be read as a workbook: encrypted, too large, damaged, not xlsx, no permission. */
  | { kind: 'unreadable'; reason: string };

/** Sheets every summary workbook has (src/xlsx/summary/labels.ts). */
const SUMMARY_MARKS = ['汇总', '报送情况', '问题清单'];

/** Anything a person typed: a value, a remark, or a reporter cell (contact, phone, date, 单位负责人, 审核人). */
export function isFilled(ret: ParsedReturn): boolean {
  for (const e of ret.entries.values()) {
    const v = e.value;
    if (v.type !== 'empty' && !(v.type === 'text' && v.value.trim() === '')) return true;
    if (e.remark) return true;
  }
  const r = ret.reporter;
  return !!(r.contact || r.phone || r.date || r.head || r.reviewer);
}

export async function describeExisting(path: string, lang: Lang = 'zh'): Promise<Existing> {
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(path);
  } catch (e) {
    // ENOTDIR: a part of the path is a file, so nothing can be there yet (writing will say why it fails).
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    return { kind: 'unreadable', reason: fsReason(e, lang) };
  }
  if (st.isDirectory()) return { kind: 'directory' };
  if (!st.isFile()) return { kind: 'special' };
  if (st.size === 0) return { kind: 'empty-file' };
  const r = await readReturnFile(path, { lang });
  if (r.ok) {
    if (r.ret.meta) return isFilled(r.ret) ? { kind: 'filled-return', unit: r.ret.meta.unitCode } : { kind: 'blank-template', unit: r.ret.meta.unitCode };
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.promises.readFile(path));
    } catch (e) {
      return { kind: 'unreadable', reason: fsReason(e, lang) };
    }
    const sheets = workbookSheetNames(bytes, nodeInflater) ?? [];
    return SUMMARY_MARKS.every((s) => sheets.includes(s)) ? { kind: 'summary' } : { kind: 'workbook' };
  }
  // The reader's sentence starts "文件 <path>：", which the caller's own sentence already says.
  const prefix = lang === 'en' ? `File ${path}: ` : `文件 ${path}：`;
  return { kind: 'unreadable', reason: r.message.startsWith(prefix) ? r.message.slice(prefix.length) : r.message };
}
