/**
 * A request's history grows with its steps, not with their square: an update answers where the
 * request stands (state, SLA, deadlines, open tasks), the same size at its first step as at its
 * thirtieth. Shown on the saved histories of one scenario, a file sent back fourteen times
 * (`long-loop-returned`), recorded before and after updates stopped answering the whole status.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../../lib/paths';
import { recordingBuild } from '../support/history-build';

/** The build whose updates still answered the whole status, the history of every step in each. */
const WHOLE_STATUS_BUILD = 'e670e2d0';

type SavedEvent = Parameters<typeof recordingBuild>[0]['events'][number] & {
  workflowExecutionUpdateCompletedEventAttributes?: unknown;
};

const dir = repoPath('test/fixtures/histories');
const recordings = readdirSync(dir)
  .filter((name) => name.startsWith('long-loop-returned.') && name.endsWith('.json'))
  .map((file) => {
    const history = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { events: SavedEvent[] };
    return { file, build: recordingBuild(history), events: history.events };
  });

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** The size of each update's answer, in the order the request took them. */
const answerSizes = (events: SavedEvent[]) =>
  events.filter((event) => event.workflowExecutionUpdateCompletedEventAttributes).map(bytes);

/** Bytes the history grew by over the first and the last `n` actions, counted at each answer. */
function growth(events: SavedEvent[], n: number) {
  const at: number[] = [];
  let total = 0;
  for (const event of events) {
    total += bytes(event);
    if (event.workflowExecutionUpdateCompletedEventAttributes) at.push(total);
  }
  const first = (at[n] ?? 0) - (at[0] ?? 0);
  const last = (at[at.length - 2] ?? 0) - (at[at.length - 2 - n] ?? 0);
  return { first, last };
}

const current = recordings.filter((r) => r.build !== WHOLE_STATUS_BUILD);

test('the scenario is saved as recorded with whole statuses and as recorded since', () => {
  expect(recordings.map((r) => r.build)).toContain(WHOLE_STATUS_BUILD);
  expect(current.length).toBeGreaterThan(0);
});

test('when updates answered the whole status, then each answer was larger than the one before and the history grew ever faster', () => {
  const before = recordings.find((r) => r.build === WHOLE_STATUS_BUILD);
  const sizes = answerSizes(before?.events ?? []);
  expect(sizes.length).toBeGreaterThan(30);
  // The thirtieth action's answer carried the twenty-nine before it.
  expect((sizes.at(-2) ?? 0) / (sizes[0] ?? 1)).toBeGreaterThan(10);
  const { first, last } = growth(before?.events ?? [], 10);
  expect(last / first).toBeGreaterThan(2);
});

describe.each(current.map((r) => [r.file, r] as const))('%s', (_file, recording) => {
  test('when the file goes round the loop fourteen times, then every answer is about the size of the first', () => {
    const sizes = answerSizes(recording.events);
    expect(sizes.length).toBeGreaterThan(30);
    const first = sizes[0] ?? 0;
    for (const size of sizes) expect(size).toBeLessThan(first * 1.5);
  });

  test('when the file goes round the loop fourteen times, then the last ten actions add to the history what the first ten did', () => {
    const { first, last } = growth(recording.events, 10);
    expect(last / first).toBeGreaterThan(0.8);
    expect(last / first).toBeLessThan(1.2);
  });
});
