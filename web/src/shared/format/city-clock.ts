/** The city's clock: the date and time it shows at an instant, in the Persian or the Gregorian calendar. */

/** The city's time zone: where its days begin and end. */
export const CITY_TIME_ZONE = 'Asia/Tehran';

export interface ClockParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/** Year, month, day, hour and minute on the city's clock at an instant, two digits but the year. */
// One formatter per calendar: lists read the clock in every row.
const clocks = new Map<'persian' | 'gregory', Intl.DateTimeFormat>();
function clockOf(calendar: 'persian' | 'gregory'): Intl.DateTimeFormat {
  let clock = clocks.get(calendar);
  if (!clock) {
    clock = new Intl.DateTimeFormat(`en-US-u-ca-${calendar}-nu-latn`, {
      timeZone: CITY_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(calendar, clock);
  }
  return clock;
}

export function cityClock(at: Date, calendar: 'persian' | 'gregory'): ClockParts {
  const parts = clockOf(calendar).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}
