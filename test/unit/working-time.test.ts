/**
 * SLAs counted as the law counts them: working days on the Tehran calendar, working hours
 * only, holidays skipped, the day the clock starts not counted.
 */
import { join } from 'node:path';
import { clockFor } from '../../lib/calendar/clock';
import { formatJalali } from '../../lib/calendar/jalali';
import {
  addWorkingMs,
  addWorkingTime,
  deadlineAfterStandstill,
  parseWorkingDuration,
  workingMsBetween,
  type ResolvedCalendar,
} from '../../lib/calendar/working-time';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';

const tehran: ResolvedCalendar = loadOrganisation(repoPath('definitions/organisation')).calendar;
const HOUR = 3_600_000;
/** A Tehran wall-clock time as an instant (UTC+03:30). */
const local = (isoLocal: string) => Date.parse(`${isoLocal}+03:30`);
const show = (ms: number) => formatJalali(ms, 'Asia/Tehran');

describe('working time on the Tehran calendar', () => {
  test('when the calendar loads, then it is Asia/Tehran at +03:30 with Saturday to Wednesday open', () => {
    expect(tehran.offsetMinutes).toBe(210);
    expect(tehran.week.map((day) => day !== null)).toEqual([true, true, true, true, false, false, true]);
    expect(tehran.holidays).toContain('2026-03-21'); // Nowruz, 1405-01-01
  });

  test('when a task opens on Saturday morning with P1D, then it is due at close of Sunday', () => {
    const start = local('2026-11-21T09:00:00'); // Saturday 1405/08/30
    expect(show(addWorkingTime(tehran, start, { days: 1, ms: 0 }))).toBe('1405/09/01 14:00');
  });

  test('when days run over the weekend, then Thursday and Friday do not count', () => {
    const start = local('2026-11-24T10:00:00'); // Tuesday
    // Wednesday is day 1, Saturday day 2.
    expect(show(addWorkingTime(tehran, start, { days: 2, ms: 0 }))).toBe('1405/09/07 14:00');
  });

  test('when days run over official holidays, then the holidays do not count', () => {
    const start = local('2026-03-17T10:00:00'); // Tuesday 1404/12/26, before Nowruz
    // Wednesday 1404/12/27 counts; 1404/12/28 is Thursday; Nowruz holidays 1405/01/01-04;
    // Tuesday 1405/01/04 is still a holiday, so day 2 is Wednesday 1405/01/05.
    expect(show(addWorkingTime(tehran, start, { days: 2, ms: 0 }))).toBe('1405/01/05 14:00');
  });

  test('when hours are asked, then only working hours count, carrying into the next working day', () => {
    const start = local('2026-11-25T12:00:00'); // Wednesday 12:00, two hours before closing
    expect(show(addWorkingTime(tehran, start, { days: 0, ms: 4 * HOUR }))).toBe('1405/09/07 09:00');
  });

  test('when a clock starts outside working hours, then it starts at the next opening', () => {
    const friday = local('2026-11-27T20:00:00');
    expect(show(addWorkingMs(tehran, friday, HOUR))).toBe('1405/09/07 08:00');
    expect(workingMsBetween(tehran, friday, local('2026-11-28T08:00:00'))).toBe(HOUR);
  });

  test('when counting between two instants, then closed hours and days off are left out', () => {
    const from = local('2026-11-25T13:00:00'); // Wednesday
    const to = local('2026-11-28T08:00:00'); // Saturday
    expect(workingMsBetween(tehran, from, to)).toBe(2 * HOUR);
    expect(workingMsBetween(tehran, to, from)).toBe(0);
  });

  test('when durations are written in ISO 8601, then days and time parts are read', () => {
    expect(parseWorkingDuration('P5D')).toEqual({ days: 5, ms: 0 });
    expect(parseWorkingDuration('P2DT4H30M')).toEqual({ days: 2, ms: 4.5 * HOUR });
    expect(parseWorkingDuration('PT90S')).toEqual({ days: 0, ms: 90_000 });
    expect(parseWorkingDuration('P')).toBeUndefined();
    expect(parseWorkingDuration('PT')).toBeUndefined();
    expect(parseWorkingDuration('5 days')).toBeUndefined();
  });

  test('when a calendar has no working day at all, then counting fails instead of looping', () => {
    const closed: ResolvedCalendar = { ...tehran, week: [null, null, null, null, null, null, null] };
    expect(() => addWorkingTime(closed, Date.now(), { days: 1, ms: 0 })).toThrow(RangeError);
  });
});

describe('a deadline after the clock stood still', () => {
  // Due at close of business on Wednesday 1405/10/23; the clock stops on Monday 1405/10/21.
  const due = local('2027-01-13T14:00:00');
  const moved = (from: string, to: string, deadline = due) =>
    show(clockFor('working', tehran).afterStandstill(deadline, local(from), local(to)));

  test('when the clock stands still a few seconds, then a deadline in days stays on its day', () => {
    expect(moved('2027-01-11T10:00:00', '2027-01-11T10:00:08')).toBe('1405/10/23 14:00');
    expect(moved('2027-01-11T10:00:00', '2027-01-11T10:00:00.100')).toBe('1405/10/23 14:00');
  });

  test('when the pause ends at close of business of its own day, then the deadline stays that close', () => {
    expect(moved('2027-01-11T13:00:00', '2027-01-11T14:00:00')).toBe('1405/10/23 14:00');
  });

  test('when the pause loses no working time, then nothing moves', () => {
    expect(moved('2027-01-11T20:00:00', '2027-01-12T06:00:00')).toBe('1405/10/23 14:00');
    expect(deadlineAfterStandstill(tehran, due, local('2027-01-11T20:00'), local('2027-01-12T06:00'))).toBe(
      due,
    );
  });

  test('when the pause reaches into the next working day, then the deadline moves a working day', () => {
    // Thursday and Friday are days off: the next close of business is Saturday's.
    expect(moved('2027-01-11T13:00:00', '2027-01-12T08:00:00')).toBe('1405/10/26 14:00');
    expect(moved('2027-01-11T10:00:00', '2027-01-13T10:00:00')).toBe('1405/10/27 14:00');
  });

  test('when a deadline is not at a close of business, then it moves by the working time lost', () => {
    const inHours = local('2027-01-12T10:00:00');
    expect(moved('2027-01-11T09:00:00', '2027-01-11T11:00:00', inHours)).toBe('1405/10/22 12:00');
    expect(moved('2027-01-11T13:00:00', '2027-01-11T16:00:00', inHours)).toBe('1405/10/22 11:00');
  });

  test('when the clock is continuous, then every hour of the pause counts', () => {
    const continuous = clockFor('continuous', tehran);
    expect(continuous.afterStandstill(due, local('2027-01-11T20:00'), local('2027-01-12T06:00'))).toBe(
      due + 10 * HOUR,
    );
  });
});

test('fixture calendars resolve too', () => {
  const around = loadOrganisation(join(repoPath('test/fixtures'), 'organisation')).calendar;
  expect(addWorkingTime(around, Date.parse('2026-11-27T10:00:00Z'), { days: 0, ms: 5000 })).toBe(
    Date.parse('2026-11-27T10:00:05Z'),
  );
});
