/**
 * The neutral form of a filled return, produced by every reader (ExcelJS in
 * Node and the browser, Office.js in Excel) and consumed by the rules and the
 * consolidation. Nothing here knows which library read the workbook.
 */

/** A cell as a user finds it: sheet name and A1 address. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** What a value cell held, before any interpretation by the rules. */
export type RawCell =
  | { type: 'empty' }
  | { type: 'number'; value: number }
  | { type: 'text'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: string }
  | { type: 'error'; value: string }
  /** A formula; `cached` is its last computed result, if the file has one. */
  | { type: 'formula'; formula: string; cached?: RawCell };

export interface ReturnEntry {
  code: string;
  value: RawCell;
  /** The remark cell's text, trimmed; null when blank. */
  remark: string | null;
  valueAt: CellRef;
  remarkAt?: CellRef;
  /** What the code/target cells of the row say now, to detect tampering. */
  shownCode?: string;
  shownTarget?: string;
}

/**
 * A cell of a lower unit's return that a consolidated return's value was made
 * from (a town's cell behind a district return made with `--as-return`).
 */
export interface SourceCell extends CellRef {
  file: string;
  unit: string;
  value: number | null;
}

/** Findings of the lower units' returns, carried up by a consolidated return: a count and where to look. */
export interface BelowFindings {
  errors: number;
  warnings: number;
  /** The files with findings. */
  files: string[];
}

export interface ReturnMeta {
  formatVersion: string;
  planId: string;
  planHash: string;
  unitCode: string;
  unitName?: string;
  period: string;
  /** ISO timestamp written by the generator. */
  generatedAt?: string;
  /** Codes in entry-sheet order, as generated. */
  codes: string[];
  /** A consolidated return (`--as-return`): indicator code → the lower units' cells its value was made from. */
  sources?: Record<string, SourceCell[]>;
  /** A consolidated return: the findings of the lower units' returns. */
  belowFindings?: BelowFindings;
}

export interface ReporterInfo {
  unit?: string;
  contact?: string;
  phone?: string;
  date?: string;
}

/** A problem the reader saw in the workbook's structure. */
export interface StructuralIssue {
  rule: string;
  at?: CellRef;
  /** Message parameters; the rules turn them into words. */
  params?: Record<string, string | number>;
}

export interface ParsedReturn {
  /** Display name of where it came from: file path or sheet name. */
  source: string;
  /** null when the workbook carries no PlanSheet metadata. */
  meta: ReturnMeta | null;
  reporter: ReporterInfo;
  entries: Map<string, ReturnEntry>;
  structural: StructuralIssue[];
  /** Last modification time of the file, ISO, when known. */
  modifiedAt?: string;
}
