/** Options of the template writer (no fs, no Node-only types: the add-in reuses it). */

import type { PreviousValues } from '../../core/template/previous';
import type { ZipCodec } from './zip';

/** Precomputed sheet-protection password attributes (see src/node/protection.ts). */
export interface ProtectionHash {
  algorithmName: 'SHA-512';
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

export interface TemplateOptions {
  /** "plansheet 0.1.0"; written to the metadata sheet. */
  generator?: string;
  /** When the workbook was made; defaults to now. Fixed in tests for stable output. */
  generatedAt?: Date;
  /**
   * Protection password hash, computed once per run. Without it the sheets are
   * protected with no password: the lock prevents accidental edits to targets
   * and formulas; it is not a security boundary (the validator checks the
   * shown codes and targets against the plan anyway).
   */
  protection?: ProtectionHash;
  /** 报送截止日期 (YYYY-MM-DD): shown on both sheets and kept in the metadata. */
  deadline?: string;
  /** Last period's values: fill the read-only 上期值 column (generate --previous). */
  previous?: PreviousValues;
  /** Raw deflate for the zip step; defaults to fflate (Node passes native zlib, src/node/codec.ts). */
  zipCodec?: ZipCodec;
}
