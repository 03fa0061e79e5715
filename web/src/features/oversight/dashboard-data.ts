/**
 * The dashboard's numbers, shaped from the reports: the date range of a choice, the district ×
 * domain grid, totals per group over a range, and weekly series. Pure: tested on its own.
 */
import type { DistrictCell, PeriodRow } from '../../shared/api/oversight-types';
import { cityMidnight, dayAfter, gregorianOf } from '../../shared/format/jalali-day';

/** The ranges a manager picks from, in days back from now. */
export const RANGES = [7, 28, 91, 365] as const;
export type RangeDays = (typeof RANGES)[number];

const DAY_MS = 86_400_000;

export function rangeDaysOf(value: string | null): RangeDays {
  const days = Number(value);
  return (RANGES as readonly number[]).includes(days) ? (days as RangeDays) : 28;
}

/** The days a report covers: one of the ranges back from now, or two days of the calendar, both included. */
export type RangeChoice = { days: RangeDays } | { from: string; to: string };

/**
 * The choice the address holds: `from` and `to` as Jalali days (1405/08/01, Persian digits too),
 * the first not after the second; else `range`, a number of days; else four weeks.
 */
export function rangeChoiceOf(params: { get(name: string): string | null }): RangeChoice {
  const from = gregorianOf(params.get('from') ?? '');
  const to = gregorianOf(params.get('to') ?? '');
  if (from && to && from <= to) return { from, to };
  return { days: rangeDaysOf(params.get('range')) };
}

/**
 * The instants a choice covers: a range back from now, to the minute, so a page and its reload
 * ask the same; two days from the city's midnight of the first to the midnight after the second.
 */
export function rangeOf(choice: RangeChoice, now: number): { from: string; to: string } {
  if ('from' in choice) {
    const from = new Date(cityMidnight(choice.from)).toISOString();
    return { from, to: new Date(cityMidnight(dayAfter(choice.to))).toISOString() };
  }
  const to = Math.ceil(now / 60_000) * 60_000;
  return { from: new Date(to - choice.days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

export interface DistrictTotals {
  district: string;
  breaches: number;
  tasksDone: number;
  tasksOnTime: number;
  byDomain: Record<string, number>;
}

/** Per district: breaches in all and per domain, tasks done and on time; most breaches first. */
export function districtTotals(cells: DistrictCell[]): DistrictTotals[] {
  const byDistrict = new Map<string, DistrictTotals>();
  for (const cell of cells) {
    const row = byDistrict.get(cell.district) ?? {
      district: cell.district,
      breaches: 0,
      tasksDone: 0,
      tasksOnTime: 0,
      byDomain: {},
    };
    row.breaches += cell.breaches;
    row.tasksDone += cell.tasksDone;
    row.tasksOnTime += cell.tasksOnTime;
    row.byDomain[cell.domain] = (row.byDomain[cell.domain] ?? 0) + cell.breaches;
    byDistrict.set(cell.district, row);
  }
  return [...byDistrict.values()].sort(
    (a, b) => b.breaches - a.breaches || a.district.localeCompare(b.district),
  );
}

/** The domains that appear in the grid, in a stable order. */
export const domainsOf = (cells: DistrictCell[]): string[] => [...new Set(cells.map((c) => c.domain))].sort();

/** Counts per group over the whole range, most first. */
export function totalsByGroup(rows: PeriodRow[]): { group: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.group, (totals.get(row.group) ?? 0) + row.count);
  return [...totals.entries()]
    .map(([group, count]) => ({ group, count }))
    .sort((a, b) => b.count - a.count || a.group.localeCompare(b.group));
}

/** Counts per period, adding up the groups. */
export function totalsByPeriod(rows: PeriodRow[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.period.at, (totals.get(row.period.at) ?? 0) + row.count);
  return totals;
}

/** A share as a whole percent, or undefined when nothing was counted. */
export const percent = (part: number, whole: number): number | undefined =>
  whole > 0 ? Math.round((part / whole) * 100) : undefined;
