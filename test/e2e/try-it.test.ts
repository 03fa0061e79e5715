/**
 * What `npm start` prints once the demo is seeded, made on a test system: the summary of what it
 * made, counted against the seeding's own report, and the examples to paste, run in a shell as
 * printed, with the task the example completes checked closed (npm-start.test.ts runs the real
 * `npm start` and its console).
 */
import { readWorkSummary } from '../../cli/demo/summary';
import { httpCaller, seedDemo } from '../../cli/demo/seed';
import { exampleLines, tryItExamples } from '../../cli/try-it';
import { createLogger } from '../../lib/logger';
import { eventually, MANAGER, startHarness, type Harness } from '../support/harness';
import { pasteIntoShell } from '../support/paste';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

test('when the demo is seeded, then the summary counts what it made and every example printed after it answers 2xx as pasted', async () => {
  const plans = system.catalog.all();
  const report = await seedDemo({
    baseUrl: system.url,
    auth: system.auth,
    organisation: system.organisation,
    plans,
    count: 12,
    takenOverAt: Date.now(),
    logger: createLogger('silent'),
    // Other suites seed the same Temporal server; their requests are not this one's.
    keyPrefix: `demo-${system.taskQueue}`,
  });
  expect(report.started).toBe(12);

  const summary = await eventually(async () => {
    const read = await readWorkSummary(system.store.db, 12);
    return read.breached > 0 ? read : undefined;
  }, 20_000);
  expect(summary.requests).toBe(12);
  expect(summary.finished).toBe(report.finished);
  expect(summary.finished).toBeGreaterThan(0);
  expect(summary.escalated).toBeGreaterThan(0);

  const examples = await tryItExamples({
    apiUrl: system.url,
    call: httpCaller(system.url, system.auth),
    organisation: system.organisation,
    plans,
  });
  const completion = examples.find((e) => e.command.includes('/complete'));
  expect(examples.map((e) => e.command)).toEqual([
    expect.stringMatching(/^CLERK=\$\(npm run -s pishkhan -- token p-\d{4}-clerk\)$/),
    expect.stringContaining('/api/tasks -H'),
    expect.stringContaining('/complete'),
    expect.stringMatching(/^MANAGER=\$\(npm run -s pishkhan -- token /),
    expect.stringContaining('/api/sla/breaches'),
  ]);
  const taskId = /\/api\/tasks\/([^/]+)\/complete/.exec(completion?.command ?? '')?.[1] ?? '';

  // Pasted into one shell as printed, with the system's key.
  const { statuses } = await pasteIntoShell(exampleLines(examples), {
    PISHKHAN_JWT_SECRET: system.auth.secret,
  });
  expect(statuses).toEqual([200, 200, 200]);

  // The task the example completed has left its request's open tasks.
  const code = taskId.split('-')[0];
  const { body } = await system.as(MANAGER).get(`/api/requests/${code}`);
  expect(body.currentTasks.map((t: { taskId: string }) => t.taskId)).not.toContain(taskId);
}, 180_000);
