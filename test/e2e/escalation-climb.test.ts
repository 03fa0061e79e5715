/**
 * A ladder that mixes supervisor, reassign and superior rungs climbs the real chain of the
 * city's organisation one level each, as the request records it: the district head, who then
 * takes the task over, the deputy mayor, the steering committee. A rung that climbs every so
 * often climbs to the ladder's highest level, or the top of the chain, and no further.
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a request of a climbing service online in district d05. */
async function startClimbing(serviceId: string): Promise<string> {
  const started = await system.as(null).post('/api/requests', {
    serviceId,
    district: 'd05',
    applicant: { name: 'Reza Karimi' },
    data: {},
  });
  expect(started.status).toBe(201);
  return started.body.trackingCode as string;
}

/** The escalations of a request once there are as many as expected: action and whom they went to. */
async function climbedTo(code: string, count: number): Promise<string[][]> {
  const climbed = await eventually(async () => {
    const { body } = await system.get(`/api/requests/${code}`);
    // A rung is recorded at its instant and its target follows: wait until each one has it.
    const settled = body.escalations.every((e: { to: { principal: string } }) => e.to.principal !== '');
    return body.escalations.length >= count && settled ? body : undefined;
  }, 30_000);
  return climbed.escalations.map((e: { action: string; to: { principal: string } }) => [
    e.action,
    e.to.principal,
  ]);
}

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

  test('when a rung climbs every second to a highest level of 2, then it stops at the deputy mayor, and a later superior alerts the deputy again', async () => {
    const code = await startClimbing('climbing-every');
    expect(await climbedTo(code, 3)).toEqual([
      ['supervisor', 'head:d05.urban-planning'],
      ['superior', 'head:urban-planning-deputy'],
      ['superior', 'head:urban-planning-deputy'],
    ]);
    const { body } = await system.get(`/api/requests/${code}`);
    expect(body.escalations[2].reason).toBe(
      'still open: the ladder goes no higher than level 2, which is alerted again',
    );
  });

  test('when a rung climbs every second with no highest level, then it climbs to the steering committee and no further', async () => {
    const code = await startClimbing('climbing-to-top');
    expect(await climbedTo(code, 3)).toEqual([
      ['supervisor', 'head:d05.urban-planning'],
      ['superior', 'head:urban-planning-deputy'],
      ['superior', 'head:steering-committee'],
    ]);
    await sleep(3000);
    expect((await system.get(`/api/requests/${code}`)).body.escalations).toHaveLength(3);
  });
});
