/**
 * A licence expires by itself at the end of its last day, local time, with nobody acting: the
 * licence registry's timer, on the time-skipping test server, so days pass in seconds.
 */
import { defaultPayloadConverter } from '@temporalio/common';
import { eventually, testCodec } from '../support/harness';
import { startTimeSkipping, type SkippingSystem } from '../support/time-skipping';
import type { LicenceState } from '../../lib/organisation/licences';
import { licencesQuery, registryIdOf } from '../../workflows/licence-messages';

let system: SkippingSystem;

beforeAll(async () => {
  system = await startTimeSkipping();
});

afterAll(async () => {
  await system?.stop();
});

const DAY = 86_400_000;

describe('licence expiry, time skipped', () => {
  test('when an office licence reaches the end of its last day, or is past it at the start, then it expires and its work is given out again', async () => {
    const offset = system.org.calendar.offsetMinutes * 60_000;
    const now = await system.env.currentTimeMs();
    const localDay = (ms: number) => new Date(ms + offset).toISOString().slice(0, 10);
    const lastDay = localDay(now + 2 * DAY);
    const licenceFromFile = (id: string) => {
      const office = system.org.office(id);
      if (!office) throw new Error(`the shipped organisation has ${id}`);
      return system.org.licenceOf(office);
    };
    // o-0101's licence ends in two days; o-0102's runs on; o-0103's ran out yesterday.
    const licences: LicenceState[] = [
      { ...licenceFromFile('o-0101'), validUntil: lastDay },
      { ...licenceFromFile('o-0102'), validUntil: localDay(now + 400 * DAY) },
      { ...licenceFromFile('o-0103'), validUntil: localDay(now - DAY) },
    ];
    const registry = await system.env.client.workflow.start('licenceRegistry', {
      taskQueue: system.taskQueue,
      workflowId: registryIdOf(system.taskQueue),
      args: [{ licences, offsetMinutes: system.org.calendar.offsetMinutes }],
    });
    const licenceOf = async (id: string) =>
      (await registry.query(licencesQuery)).find((l) => l.officeId === id) as LicenceState;
    const rerouted = async () => {
      const history = await registry.fetchHistory();
      const inputs = (history.events ?? []).flatMap((e) => {
        const scheduled = e.activityTaskScheduledEventAttributes;
        if (scheduled?.activityType?.name !== 'rerouteOfficeWork') return [];
        return (scheduled.input?.payloads ?? []).slice(0, 1);
      });
      // The history holds the activity's input encrypted, as the worker sent it.
      const jobs = await testCodec().decode(inputs);
      return jobs.map((job) =>
        defaultPayloadConverter.fromPayload<{ officeId: string; reason: string }>(job),
      );
    };

    // A licence already past its last day when the registry starts expires at once.
    const lapsed = await eventually(async () => {
      const licence = await licenceOf('o-0103');
      return licence.status === 'expired' ? licence : undefined;
    });
    expect(lapsed.history.at(-1)).toEqual(expect.objectContaining({ action: 'expire', by: 'system' }));

    // The last day itself is still inside the licence.
    const endOfLastDay = Date.parse(`${lastDay}T00:00:00Z`) + DAY - offset;
    await system.env.sleep(endOfLastDay - now - 60_000);
    expect((await licenceOf('o-0101')).status).toBe('active');

    await system.env.sleep(120_000);
    const expired = await eventually(async () => {
      const licence = await licenceOf('o-0101');
      return licence.status === 'expired' ? licence : undefined;
    });
    expect(expired.history.at(-1)).toEqual(
      expect.objectContaining({
        action: 'expire',
        status: 'expired',
        by: 'system',
        reason: `licence valid until ${lastDay}`,
      }),
    );
    expect((await licenceOf('o-0102')).status).toBe('active');

    // For each, the registry asked for the office's open work to be given out again, saying why.
    const jobs = await eventually(async () => {
      const found = await rerouted();
      return found.length === 2 ? found : undefined;
    });
    expect(jobs.map((job) => job.officeId)).toEqual(['o-0103', 'o-0101']);
    expect(jobs[1]?.reason).toBe(`licence of o-0101 expired: licence valid until ${lastDay}`);
    await registry.terminate('test over');
  });
});
