/**
 * History by whole months: a report's range splits into the whole UTC months inside it, read
 * from the totals a trigger keeps (task_month_totals), and the part-months at its two ends,
 * counted from the tasks. A year's report then reads a few thousand totals and two ends.
 */
import type { Queryable } from './database';

export interface Range {
  from: string;
  to: string;
}

export interface MonthSplit {
  /** From the range's start to the first whole month, counted from the tasks (may be empty). */
  head: Range;
  /** The whole months, read from the totals. */
  months: Range;
  /** From the last whole month's end to the range's end, counted from the tasks (may be empty). */
  tail: Range;
}

const monthStart = (at: Date): number => Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);

/** The range split at month starts, or undefined when it holds no whole month. */
export function splitByMonths(range: Range): MonthSplit | undefined {
  const from = new Date(range.from);
  const to = new Date(range.to);
  const startOfFrom = monthStart(from);
  const first =
    startOfFrom === from.getTime() ? startOfFrom : Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1);
  const last = monthStart(to);
  if (!(first < last)) return undefined;
  const at = (time: number) => new Date(time).toISOString();
  return {
    head: { from: range.from, to: at(first) },
    months: { from: at(first), to: at(last) },
    tail: { from: at(last), to: range.to },
  };
}

export const isEmpty = (range: Range): boolean => Date.parse(range.from) >= Date.parse(range.to);

/** Tasks breached, finished and finished on time, for one district and domain. */
export interface DistrictDomainCell {
  district: string;
  domain: string;
  breaches: number;
  tasksDone: number;
  tasksOnTime: number;
}

/** The totals of the whole months of a range, per district and domain. */
export async function monthTotals(db: Queryable, months: Range): Promise<DistrictDomainCell[]> {
  return db.query<DistrictDomainCell>(
    `SELECT district, domain, sum(breaches)::int AS breaches, sum(done)::int AS "tasksDone",
            sum(on_time)::int AS "tasksOnTime"
       FROM task_month_totals
      WHERE month >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND month < ($2::timestamptz AT TIME ZONE 'UTC')::date
      GROUP BY 1, 2`,
    [months.from, months.to],
  );
}
