/**
 * The demo's seed: requests spread over services and districts, at different points, some
 * finished; run again (a restart), it finds what it seeded and starts nothing twice.
 */
import { seedDemo } from '../../cli/demo/seed';
import { createLogger } from '../../lib/logger';
import { repoPath } from '../../lib/paths';
import { eventually, MANAGER, startHarness, type Harness } from '../support/harness';

const servicesDir = repoPath('definitions/services');
const organisationDir = repoPath('definitions/organisation');

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir, organisationDir });
});

afterAll(async () => {
  await system.stop();
});

test('when the demo is seeded twice, then the second run finds every request of the first and starts none', async () => {
  const takenOverAt = Date.now();
  const seed = () =>
    seedDemo({
      baseUrl: system.url,
      auth: system.auth,
      organisation: system.organisation,
      plans: system.catalog.all(),
      count: 20,
      takenOverAt,
      logger: createLogger('silent'),
      // Other suites seed the same Temporal server; their requests are not this one's.
      keyPrefix: `demo-${system.taskQueue}`,
    });
  const first = await seed();
  expect(first).toEqual(expect.objectContaining({ started: 20, existing: 0, refused: 0 }));
  expect(first.finished).toBeGreaterThanOrEqual(2);
  expect(new Set(first.trackingCodes).size).toBe(20);

  const open = await eventually(async () => {
    const { body } = await system.as(MANAGER).get('/api/tasks?pageSize=100');
    return body.total >= 20 - first.finished ? body : undefined;
  });
  const services = new Set(open.items.map((t: { serviceId: string }) => t.serviceId));
  const districts = new Set(open.items.map((t: { district: string }) => t.district));
  expect(services.size).toBeGreaterThan(10);
  expect(districts.size).toBeGreaterThan(10);

  // The backlog taken over from the earlier system comes in past its SLA, escalated.
  const breaches = await eventually(async () => {
    const { body } = await system.as(MANAGER).get('/api/sla/breaches');
    return body.total >= 3 ? body : undefined;
  }, 20_000);
  const escalated = breaches.items.filter((b: { escalatedTo: string[] }) => b.escalatedTo.length > 0);
  expect(escalated.length).toBeGreaterThanOrEqual(3);

  // Run again, as a restart does: every request of the first run is found by its key, none started.
  const second = await seed();
  expect(second).toEqual({
    started: 0,
    existing: 20,
    finished: 0,
    refused: 0,
    trackingCodes: first.trackingCodes,
  });
  await system.expectOnlyStarted(first.trackingCodes);
});
