/**
 * The two clocks an SLA can run on: working time on the city calendar, or continuous time,
 * every hour of every day (burials, emergency repairs). Pure, for workflow code.
 */
import {
  addWorkingMs,
  addWorkingTime,
  deadlineAfterStandstill,
  workingMsBetween,
  type ResolvedCalendar,
  type WorkingDuration,
} from './working-time';

export type ClockKind = 'working' | 'continuous';

export interface Clock {
  /** The instant a duration after `startMs` ends. */
  add(startMs: number, duration: WorkingDuration): number;
  /** The instant some counted milliseconds after `startMs`. */
  addMs(startMs: number, ms: number): number;
  /** Counted milliseconds between two instants. */
  between(fromMs: number, toMs: number): number;
  /** A deadline after the clock stood still from `fromMs` to `toMs`. */
  afterStandstill(deadlineMs: number, fromMs: number, toMs: number): number;
}

const DAY_MS = 86_400_000;

const continuous: Clock = {
  add: (start, duration) => start + duration.days * DAY_MS + duration.ms,
  addMs: (start, ms) => start + ms,
  between: (from, to) => Math.max(0, to - from),
  afterStandstill: (deadline, from, to) => deadline + Math.max(0, to - from),
};

export function clockFor(kind: ClockKind, calendar: ResolvedCalendar): Clock {
  if (kind === 'continuous') return continuous;
  return {
    add: (start, duration) => addWorkingTime(calendar, start, duration),
    addMs: (start, ms) => addWorkingMs(calendar, start, ms),
    between: (from, to) => workingMsBetween(calendar, from, to),
    afterStandstill: (deadline, from, to) => deadlineAfterStandstill(calendar, deadline, from, to),
  };
}
