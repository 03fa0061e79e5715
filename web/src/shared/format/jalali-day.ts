/**
 * Days of the Persian (Jalali) calendar as people type them, the Gregorian days the API keeps,
 * and the instant a day of the city begins.
 */
import * as jalaali from 'jalaali-js';
import { latinDigits } from '.';
import { cityClock } from './city-clock';

/** 1405/09/09 (Persian or Latin digits) as the Gregorian 2026-11-30 the API keeps; undefined when not a day. */
export function gregorianOf(jalali: string): string | undefined {
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(latinDigits(jalali.trim()));
  if (!match) return undefined;
  const [jy, jm, jd] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!jalaali.isValidJalaaliDate(jy, jm, jd)) return undefined;
  const { gy, gm, gd } = jalaali.toGregorian(jy, jm, jd);
  return `${gy}-${String(gm).padStart(2, '0')}-${String(gd).padStart(2, '0')}`;
}

/** The Gregorian 2026-11-30 as the Jalali 1405/09/09. */
export function jalaliOf(gregorian: string): string {
  const [gy, gm, gd] = gregorian.split('-').map(Number);
  if (!gy || !gm || !gd) return gregorian;
  const { jy, jm, jd } = jalaali.toJalaali(gy, gm, gd);
  return `${jy}/${String(jm).padStart(2, '0')}/${String(jd).padStart(2, '0')}`;
}

/** How far the city's clock is ahead of UTC at an instant, in ms (historical offsets included). */
function cityOffsetMs(at: number): number {
  const clock = cityClock(new Date(at), 'gregory');
  const local = Date.UTC(+clock.year, +clock.month - 1, +clock.day, +clock.hour, +clock.minute);
  return local - Math.floor(at / 60_000) * 60_000;
}

/** The instant the Gregorian day 2026-11-30 begins in the city (midnight there). */
export function cityMidnight(gregorian: string): number {
  const [gy = 0, gm = 1, gd = 1] = gregorian.split('-').map(Number);
  const utcMidnight = Date.UTC(gy, gm - 1, gd);
  return utcMidnight - cityOffsetMs(utcMidnight - cityOffsetMs(utcMidnight));
}

/** The Gregorian day after 2026-11-30: 2026-12-01. */
export function dayAfter(gregorian: string): string {
  const [gy = 0, gm = 1, gd = 1] = gregorian.split('-').map(Number);
  return new Date(Date.UTC(gy, gm - 1, gd + 1)).toISOString().slice(0, 10);
}
