/**
 * The plan model: what a development plan is, once loaded and validated.
 *
 * Plan files under `templates/` are written in a slightly looser *source* form
 * (see `schema.ts`): targets may be given as the seed's raw text and are
 * normalised on load, reporter groups such as "districts" are expanded, and the
 * shared unit registry is merged in. Everything downstream (generator, rules,
 * consolidation, add-in) works on the resolved types in this file only.
 */

import type { PeriodKey } from '../period';

/** How a target compares with the reported value. */
export type TargetOp = 'ge' | 'le' | 'eq' | 'range' | 'text' | 'none';

interface TargetBase {
  /** The seed's own text for this cell, kept verbatim ("150 以上", "1～2", "/"). */
  raw: string;
  /** Extra words found beside the number in the seed ("大市范围全覆盖"). */
  note?: string;
}

/** A normalised target for one period. */
export type Target =
  | (TargetBase & { op: 'ge' | 'le' | 'eq'; value: number })
  | (TargetBase & {
      op: 'range';
      min: number;
      max: number;
      /**
       * A true band: the value must stay inside both bounds. Without it a range
       * is a "力争 3～5 家" goal: met at or above `min`; above `max` is met with
       * a note, never a miss.
       */
      band?: boolean;
    })
  | (TargetBase & { op: 'text'; text: string })
  | (TargetBase & { op: 'none' });

/** Whether the seed calls the indicator binding (约束性) or expected (预期性). */
export type Attribute = 'binding' | 'expected';

/**
 * What the value cell holds; drives Excel data validation and the range rules.
 * `percent` is entered as 0–100 (the seed writes "90%"). `text` is for
 * qualitative goals ("建成城市大数据智能感知平台"): the unit reports progress
 * in words, and attainment is judged by people, not by the rules.
 */
export type ValueKind = 'count' | 'amount' | 'percent' | 'ratio' | 'number' | 'text';

/**
 * How unit returns roll up to the city figure.
 * - sum: the city figure is the sum of the units' values;
 * - rate: a rate or average that cannot be summed (city figure comes from the
 *   lead department's own return, when it reports one);
 * - limit: a limit every unit must meet (PUE ≤ 1.3): the city result is
 *   whether all units comply;
 * - citywide: reported once for the whole city by its lead department.
 */
export type Rollup = 'sum' | 'rate' | 'limit' | 'citywide';

export type UnitKind = 'city' | 'district' | 'department' | 'town' | 'other';

/** A reporting unit. Units form a tree (city → district → town) via `parent`. */
export interface ReportingUnit {
  /** 行政区划代码 where one exists (320582), otherwise a stable code (SZ-GXJ). */
  code: string;
  name: string;
  shortName?: string;
  nameEn?: string;
  kind: UnitKind;
  parent?: string;
}

export interface Category {
  id: string;
  name: string;
  nameEn?: string;
  /** Optional parent category, for two-level 类型 such as 数字政府 › 一网通办. */
  parent?: string;
}

/** Where in the seeds a fact was read from, for people checking the data. */
export interface SourceRef {
  doc: string;
  where: string;
}

export interface Indicator {
  /** Stable code, `[A-Z0-9]+(-[A-Z0-9]+)*`; defined names are derived from it. */
  code: string;
  name: string;
  nameEn?: string;
  unit: string;
  category: string;
  /** How a plain number target is read (the plan says "at least" by default). */
  direction: 'ge' | 'le' | 'eq';
  attribute?: Attribute;
  /** 累计: a running total that must not decrease between returns. */
  cumulative: boolean;
  kind: ValueKind;
  rollup: Rollup;
  /** Normalised targets keyed by period ("2023", later "2023H1", "2023Q2"). */
  targets: Record<PeriodKey, Target>;
  /** Lead department unit codes (牵头单位). */
  lead: string[];
  /** True when the seed does not name the lead and PlanSheet chose one. */
  leadAssumed: boolean;
  /** Unit codes that report this indicator (expanded from groups). */
  reporters: string[];
  reportersAssumed: boolean;
  source: SourceRef;
  note?: string;
  /**
   * Relative tolerance (0.05 = ±5 %) for approximate targets ("约 5%",
   * "2000 家左右"), stated in the plan file: a value within it counts as met.
   */
  tolerance?: number;
  /**
   * Plausibility limits of one unit's value (a count of 1e20 is not a count).
   * Defaults per value kind live in core (`rules/limits.ts`).
   */
  limits?: { min?: number; max?: number };
  /**
   * Display units per level: units of these kinds type the value in `unit`
   * (亿元 in a district while the city reports 万亿元); value × factor is the
   * value in the indicator's own unit. See allocation.ts.
   */
  entryUnits?: EntryUnit[];
  /** 指标解释: what the indicator counts and how, printed beside the entry sheet. */
  explanation?: string;
}

export interface EntryUnit {
  unit: string;
  /** value typed in `unit` × factor = value in the indicator's unit (亿元 → 万亿元: 0.0001). */
  factor: number;
  kinds: UnitKind[];
}

/** A unit's own target for one indicator and period (目标分解), in the same forms as the city's. */
export interface Allocation {
  unit: string;
  indicator: string;
  period: PeriodKey;
  target: Target;
}

export interface PlanMeta {
  id: string;
  title: string;
  titleEn?: string;
  /** 文号, e.g. 苏委发〔2021〕1号; absent where the seed gives none. */
  docNumber?: string;
  issuer: string;
  /** 表号 and 制表机关 of the reporting form (a statistical form carries both). */
  formNumber?: string;
  formAuthority?: string;
  /** ISO date (YYYY-MM or YYYY-MM-DD) as precise as the seed says. */
  date?: string;
  /** The plan years covered, ascending. */
  years: number[];
  /** The unit whose plan this is (320500 for the city, 320585 for Taicang). */
  owner: string;
  /** For a district plan implementing a city plan: the city plan's id. */
  parentPlan?: string;
  source: string;
}

export interface Plan extends PlanMeta {
  categories: Category[];
  indicators: Indicator[];
  /** Every unit the plan mentions, parents first. */
  units: ReportingUnit[];
  /** Each unit's own targets (目标分解), when the city has split its targets. */
  allocations?: Allocation[];
}
