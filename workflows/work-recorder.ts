/**
 * Keeps the work store in step with the request. After each change the workflow marks itself
 * changed; one loop sends the rows that changed since the last write to the store through a local
 * activity, runs within the same workflow task (one marker in the history, no extra task), and
 * writes the next batch only when the previous one is in. Each write carries a revision that
 * only grows, so the store takes a row only from a later write than the one it holds: a retried
 * or replayed write changes nothing, and a row never moves backwards. When the store cannot be
 * reached the request goes on and the loop tries again later; the next write carries everything
 * missed, so the store catches up.
 */
import { condition, isCancellation, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { RequestCase } from './request-case';
import { workRows, type WorkChanges, type WorkRows } from './work-rows';

const store = proxyLocalActivities<Activities>({
  scheduleToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '3 seconds' },
});

/** Waits between attempts while the store cannot be reached: 5 s, doubling, at most 10 minutes. */
const backoffMs = (failures: number) => Math.min(600_000, 5_000 * 2 ** Math.min(failures - 1, 7));

export class WorkRecorder {
  private dirty = false;
  private writing = false;
  /** JSON of each mutable row as last written, to send only what changed. */
  private readonly written = new Map<string, string>();
  /** How many rows of each append-only list are written. */
  private readonly counts = { events: 0, deadlineChanges: 0, notifications: 0 };
  private nationalIdSent = false;

  constructor(
    private readonly rc: RequestCase,
    /** Off only to weigh what the store costs a request (a benchmark). */
    readonly enabled = true,
  ) {}

  /** The request changed: its rows will be written. */
  changed(): void {
    if (this.enabled) this.dirty = true;
  }

  /** Nothing waits to be written and no write is under way. */
  idle(): boolean {
    return !this.dirty && !this.writing;
  }

  /** The write loop: runs for the life of the workflow. */
  async run(): Promise<void> {
    let failures = 0;
    for (;;) {
      await condition(() => this.dirty);
      this.dirty = false;
      const batch = this.changes();
      if (!batch) continue;
      this.writing = true;
      try {
        await store.recordWork(batch.changes);
        batch.commit();
        failures = 0;
      } catch (error) {
        if (isCancellation(error)) throw error;
        // The store is down or refused the batch: try again later with whatever is then pending.
        this.dirty = true;
        failures++;
        await sleep(backoffMs(failures));
      } finally {
        this.writing = false;
      }
    }
  }

  /** The rows that changed since the last write, and how to mark them written. */
  private changes(): { changes: WorkChanges; commit: () => void } | undefined {
    const { input, s } = this.rc;
    const rows = workRows(input, s, { chosenOffice: input.chosenOffice !== undefined });
    const keyed: [string, string][] = [];
    const fresh = <T>(key: string, row: T): boolean => {
      const json = JSON.stringify(row);
      if (this.written.get(key) === json) return false;
      keyed.push([key, json]);
      return true;
    };
    const tasks = rows.tasks.filter((row) => fresh(`task:${row.taskId}`, row));
    const changedTasks = new Set(tasks.map((row) => row.taskId));
    const slices = {
      events: rows.events.slice(this.counts.events),
      deadlineChanges: rows.deadlineChanges.slice(this.counts.deadlineChanges),
      notifications: rows.notifications.slice(this.counts.notifications),
    };
    const changes: WorkChanges = {
      trackingCode: input.trackingCode,
      revision: 0,
      ...(fresh('request', rows.request) ? { request: rows.request } : {}),
      ...nonEmpty('tasks', tasks),
      ...nonEmpty(
        'holders',
        rows.holders.filter((row) => changedTasks.has(row.taskId)),
      ),
      ...nonEmpty('events', slices.events),
      // An escalation is written again once, when the target it was recorded without is found.
      ...nonEmpty(
        'escalations',
        rows.escalations.filter((row) => fresh(`escalation:${row.seq}`, row)),
      ),
      ...nonEmpty('deadlineChanges', slices.deadlineChanges),
      ...nonEmpty('notifications', slices.notifications),
      ...nonEmpty(
        'suspensions',
        rows.suspensions.filter((row) => fresh(`suspension:${row.seq}`, row)),
      ),
      ...nonEmpty(
        'fees',
        rows.fees.filter((row) => fresh(`fee:${row.seq}`, row)),
      ),
    };
    if (Object.keys(changes).length === 2) return undefined;
    if (!this.nationalIdSent && input.applicant.nationalId) changes.nationalId = input.applicant.nationalId;
    // The revision is kept in the state, so it keeps growing across continue-as-new.
    changes.revision = s.storeRevision = (s.storeRevision ?? 0) + 1;
    return {
      changes,
      commit: () => {
        for (const [key, json] of keyed) this.written.set(key, json);
        for (const list of Object.keys(slices) as (keyof typeof slices)[])
          this.counts[list] += slices[list].length;
        if (changes.nationalId) this.nationalIdSent = true;
      },
    };
  }
}

function nonEmpty<K extends keyof WorkRows>(
  key: K,
  rows: WorkRows[K] & unknown[],
): Partial<Record<K, WorkRows[K]>> {
  return rows.length > 0 ? ({ [key]: rows } as Partial<Record<K, WorkRows[K]>>) : {};
}
