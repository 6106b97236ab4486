/**
 * A finding: one problem (or note) about one return, with a stable rule id
 * that scripts can rely on and a message in the user's language.
 */

import type { CellRef } from '../return/types';

export type Severity = 'error' | 'warning' | 'info';

export type Lang = 'zh' | 'en';

export interface Finding {
  severity: Severity;
  /** Stable rule id, e.g. "value.missing", "value.not-number", "template.plan-mismatch". */
  rule: string;
  /** Indicator code, or null for findings about the whole return. */
  code: string | null;
  sheet: string | null;
  /** A1 address, or null when the finding has no cell. */
  cell: string | null;
  message: string;
  /** For findings that ask for an explanation: where to write it. */
  remarkAt?: CellRef;
  /** The number the rules settled on for this cell, when it differs from what was typed. */
  readAs?: number;
}
