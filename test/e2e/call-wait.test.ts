/**
 * No call hangs on a request that is slow to answer: past the API's wait an action answers 202
 * with where to read the request, and the action still takes effect.
 */
import { eventually, fixture, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({
    servicesDir: fixture('services'),
    organisationDir: fixture('organisation'),
    callWaitMs: 1_000,
  });
});

afterAll(async () => {
  await system.stop();
});

test('when the step after a completion takes longer than the wait, then the completion answers 202 with the request to read, and it is applied', async () => {
  const started = await system.post('/api/requests', {
    serviceId: 'slow-action',
    district: 'd01',
    intakeOffice: 'o-1',
    applicant: { name: 'Maryam Rahimi' },
    data: { area: 100, parts: 0 },
  });
  expect(started.status).toBe(201);
  const code = started.body.trackingCode as string;
  const intake = started.body.currentTasks[0];

  const began = Date.now();
  const answer = await fetch(`${system.url}/api/tasks/${intake.taskId}/complete`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await system.token('office:o-1')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ outcome: 'done' }),
  });
  const waited = Date.now() - began;
  expect({ status: answer.status, location: answer.headers.get('location') }).toEqual({
    status: 202,
    location: `/api/requests/${code}`,
  });
  expect(await answer.json()).toEqual({
    trackingCode: code,
    state: 'working',
    href: `/api/requests/${code}`,
    waitedSeconds: 1,
  });
  // Answered at the wait, not when the slow step was done: its retry comes 10 s after it failed.
  expect(waited).toBeLessThan(8_000);

  // The completion took effect: the intake is done, and the failing step became an incident.
  const incident = await eventually(async () => {
    const { body } = await system.get(`/api/requests/${code}`);
    return body.currentTasks.find((t: { kind: string }) => t.kind === 'incident');
  }, 40_000);
  expect(incident.step).toBe('split');
  const { body } = await system.get(`/api/requests/${code}`);
  expect(body.stepsDone.find((s: { step: string }) => s.step === 'intake').outcome).toBe('done');
});
