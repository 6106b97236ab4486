/**
 * The result of consolidating many returns for one plan and period. This is
 * also the documented `consolidate --json` shape (see docs/json.md), so keep
 * field names stable.
 */

import type { BelowFindings, CellRef, SourceCell } from '../return/types';
import type { TreeNode } from './tree';
import type { Finding } from '../rules/finding';
import type { OwnTargetSummary } from './own-targets';

/**
 * A file that could not be read as a workbook at all (corrupt zip, password,
 * not an .xlsx). Callers pass it to `consolidate` beside the parsed returns so
 * it is listed as rejected with the reason instead of silently dropped.
 */
export interface UnreadableFile {
  file: string;
  /** Why it could not be read, already in the user's language. */
  message: string;
  /** Stable id of the reason ("file.corrupt-zip"); default "return.unreadable". */
  rule?: string;
}

export type ReturnStatus = 'accepted' | 'rejected' | 'conflict';

export interface ReturnOutcome {
  file: string;
  /** Unit code, or null when the file could not be tied to a unit. */
  unit: string | null;
  status: ReturnStatus;
  /** Why rejected or in conflict (user's language); empty when accepted. */
  reason: string;
  contact?: string;
  phone?: string;
  date?: string;
  generatedAt?: string;
  errors: number;
  warnings: number;
  /** When the round has a deadline: handed in on time or late (see timeliness.ts). */
  timeliness?: Timeliness;
  /** Calendar days after the deadline (0 when on time). */
  daysLate?: number;
  /** The file's last save time (docProps/core.xml), ISO. */
  savedAt?: string;
  /** A consolidated return (a district's, made from its towns): the findings of the towns' returns. */
  belowFindings?: BelowFindings;
}

/** 按时 / 逾期 / 未报. */
export type Timeliness = 'on-time' | 'late' | 'missing';

/** One reporting unit in 报送情况: whether and when it reported, and whom to call. */
export interface Submission {
  unit: string;
  name: string;
  /** Absent when the unit reported but no deadline is known. */
  timeliness?: Timeliness;
  daysLate?: number;
  /** 按时 / 逾期 3 天 / 未报, in the user's language. */
  status?: string;
  file?: string;
  savedAt?: string;
  /** 填报日期 as typed. */
  date?: string;
  contact?: string;
  phone?: string;
  /** The period of the earlier return the contact was taken from (a unit that has not reported). */
  contactFrom?: string;
}

/** This period's city figure against the previous period's. */
export interface PeriodComparison {
  period: string;
  /** The previous city figure (null when it could not be made). */
  value: number | null;
  /** 增量 = this − previous. */
  change: number | null;
  /** 同比 or 环比 growth as a fraction; null where the periods do not match or the base is 0. */
  rate: number | null;
  /** yoy: 同比 (same period a year before); pop: 环比 (the period just before). */
  basis: 'yoy' | 'pop' | null;
}

/** Is the city on the straight path from the plan's first-year target to its final-year target? */
export interface Trajectory {
  firstYear: number;
  firstTarget: number;
  finalYear: number;
  finalTarget: number;
  /** Where the path stands in this period's year. */
  expected: number;
  /** null when there is no city figure. */
  onTrack: boolean | null;
}

/** Where a unit's value came from. */
export interface Provenance extends CellRef {
  file: string;
  unit: string;
  /** A consolidated return's cell: the lower units' cells it was made from (follow a figure down to the town cell). */
  via?: SourceCell[];
}

/**
 * `unverified` (待核实): the figure cannot be judged because a value was left
 * out for verification (a likely unit slip) and could change the verdict.
 */
export type Attainment = 'met' | 'missed' | 'no-data' | 'qualitative' | 'no-target' | 'unverified';

/** Why a unit's value was left out of the city figure. */
export type ExclusionReason = 'unit-slip' | 'error' | 'implausible';

/** A value left out of the city figure, and why. */
export interface Excluded {
  unit: string;
  /** The number as read, null when none could be read. */
  value: number | null;
  reason: ExclusionReason;
  /** For people, in the user's language. */
  message: string;
}

export interface CityFigure {
  /** The city value by the indicator's roll-up; null when it cannot be made. */
  value: number | null;
  /** Readable target (≥ 3000) or null. */
  target: string | null;
  attained: Attainment;
  /** How the figure was made, for people: "sum of 10 units", "lead department's return". */
  basis: string;
  /** For limits (PUE ≤ 1.3): the units that do not comply. */
  nonCompliant?: string[];
  /** Sum of the districts minus the lead department's own city-wide figure. */
  districtsVsLead?: { districtsSum: number; lead: number; difference: number };
  /** Every value the city figure was made from. */
  sources: Provenance[];
  /** Units whose usable values made the figure vs units expected ("已报 5/10"). */
  reported: { count: number; expected: number };
  /** Values left out of the figure and why (a likely unit slip is left out and named). */
  excluded?: Excluded[];
  /**
   * 完成率 = value ÷ target as a fraction (direction-aware); null where it
   * means nothing (no numeric target, "at most" limits, partial sums).
   */
  completion?: number | null;
  /** A remark on the verdict, e.g. "超过目标上限 5" for a range beaten from above. */
  note?: string;
}

export interface IndicatorSummary {
  code: string;
  name: string;
  unit: string;
  category: string;
  /** Unit code → the value it reported (null when blank or unreadable; always null for kind "text"). */
  units: Record<string, number | null>;
  /** Kind "text" only (qualitative goals): unit code → what it wrote (null when blank). */
  texts?: Record<string, string | null>;
  city: CityFigure;
  /**
   * Sum roll-ups only: the reporting units (not lead departments) with usable
   * values, best first (direction-aware).
   */
  ranking?: string[];
  /** Unit code → why its value was not usable (the error finding's text); shown like a blank. */
  unusable?: Record<string, string>;
  /** Unit code → the remark it wrote beside its value (强制上报说明 and other explanations). */
  remarks?: Record<string, string>;
  /** With earlier returns: 上期, 增量, 同比/环比. */
  previous?: PeriodComparison;
  /** Numeric first- and final-year targets: on the path between them? */
  trajectory?: Trajectory;
  /**
   * When reporters sit below the district level (towns): per intermediate unit
   * (a district), its figure made from the units below, in tree order (parents first).
   */
  tree?: TreeNode[];
}

/** A cell of the completeness grid: a usable value, none, or not asked of the unit. */
export type GridState = 'filled' | 'blank' | 'not-required';

export interface Consolidation {
  plan: string;
  period: string;
  returns: ReturnOutcome[];
  /** Unit codes that were expected to report and did not. */
  missing: string[];
  indicators: IndicatorSummary[];
  findings: (Finding & { file: string; unit: string | null })[];
  /** Unit code → indicator code → filled? (the completeness grid). */
  grid: Record<string, Record<string, GridState>>;
  /** Each unit's attainment of its own target (目标分解), when the plan allocates targets for the period. */
  ownTargets?: OwnTargetSummary[];
  /** The round's deadline (ISO date), from --deadline or the templates' metadata. */
  deadline?: string;
  /** Every reporting unit: on time, late or missing, with contacts; late and missing first. */
  submissions?: Submission[];
}
