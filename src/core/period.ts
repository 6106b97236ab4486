/**
 * Reporting periods. A year is the only period the seeds set targets for, but
 * returns can be half-yearly or quarterly, so a period is a small tagged value
 * with a canonical string key: "2023", "2023H1", "2023Q3".
 */

export type PeriodKey = string;

export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 };

const PERIOD_RE = /^(\d{4})(?:(H)([12])|(Q)([1-4]))?$/i;

/** Parses "2023", "2023H1", "2023q4"; returns null for anything else. */
export function parsePeriod(text: string): Period | null {
  const m = PERIOD_RE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2999) return null;
  if (m[2]) return { kind: 'half', year, half: Number(m[3]) as 1 | 2 };
  if (m[4]) return { kind: 'quarter', year, quarter: Number(m[5]) as 1 | 2 | 3 | 4 };
  return { kind: 'year', year };
}

export function periodKey(p: Period): PeriodKey {
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}H${p.half}`;
    case 'quarter':
      return `${p.year}Q${p.quarter}`;
  }
}

/** 2023年 / 2023年上半年 / 2023年第3季度 */
export function periodLabel(p: Period, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') {
    switch (p.kind) {
      case 'year':
        return String(p.year);
      case 'half':
        return `${p.year} H${p.half}`;
      case 'quarter':
        return `${p.year} Q${p.quarter}`;
    }
  }
  switch (p.kind) {
    case 'year':
      return `${p.year}年`;
    case 'half':
      return `${p.year}年${p.half === 1 ? '上半年' : '下半年'}`;
    case 'quarter':
      return `${p.year}年第${p.quarter}季度`;
  }
}

/**
 * The key under which a period's target is found. Plans set annual targets,
 * so a half or a quarter is measured against its year's target (the status
 * then shows progress towards the year's goal).
 */
export function targetKey(p: Period): PeriodKey {
  return String(p.year);
}

/** Orders periods by their end: 2023Q1 < 2023H1 = 2023Q2 < 2023. */
export function periodEndMonth(p: Period): number {
  switch (p.kind) {
    case 'year':
      return p.year * 12 + 12;
    case 'half':
      return p.year * 12 + p.half * 6;
    case 'quarter':
      return p.year * 12 + p.quarter * 3;
  }
}
