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
