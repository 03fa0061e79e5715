/**
 * The oversight processes run on the same engine: a periodic inspection whose uncorrected
 * checklist items suspend the office's licence, a licence application that brings a new office
 * into the registry, and a renewal that measures the office's performance first.
 */
import type { Client } from '@temporalio/client';
import { runAction } from '../../activities/actions';
import { cityDate } from '../../lib/calendar/working-time';
import { eventually, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

async function start(body: Record<string, unknown>) {
  const response = await system.post('/api/requests', { applicant: { name: 'Oversight' }, ...body });
  expect(response.status).toBe(201);
  return response.body.trackingCode as string;
}

/**
 * Runs a request's automatic step's action again, as a worker would after a crash between the
 * action and its record: under the key of the step's first run.
 */
function runStepAgain(
  code: string,
  stepId: string,
  action: string,
  params: Record<string, unknown>,
  data: Record<string, unknown>,
  client: Client = system.client,
) {
  return runAction(
    { action, params, trackingCode: code, data, key: `${code}/${stepId}/0` },
    {
      org: system.organisation,
      today: () => cityDate(system.organisation.calendar, Date.now()),
      temporal: { client, taskQueue: system.taskQueue },
    },
  );
}

/** A client whose queries are answered only once `callers` have asked: they all read the same state. */
function readingTogether(callers: number): Client {
  let asked = 0;
  let all: () => void = () => {};
  const together = new Promise<void>((resolve) => (all = resolve));
  return {
    workflow: {
      getHandle(id: string) {
        const handle = system.client.workflow.getHandle(id);
        return {
          signal: handle.signal.bind(handle),
          async query(...args: Parameters<typeof handle.query>) {
            const answer = await handle.query(...args);
            if (++asked === callers) all();
            await together;
            return answer;
          },
        };
      },
    },
  } as unknown as Client;
}

async function task(code: string, step: string) {
  return eventually(async () =>
    (await system.get(`/api/requests/${code}`)).body.currentTasks.find(
      (t: { step: string }) => t.step === step,
    ),
  );
}

async function complete(code: string, step: string, outcome: string, data?: Record<string, unknown>) {
  const { taskId } = await task(code, step);
  const response = await system.post(`/api/tasks/${taskId}/complete`, { outcome, ...(data ? { data } : {}) });
  expect(response.status).toBe(200);
  // The action answers where the request stands; its full status is read where the answer points.
  expect(response.body.href).toBe(`/api/requests/${response.body.trackingCode}`);
  return (await system.get(response.body.href)).body;
}

describe('oversight processes', () => {
  test('when checklist items stay uncorrected, then the inspection suspends the office licence', async () => {
    const code = await start({
      serviceId: 'office-periodic-inspection',
      district: 'd04',
      channel: 'department',
      data: { officeId: 'o-0402' },
    });
    const checklist = {
      licenceDisplayed: true,
      feesPosted: false,
      receiptsFromTreasury: false,
      staffIdentified: true,
      queueInOrder: true,
      recordsKept: true,
    };
    let status = await complete(code, 'checklist', 'done', checklist);
    expect(status.data.failedItems).toBe(2);
    status = await complete(code, 'decision', 'correct');
    const corrective = status.currentTasks[0];
    expect(corrective.assignee.principal).toBe('office:o-0402');
    status = await complete(code, 'corrective-actions', 'not-corrected');
    expect(status.state).toBe('completed');
    expect(status.stepsDone.at(-1).step).toBe('suspended');

    const office = await system.get('/api/offices/o-0402');
    expect(office.body.licence.status).toBe('suspended');
    expect(office.body.history.at(-1)).toEqual(
      expect.objectContaining({
        action: 'suspend',
        by: `request:${code}`,
        reason: expect.stringContaining('checklist'),
      }),
    );
  });

  test('when an application passes every stage, then the new office is licensed and can take work', async () => {
    const code = await start({
      serviceId: 'office-licence-application',
      district: 'd16',
      data: {
        officeTitleFa: 'دفتر خدمات الکترونیک شهر نو',
        officeTitleEn: 'New city e-service office',
        officeDistrict: 'd16',
        officeDomains: ['citizen', 'finance'],
        officeCapacity: 30,
      },
    });
    await complete(code, 'intake', 'complete');
    await complete(code, 'eligibility', 'eligible');
    await complete(code, 'exam', 'passed', { examScore: 82 });
    await complete(code, 'site-inspection', 'passed');
    let status = await complete(code, 'decision', 'grant');
    status = await complete(code, 'payment', 'paid', { receipt: 'LIC-1' });
    expect(status.state).toBe('completed');
    const officeId = status.data.officeId as string;
    expect(officeId).toMatch(/^o-16\d\d$/);
    expect(status.data.licenceNumber).toBe(`DKS-${officeId.slice(2)}`);

    const office = await eventually(async () => {
      const { body } = await system.get(`/api/offices/${officeId}`);
      return body.licence?.status === 'active' ? body : undefined;
    });
    expect(office.scope).toEqual({ domains: ['citizen', 'finance'] });

    // The grant run again under its step's key finds the office it made: no second office.
    const offices = (await system.get('/api/offices')).body.items.length;
    const again = await runStepAgain(code, 'grant', 'grant-office-licence', { years: 2 }, status.data);
    expect(again.data).toEqual({
      officeId,
      licenceNumber: status.data.licenceNumber,
      licenceValidUntil: status.data.licenceValidUntil,
    });
    expect((await system.get('/api/offices')).body.items.length).toBe(offices);
    const complaint = await start({
      serviceId: 'citizen-complaint',
      district: 'd16',
      chosenOffice: officeId,
      data: { subject: 'noise', description: 'Night construction work next door' },
    });
    expect((await task(complaint, 'intake')).assignee.principal).toBe(`office:${officeId}`);
  });

  test('when two applications in one district are granted at once, then each holds an office of its own', async () => {
    const data = (n: number) => ({
      officeTitleFa: `دفتر همزمان ${n}`,
      officeTitleEn: `Office at once ${n}`,
      officeDistrict: 'd21',
      officeDomains: ['citizen'],
      officeCapacity: 10,
    });
    // Both read the registry before either is in it, so both first pick the same number.
    const client = readingTogether(2);
    const [first, second] = await Promise.all(
      ['100000000021', '100000000022'].map((code, i) =>
        runStepAgain(code, 'grant', 'grant-office-licence', { years: 2 }, data(i), client),
      ),
    );
    expect(first?.data.officeId).not.toBe(second?.data.officeId);
    for (const [code, result] of [
      ['100000000021', first],
      ['100000000022', second],
    ] as const) {
      const office = await system.get(`/api/offices/${String(result?.data.officeId)}`);
      expect(office.body.history.at(-1)).toEqual(expect.objectContaining({ by: `request:${code}` }));
    }
  });

  test('when an office renews, then its performance is measured and its licence extended', async () => {
    const code = await start({
      serviceId: 'office-licence-renewal',
      district: 'd07',
      data: { officeId: 'o-0701' },
    });
    let status = await complete(code, 'intake', 'done');
    expect(status.data.breachRate).toBe(0);
    expect(status.currentTasks[0].step).toBe('review');
    await complete(code, 'review', 'satisfactory');
    await complete(code, 'decision', 'renew');
    status = await complete(code, 'payment', 'paid', { receipt: 'REN-1' });
    expect(status.state).toBe('completed');
    expect(status.data.licenceValidUntil).toBe('1408-12-29');
    const office = await system.get('/api/offices/o-0701');
    expect(office.body.licence.validUntil).toEqual({ date: '2030-03-19', jalali: '1408/12/29' });
    expect(office.body.history.at(-1)).toEqual(
      expect.objectContaining({ action: 'renew', by: `request:${code}` }),
    );

    // The renewal run again under its step's key is answered with the first: renewed once.
    const again = await runStepAgain(
      code,
      'renew',
      'renew-office-licence',
      { office: 'officeId', years: 2 },
      status.data,
    );
    expect(again.data).toEqual({ licenceValidUntil: '1408-12-29' });
    const after = await system.get('/api/offices/o-0701');
    expect(after.body.licence.validUntil).toEqual({ date: '2030-03-19', jalali: '1408/12/29' });
    expect(after.body.history.length).toBe(office.body.history.length);
  });
});
