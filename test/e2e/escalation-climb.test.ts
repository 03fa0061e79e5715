/**
 * A ladder that mixes supervisor, reassign and superior rungs climbs the real chain of the
 * city's organisation one level each, as the request records it: the district head, who then
 * takes the task over, the deputy mayor, the steering committee.
 */
import { eventually, fixture, startHarness, type Harness } from '../support/harness';
import { repoPath } from '../../lib/paths';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({
    servicesDir: fixture('climbing'),
    organisationDir: repoPath('definitions/organisation'),
  });
});

afterAll(async () => {
  await system.stop();
});

describe('escalation up the chain of superiors', () => {
  test('when a department task stalls past every rung, then each superior rung alerts one level higher', async () => {
    const started = await system.as(null).post('/api/requests', {
      serviceId: 'climbing-ladder',
      district: 'd05',
      applicant: { name: 'Reza Karimi' },
      data: {},
    });
    expect(started.status).toBe(201);
    const code = started.body.trackingCode as string;

    const climbed = await eventually(async () => {
      const { body } = await system.get(`/api/requests/${code}`);
      // The last rung's target follows it.
      const settled = body.escalations.every((e: { pending?: boolean }) => !e.pending);
      return body.escalations.length === 4 && settled ? body : undefined;
    }, 30_000);
    expect(
      climbed.escalations.map((e: { action: string; to: { principal: string } }) => [
        e.action,
        e.to.principal,
      ]),
    ).toEqual([
      ['supervisor', 'head:d05.urban-planning'],
      ['reassign', 'head:d05.urban-planning'],
      ['superior', 'head:urban-planning-deputy'],
      ['superior', 'head:steering-committee'],
    ]);
  });
});
