/**
 * Working-time arithmetic on the city calendar. Pure and deterministic: workflows call it to
 * turn an SLA such as "5 working days" into an instant, with no clock and no time-zone data
 * of the host (the calendar carries its own UTC offset).
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** No SLA reaches further than this; a calendar without working days fails instead of looping. */
const MAX_DAYS_SCANNED = 366 * 20;

/** A calendar resolved for arithmetic: see lib/calendar/resolve-calendar.ts. */
export interface ResolvedCalendar {
  timeZone: string;
  /** Local time minus UTC, in minutes (Asia/Tehran: 210). */
  offsetMinutes: number;
  /** Working hours per weekday, 0 = Sunday ... 6 = Saturday, as minutes from local midnight. */
  week: Array<[number, number] | null>;
  /** Official holidays as local Gregorian dates, YYYY-MM-DD. */
  holidays: string[];
}

/** A duration in working time: whole working days, then working milliseconds. */
export interface WorkingDuration {
  days: number;
  ms: number;
}

const DURATION = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses the ISO 8601 subset of definitions: P5D, PT4H, P2DT4H30M, PT90S. */
export function parseWorkingDuration(text: string): WorkingDuration | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, d, h, m, s] = match.map((part) => Number(part ?? 0));
  return { days: d ?? 0, ms: ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000 };
}

function localDay(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The working interval of a local day as local epoch milliseconds, or undefined on a day off. */
function workingInterval(cal: ResolvedCalendar, day: number): [number, number] | undefined {
  // 1970-01-01 was a Thursday (4).
  const hours = cal.week[(day + 4) % 7];
  if (!hours || cal.holidays.includes(isoDate(day))) return undefined;
  return [day * DAY_MS + hours[0] * MINUTE_MS, day * DAY_MS + hours[1] * MINUTE_MS];
}

/** The city's calendar date (YYYY-MM-DD) at an instant: what licences and issued numbers date by. */
export function cityDate(cal: Pick<ResolvedCalendar, 'offsetMinutes'>, instantMs: number): string {
  return isoDate(localDay(instantMs + cal.offsetMinutes * MINUTE_MS));
}

export function isWorkingDay(cal: ResolvedCalendar, instantMs: number): boolean {
  return workingInterval(cal, localDay(instantMs + cal.offsetMinutes * MINUTE_MS)) !== undefined;
}

/** Adds working milliseconds to a local instant, skipping closed hours, days off and holidays. */
function addLocalWorkingMs(cal: ResolvedCalendar, startLocal: number, ms: number): number {
  let t = startLocal;
  let remaining = ms;
  const firstDay = localDay(t);
  for (let day = firstDay; day - firstDay <= MAX_DAYS_SCANNED; day++) {
    const interval = workingInterval(cal, day);
    if (!interval) continue;
    const [open, close] = interval;
    if (t < open) t = open;
    if (t >= close) continue;
    if (remaining <= close - t) return t + remaining;
    remaining -= close - t;
    t = close;
  }
  throw new RangeError('the calendar has no working time within twenty years');
}

/**
 * The instant a working duration after `startMs` ends. Whole days count as the law counts
 * them: the day the clock starts does not count, and the deadline is the close of business
 * of the last working day. The time part then runs on in working hours.
 */
export function addWorkingTime(cal: ResolvedCalendar, startMs: number, duration: WorkingDuration): number {
  const offset = cal.offsetMinutes * MINUTE_MS;
  let local = startMs + offset;
  if (duration.days > 0) {
    let counted = 0;
    const firstDay = localDay(local);
    for (let day = firstDay + 1; ; day++) {
      if (day - firstDay > MAX_DAYS_SCANNED) throw new RangeError('the calendar has no working days');
      const interval = workingInterval(cal, day);
      if (interval && ++counted === duration.days) {
        local = interval[1];
        break;
      }
    }
  }
  if (duration.ms > 0) local = addLocalWorkingMs(cal, local, duration.ms);
  return local - offset;
}

/** The length of the longest working day: how durations in days and in hours compare. */
export function nominalDayMs(cal: ResolvedCalendar): number {
  const lengths = cal.week.flatMap((hours) => (hours ? [hours[1] - hours[0]] : []));
  return Math.max(...lengths, 1) * MINUTE_MS;
}

/** Working milliseconds between two instants (0 when `toMs` is not after `fromMs`). */
export function workingMsBetween(cal: ResolvedCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const offset = cal.offsetMinutes * MINUTE_MS;
  const from = fromMs + offset;
  const to = toMs + offset;
  let total = 0;
  for (let day = localDay(from); day <= localDay(to); day++) {
    const interval = workingInterval(cal, day);
    if (!interval) continue;
    const start = Math.max(interval[0], from);
    const end = Math.min(interval[1], to);
    if (end > start) total += end - start;
  }
  return total;
}

/**
 * The working day a local instant counts on: its own up to its close of business (an instant at
 * close is still that day), else the next working day.
 */
function countingDay(cal: ResolvedCalendar, local: number): number {
  const first = localDay(local);
  for (let day = first; day - first <= MAX_DAYS_SCANNED; day++) {
    const interval = workingInterval(cal, day);
    if (interval && (day > first || local <= interval[1])) return day;
  }
  throw new RangeError('the calendar has no working days');
}

/**
 * A deadline after the clock stood still from `fromMs` to `toMs`. One at a close of business
 * (where a term in days ends) moves by the working days the standstill reached into, as the law
 * counts days: a pause that ends on the day it began leaves it where it was, rather than
 * showing the same working instant as the next working morning. Any other deadline moves by
 * the working time lost.
 */
export function deadlineAfterStandstill(
  cal: ResolvedCalendar,
  deadlineMs: number,
  fromMs: number,
  toMs: number,
): number {
  const lost = workingMsBetween(cal, fromMs, toMs);
  if (lost === 0) return deadlineMs;
  const offset = cal.offsetMinutes * MINUTE_MS;
  const deadline = deadlineMs + offset;
  // A close at midnight is the start of the next local day: the day it closes is the one before.
  if (workingInterval(cal, localDay(deadline - 1))?.[1] !== deadline)
    return addLocalWorkingMs(cal, deadline, lost) - offset;
  let days = 0;
  const last = countingDay(cal, toMs + offset);
  for (let day = countingDay(cal, fromMs + offset) + 1; day <= last; day++) {
    if (workingInterval(cal, day)) days += 1;
  }
  return days === 0 ? deadlineMs : addWorkingTime(cal, deadlineMs, { days, ms: 0 });
}

/** The instant a given number of working milliseconds after `startMs`. */
export function addWorkingMs(cal: ResolvedCalendar, startMs: number, ms: number): number {
  const offset = cal.offsetMinutes * MINUTE_MS;
  return addLocalWorkingMs(cal, startMs + offset, ms) - offset;
}
