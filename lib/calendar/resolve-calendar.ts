/**
 * Turns the calendar file (weekday hours, Jalali holidays, an IANA time zone) into the
 * resolved form that workflows count working time on.
 */
import type { WorkingCalendar } from '../generated/calendar';
import { jalaliToGregorian } from './jalali';
import type { ResolvedCalendar } from './working-time';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** A problem found while resolving, with the path inside the calendar file. */
export interface CalendarIssue {
  path: (string | number)[];
  message: string;
  rule: string;
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The zone's offset from UTC at an instant, in minutes, or undefined for an unknown zone. */
export function utcOffsetMinutes(timeZone: string, at: Date): number | undefined {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? '');
  if (!match) return undefined;
  if (!match[1]) return 0;
  const value = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

/**
 * Working-time arithmetic uses one fixed offset. Zones that moved their clocks in the years
 * around now are refused rather than miscounted (Iran stopped daylight saving in 2022).
 */
function fixedOffset(timeZone: string, now: Date): number | string {
  const offsets = new Set<number>();
  for (let month = -12; month <= 60; month++) {
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + month, 15));
    const offset = utcOffsetMinutes(timeZone, at);
    if (offset === undefined) return `unknown time zone '${timeZone}'`;
    offsets.add(offset);
  }
  if (offsets.size > 1)
    return `time zone '${timeZone}' changes its offset (daylight saving), which is not supported`;
  return [...offsets][0] ?? 0;
}

export function resolveCalendar(
  calendar: WorkingCalendar,
  now = new Date(),
): { calendar?: ResolvedCalendar; issues: CalendarIssue[] } {
  const issues: CalendarIssue[] = [];
  const offset = fixedOffset(calendar.timeZone, now);
  if (typeof offset === 'string') issues.push({ path: ['timeZone'], message: offset, rule: 'time-zone' });

  const week = WEEKDAYS.map((day): [number, number] | null => {
    const hours = calendar.week[day];
    if (!hours) return null;
    const range: [number, number] = [minutes(hours.open), minutes(hours.close)];
    if (range[1] <= range[0]) {
      issues.push({
        path: ['week', day, 'close'],
        message: 'closing time must be after opening time',
        rule: 'hours',
      });
    }
    return range;
  });

  const holidays = new Set<string>();
  calendar.holidays.forEach((holiday, index) => {
    const gregorian = jalaliToGregorian(holiday.date);
    if (!gregorian) {
      issues.push({
        path: ['holidays', index, 'date'],
        message: `${holiday.date} is not a day of the Jalali calendar`,
        rule: 'jalali-date',
      });
    } else {
      holidays.add(gregorian);
    }
  });

  if (issues.length > 0 || typeof offset === 'string') return { issues };
  return {
    calendar: { timeZone: calendar.timeZone, offsetMinutes: offset, week, holidays: [...holidays].sort() },
    issues,
  };
}
