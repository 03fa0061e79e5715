/**
 * The build that recorded a saved history: the worker writes its build id (the SDK's version and
 * the hash of the workflow bundle) on every workflow task it completes. Saved histories are
 * named by it, so a name says which code made the history, and a scenario recorded again on
 * new code adds a file beside the old one instead of replacing it.
 */

interface SavedHistory {
  events: { workflowTaskCompletedEventAttributes?: { workerVersion?: { buildId?: string } } }[];
}

/** The first 8 hex digits of the bundle hash of the worker that completed the history's tasks. */
export function recordingBuild(history: SavedHistory): string {
  for (const event of history.events) {
    const buildId = event.workflowTaskCompletedEventAttributes?.workerVersion?.buildId;
    const hash = buildId?.split('+')[1];
    if (hash) return hash.slice(0, 8);
  }
  throw new Error('the history names no build: no workflow task was completed');
}

/** A saved history's file: its scenario (and run or workflow), then the build that recorded it. */
export const historyFileName = (stem: string, build: string) => `${stem}.${build}.json`;
