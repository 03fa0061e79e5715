import { cityMidnight, gregorianOf, jalaliOf } from './jalali-day';

describe('Jalali days', () => {
  test('when a Jalali day does not exist, then it is not turned into a Gregorian one', () => {
    expect(gregorianOf('1405/12/31')).toBeUndefined();
    expect(gregorianOf('not a day')).toBeUndefined();
    expect(jalaliOf('2026-11-30')).toBe('1405/09/09');
    expect(gregorianOf(jalaliOf('2027-03-20'))).toBe('2027-03-20');
    expect(gregorianOf('۱۴۰۵/۰۹/۰۹')).toBe('2026-11-30');
  });

  test("when a day begins in Tehran, then it is the city's midnight, under the offsets of its year", () => {
    expect(new Date(cityMidnight('2026-11-30')).toISOString()).toBe('2026-11-29T20:30:00.000Z');
    // Iran kept summer time until 2022: a day of June 2021 began at 23:30 UTC before it.
    expect(new Date(cityMidnight('2021-06-15')).toISOString()).toBe('2021-06-14T19:30:00.000Z');
  });
});
