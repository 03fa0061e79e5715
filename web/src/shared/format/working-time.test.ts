import { formatNumber, persianDigits, workingTimeParts } from './index';

const DAY = 420;

describe('working time left', () => {
  test('when two and a half working days are left, then it reads as two working days', () => {
    expect(workingTimeParts(2.5 * DAY, DAY)).toEqual({ unit: 'days', count: 2, past: false });
  });

  test('when less than a working day is left, then it reads in working hours, or minutes under an hour', () => {
    expect(workingTimeParts(200, DAY)).toEqual({ unit: 'hours', count: 3, past: false });
    expect(workingTimeParts(20, DAY)).toEqual({ unit: 'minutes', count: 20, past: false });
  });

  test('when the deadline has passed, then it says by how much', () => {
    expect(workingTimeParts(-3 * DAY, DAY)).toEqual({ unit: 'days', count: 3, past: true });
  });

  test('when digits are shown in Persian, then each Latin digit becomes its Persian one', () => {
    expect(persianDigits('1405/09/09 14:00')).toBe('۱۴۰۵/۰۹/۰۹ ۱۴:۰۰');
  });

  test('when a count is shown, then it is grouped and written as the language writes numbers', () => {
    for (const value of [0, 7, 999, 1000, 12_345, 1_234_567, 250_000_000])
      for (const [language, locale] of [
        ['fa', 'fa-IR'],
        ['en', 'en-US'],
      ] as const)
        expect(formatNumber(value, language)).toBe(new Intl.NumberFormat(locale).format(value));
    expect(formatNumber(1_234_567, 'fa')).toBe('۱٬۲۳۴٬۵۶۷');
    expect(formatNumber(2.5, 'en')).toBe('2.5');
  });
});
