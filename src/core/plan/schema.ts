/**
 * The source form of a plan file (templates/*.json) and of the shared unit
 * registry (templates/units.json). `load.ts` turns it into the resolved model.
 *
 * A target may be written as the seed's raw text ("150 以上") and is parsed on
 * load, or as an object when the text alone is ambiguous
 * ({ "raw": "选取5个系统", "op": "ge", "value": 5 }).
 * `reporters` lists unit codes or groups: "@districts" (the owner's districts),
 * "@lead" (the indicator's lead departments).
 */

import { z } from 'zod';

export const CODE_RE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

const code = z.string().regex(CODE_RE, 'must be upper-case letters/digits joined by "-" (e.g. SZ-DE-01)');

export const unitSchema = z
  .object({
    code,
    name: z.string().min(1),
    shortName: z.string().min(1).optional(),
    nameEn: z.string().optional(),
    kind: z.enum(['city', 'district', 'department', 'town', 'other']),
    parent: code.optional(),
  })
  .strict();

export const unitRegistrySchema = z.object({ units: z.array(unitSchema) }).strict();

const targetObject = z
  .object({
    raw: z.string(),
    op: z.enum(['ge', 'le', 'eq', 'range', 'text', 'none']),
    value: z.number().finite().optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    text: z.string().optional(),
    note: z.string().optional(),
    /** Range only: a true band (the value must stay inside); default a "力争 a～b" floor. */
    band: z.boolean().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const need = (k: 'value' | 'min' | 'max' | 'text') => {
      if (t[k] === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: `op "${t.op}" needs "${k}"` });
    };
    if (t.op === 'ge' || t.op === 'le' || t.op === 'eq') need('value');
    if (t.op === 'range') {
      need('min');
      need('max');
      if (t.min !== undefined && t.max !== undefined && t.min > t.max)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['min'], message: 'min is greater than max' });
    }
    if (t.op === 'text') need('text');
    if (t.band !== undefined && t.op !== 'range')
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['band'], message: '"band" applies to op "range" only' });
  });

export const targetSourceSchema = z.union([z.string(), targetObject]);

const unitKind = z.enum(['city', 'district', 'department', 'town', 'other']);

/** Display unit per level: { "unit": "亿元", "factor": 0.0001, "kinds": ["district"] }. */
export const entryUnitSchema = z
  .object({ unit: z.string().min(1), factor: z.number().finite().positive(), kinds: z.array(unitKind).min(1) })
  .strict();

/** A unit's own target (目标分解): { "unit": "320582", "indicator": "SZDE-M01", "period": "2023", "target": "450 以上" }. */
export const allocationSourceSchema = z
  .object({ unit: code, indicator: code, period: z.string().regex(/^\d{4}(?:H[12]|Q[1-4])?$/, 'period key like 2023, 2023H1, 2023Q2'), target: targetSourceSchema })
  .strict();

export const indicatorSourceSchema = z
  .object({
    code,
    name: z.string().min(1),
    nameEn: z.string().optional(),
    unit: z.string(),
    category: z.string().min(1),
    direction: z.enum(['ge', 'le', 'eq']).default('ge'),
    attribute: z.enum(['binding', 'expected']).optional(),
    cumulative: z.boolean().default(false),
    kind: z.enum(['count', 'amount', 'percent', 'ratio', 'number', 'text']),
    rollup: z.enum(['sum', 'rate', 'limit', 'citywide']),
    targets: z.record(z.string().regex(/^\d{4}(?:H[12]|Q[1-4])?$/, 'period key like 2023, 2023H1, 2023Q2'), targetSourceSchema),
    lead: z.array(code).min(1),
    leadAssumed: z.boolean().default(false),
    reporters: z.array(z.string()).min(1),
    reportersAssumed: z.boolean().default(false),
    source: z.object({ doc: z.string().min(1), where: z.string().min(1) }).strict(),
    note: z.string().optional(),
    /** Relative tolerance of an approximate target ("约 5%" → 0.05). */
    tolerance: z.number().finite().min(0).max(0.5).optional(),
    /** Plausibility limits of one unit's value (defaults per kind in rules/limits.ts). */
    limits: z
      .object({ min: z.number().finite().optional(), max: z.number().finite().optional() })
      .strict()
      .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, { message: 'min is greater than max', path: ['min'] })
      .optional(),
    entryUnits: z.array(entryUnitSchema).optional(),
    /** 指标解释 printed with the template. */
    explanation: z.string().min(1).optional(),
  })
  .strict();

export const planSourceSchema = z
  .object({
    $comment: z.string().optional(),
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by "-"'),
    title: z.string().min(1),
    titleEn: z.string().optional(),
    docNumber: z.string().optional(),
    issuer: z.string().min(1),
    /** 表号 and 制表机关 of the reporting form. */
    formNumber: z.string().min(1).optional(),
    formAuthority: z.string().min(1).optional(),
    date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/).optional(),
    years: z.array(z.number().int().min(1900).max(2999)).min(1),
    owner: code,
    parentPlan: z.string().optional(),
    source: z.string().min(1),
    units: z.array(unitSchema).default([]),
    categories: z
      .array(
        z
          .object({ id: z.string().min(1), name: z.string().min(1), nameEn: z.string().optional(), parent: z.string().optional() })
          .strict(),
      )
      .min(1),
    indicators: z.array(indicatorSourceSchema).min(1),
    allocations: z.array(allocationSourceSchema).optional(),
  })
  .strict();

export type UnitRegistry = z.infer<typeof unitRegistrySchema>;
export type PlanSource = z.input<typeof planSourceSchema>;
