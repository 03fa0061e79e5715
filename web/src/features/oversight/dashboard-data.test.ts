import type { DistrictCell, PeriodRow } from '../../shared/api/oversight-types';
import {
  districtTotals,
  rangeChoiceOf,
  rangeDaysOf,
  rangeOf,
  totalsByGroup,
  totalsByPeriod,
} from './dashboard-data';

const cell = (district: string, domain: string, breaches: number, done = 0, onTime = 0): DistrictCell => ({
  district,
  domain,
  breaches,
  tasksDone: done,
  tasksOnTime: onTime,
});

const week = (at: string, group: string, count: number): PeriodRow => ({
  period: { at, jalali: at },
  group,
  count,
});

describe('the dashboard numbers', () => {
  test('when districts have breaches in several domains, then the worst district comes first with its domains apart', () => {
    const rows = districtTotals([
      cell('d01', 'finance', 1, 10, 9),
      cell('d02', 'finance', 2),
      cell('d02', 'transport', 3, 4, 1),
    ]);
    expect(rows[0]).toEqual({
      district: 'd02',
      breaches: 5,
      tasksDone: 4,
      tasksOnTime: 1,
      byDomain: { finance: 2, transport: 3 },
    });
    expect(rows.map((r) => r.district)).toEqual(['d02', 'd01']);
  });

  test('when breaches come per week and office, then the totals add up per office and per week', () => {
    const rows = [week('w1', 'o-1', 2), week('w2', 'o-1', 1), week('w1', 'o-2', 5)];
    expect(totalsByGroup(rows)).toEqual([
      { group: 'o-2', count: 5 },
      { group: 'o-1', count: 3 },
    ]);
    expect([...totalsByPeriod(rows)]).toEqual([
      ['w1', 7],
      ['w2', 1],
    ]);
  });

  test('when the range in the address is not one offered, then four weeks are shown, ending at the minute', () => {
    expect(rangeDaysOf('13')).toBe(28);
    expect(rangeDaysOf('7')).toBe(7);
    const { from, to } = rangeOf({ days: 7 }, Date.parse('2025-03-01T10:00:30Z'));
    expect(to).toBe('2025-03-01T10:01:00.000Z');
    expect(from).toBe('2025-02-22T10:01:00.000Z');
  });

  test("when two Jalali days are in the address, then the range runs from the first day's midnight in Tehran to the end of the second", () => {
    const choice = rangeChoiceOf(new URLSearchParams('from=۱۴۰۵/۰۸/۰۱&to=1405/08/30&range=7'));
    expect(choice).toEqual({ from: '2026-10-23', to: '2026-11-21' });
    expect(rangeOf(choice, Date.now())).toEqual({
      from: '2026-10-22T20:30:00.000Z',
      to: '2026-11-21T20:30:00.000Z',
    });
  });

  test('when the days in the address are not days, or the first is after the second, then the range in days is shown', () => {
    expect(rangeChoiceOf(new URLSearchParams('from=1405/12/31&to=1406/01/10&range=91'))).toEqual({
      days: 91,
    });
    expect(rangeChoiceOf(new URLSearchParams('from=1405/09/10&to=1405/09/01'))).toEqual({ days: 28 });
  });
});
