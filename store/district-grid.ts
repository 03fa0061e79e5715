/**
 * The city at a glance for managers: per district and domain, the tasks that breached in a
 * range (counted against the district of the request) and the tasks finished, and how many of
 * those were on time. The domain is the service's, as the request recorded it.
 */
import type { Queryable } from './database';
import { isEmpty, monthTotals, splitByMonths, type DistrictDomainCell, type Range } from './month-totals';
import type { ReportFilter } from './reports';
import { Params } from './sql';

export type { DistrictDomainCell };

/**
 * One row per district and domain that had a breach or a finished task in the range. For the
 * whole city, the whole months of the range come from the monthly totals.
 */
export async function districtDomainGrid(
  db: Queryable,
  filter: Pick<ReportFilter, 'from' | 'to' | 'service'>,
): Promise<DistrictDomainCell[]> {
  const split = filter.service ? undefined : splitByMonths(filter);
  if (!split) return countedFromTasks(db, filter);
  const cells = new Map<string, DistrictDomainCell>();
  const add = (cell: DistrictDomainCell) => {
    const key = `${cell.district}\u0000${cell.domain}`;
    const sum = cells.get(key) ?? { ...cell, breaches: 0, tasksDone: 0, tasksOnTime: 0 };
    sum.breaches += cell.breaches;
    sum.tasksDone += cell.tasksDone;
    sum.tasksOnTime += cell.tasksOnTime;
    cells.set(key, sum);
  };
  for (const cell of await monthTotals(db, split.months)) add(cell);
  for (const end of [split.head, split.tail])
    if (!isEmpty(end)) for (const cell of await countedFromTasks(db, end)) add(cell);
  return [...cells.values()]
    .filter((cell) => cell.breaches > 0 || cell.tasksDone > 0)
    .sort((a, b) => (a.district === b.district ? cmp(a.domain, b.domain) : cmp(a.district, b.district)));
}

// Districts and domains are ids of lowercase letters, digits and hyphens.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function countedFromTasks(
  db: Queryable,
  filter: Range & Pick<ReportFilter, 'service'>,
): Promise<DistrictDomainCell[]> {
  const params = new Params();
  const from = params.add(filter.from);
  const to = params.add(filter.to);
  const service = filter.service ? ` AND t.service_id = ${params.add(filter.service)}` : '';
  const rows = await db.query<{
    district: string;
    domain: string;
    breaches: number;
    done: number;
    on_time: number;
  }>(
    `SELECT c.district, r.domain, sum(c.breached)::int AS breaches, sum(c.done)::int AS done,
            sum(c.on_time)::int AS on_time
       FROM (SELECT t.tracking_code, t.district, 1 AS breached, 0 AS done, 0 AS on_time
               FROM tasks t WHERE t.breached_at >= ${from} AND t.breached_at < ${to}${service}
             UNION ALL
             SELECT t.tracking_code, t.district, 0, 1,
                    (t.closed_at <= t.deadline AND t.breached_at IS NULL)::int
               FROM tasks t WHERE t.status = 'done' AND t.closed_at >= ${from} AND t.closed_at < ${to}${service}
            ) c
       JOIN requests r ON r.tracking_code = c.tracking_code
      GROUP BY 1, 2 ORDER BY 1, 2`,
    params.values,
  );
  return rows.map((row) => ({
    district: row.district,
    domain: row.domain,
    breaches: row.breaches,
    tasksDone: row.done,
    tasksOnTime: row.on_time,
  }));
}
