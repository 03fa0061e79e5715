/**
 * Persian (Jalali) dates, as people in the city read them, and back.
 */
import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** '1405-01-01' to the Gregorian date '2026-03-21', or undefined when no such Jalali day exists. */
export function jalaliToGregorian(jalali: string): string | undefined {
  const [jy, jm, jd] = jalali.split('-').map(Number);
  if (jy === undefined || jm === undefined || jd === undefined || !isValidJalaaliDate(jy, jm, jd))
    return undefined;
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return `${gy}-${pad(gm)}-${pad(gd)}`;
}

/** The Gregorian day '2026-03-21' as the Jalali day '1405-01-01'. */
export function gregorianToJalali(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const { jy, jm, jd } = toJalaali(y ?? 0, m ?? 1, d ?? 1);
  return `${jy}-${pad(jm)}-${pad(jd)}`;
}

/** A Gregorian day some years later, counted in Jalali years as licences are. */
export function jalaliYearsAfter(day: string, years: number): string {
  const [jy, jm, jd] = gregorianToJalali(day).split('-').map(Number) as [number, number, number];
  // Esfand has 29 days in most years: the last day of a term never falls off the calendar.
  const { gy, gm, gd } = toGregorian(jy + years, jm, Math.min(jd, jm === 12 ? 29 : 30));
  return `${gy}-${pad(gm)}-${pad(gd)}`;
}

const localParts = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = localParts.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    localParts.set(timeZone, formatter);
  }
  return formatter;
}

/** An instant as a local Jalali date and time, such as '1405/09/01 14:30'. */
export function formatJalali(instant: Date | number, timeZone: string): string {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const { jy, jm, jd } = toJalaali(Number(parts.year), Number(parts.month), Number(parts.day));
  return `${jy}/${pad(jm)}/${pad(jd)} ${pad(Number(parts.hour))}:${pad(Number(parts.minute))}`;
}
