/** ExcelHost over Office.js: every call is one Excel.run batch. */

import type { ExcelHost } from '../host';
import { toBase64 } from './base64';
import type { Caps } from './caps';
import { readSheetGrids } from './copiedSheets';
import { applyHighlights, clearHighlights } from './highlight';
import { readOpenWorkbook } from './readOpen';
import { selectCell } from './select';
import { existingSheets, writeSummary } from './writeSummary';

export type Runner = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function excelHost(caps: Caps, run: Runner, source = ''): ExcelHost {
  return {
    caps,
    readOpen: () => run((ctx) => readOpenWorkbook(ctx, caps, source)),
    highlight: (state, findings) => run((ctx) => applyHighlights(ctx, state, findings)),
    clearMarks: () => run((ctx) => clearHighlights(ctx)),
    select: (sheet, cell) => run((ctx) => selectCell(ctx, sheet, cell)),
    existingSheets: (names) => run((ctx) => existingSheets(ctx, names)),
    writeSummary: (tables, replace) => run((ctx) => writeSummary(ctx, tables, replace, caps)),
    readSheetGrids: (skip) => run((ctx) => readSheetGrids(ctx, skip)),
    // Not a batch: Excel opens the file itself, in a new window (desktop) or tab (web).
    openWorkbook: (bytes) => Excel.createWorkbook(toBase64(bytes)),
  };
}
