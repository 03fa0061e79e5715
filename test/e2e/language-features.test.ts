/**
 * What the language gained after the first interpreter, run through the API on a real Temporal
 * server: a step only the citizen may answer, an outcome kept to roles, the status a citizen reads,
 * why the clock stands still; an online request's office steps at one office.
 */
import { eventually, fixture, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({
    servicesDir: fixture('language'),
    organisationDir: fixture('organisation'),
  });
});

afterAll(async () => {
  await system.stop();
});

/** Starts a request at office o-1 and waits for its first task. */
async function start(serviceId: string) {
  const { body } = await system.post('/api/requests', {
    serviceId,
    district: 'd01',
    intakeOffice: 'o-1',
    applicant: { name: 'Zahra Karimi' },
    data: {},
  });
  const code = body.trackingCode as string;
  const status = await eventually(async () => {
    const { body: now } = await system.get(`/api/requests/${code}`);
    return now.currentTasks.length > 0 ? now : undefined;
  });
  return { code, status };
}

describe('a step only the citizen may answer (applicant: only)', () => {
  test('when the office that took the request in answers the consent for the owner, then 403 in Persian and English, and the owner may', async () => {
    const { code, status } = await start('owner-consent');
    const asked = await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, {
      outcome: 'done',
    });
    expect(asked.body.currentTasks[0].step).toBe('consent');

    const office = system.as('office:o-1');
    const english = await office.post(`/api/requests/${code}/documents`, { outcome: 'agreed' });
    expect(english.status).toBe(403);
    expect(english.body.type).toBe('/problems/forbidden');
    expect(english.body.detail).toBe(
      "Only the applicant themselves may answer step 'consent'; no office may answer it for them.",
    );
    const persian = await office.post(
      `/api/requests/${code}/documents`,
      { outcome: 'agreed' },
      { 'accept-language': 'fa' },
    );
    expect(persian.status).toBe(403);
    expect(persian.body.detail).toBe(
      'به مرحله «consent» فقط خود متقاضی پاسخ می‌دهد؛ هیچ دفتری نمی‌تواند به جای او پاسخ دهد.',
    );

    const owner = await system.post(`/api/requests/${code}/documents`, { outcome: 'agreed' });
    expect(owner.status).toBe(200);
    const full = (await system.get(`/api/requests/${code}`)).body;
    const consent = full.stepsDone.find((s: { step: string }) => s.step === 'consent');
    expect(consent.actor).toBe(`applicant:${code}`);
    expect(full.currentTasks[0].step).toBe('decide');
  });
});

describe('an outcome kept to roles', () => {
  test('when staff without the role take an outcome kept to the head, then 403 in Persian and English, and the head may', async () => {
    const { code, status } = await start('owner-consent');
    await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, { outcome: 'done' });
    const decided = await system.post(`/api/requests/${code}/documents`, { outcome: 'agreed' });
    expect(decided.status).toBe(200);
    const decide = (await system.get(`/api/requests/${code}`)).body.currentTasks[0];
    expect(decide.step).toBe('decide');
    expect(decide.outcomes).toEqual([
      expect.objectContaining({ id: 'approve' }),
      expect.objectContaining({ id: 'waive', roles: ['head'] }),
    ]);

    const staff = system.as('department:d01.urban-planning');
    const refused = await staff.post(`/api/tasks/${decide.taskId}/complete`, { outcome: 'waive' });
    expect(refused.status).toBe(403);
    expect(refused.body.type).toBe('/problems/forbidden');
    expect(refused.body.detail).toBe(
      "Only a holder of one of the roles head may take the outcome 'waive' of step 'decide'.",
    );
    const persian = await staff.post(
      `/api/tasks/${decide.taskId}/complete`,
      { outcome: 'waive' },
      { 'accept-language': 'fa' },
    );
    expect(persian.body.detail).toBe(
      'نتیجه «waive» مرحله «decide» را فقط دارنده یکی از نقش‌های head می‌تواند برگزیند.',
    );
    // A reviewer holds a role, but not this one.
    const reviewer = system.as('department:d01.urban-planning/plan-reviewer');
    expect((await reviewer.post(`/api/tasks/${decide.taskId}/complete`, { outcome: 'waive' })).status).toBe(
      403,
    );

    const head = await system
      .as('head:d01.urban-planning')
      .post(`/api/tasks/${decide.taskId}/complete`, { outcome: 'waive' });
    expect(head.status).toBe(200);
    expect(head.body.state).toBe('completed');
  });
});

describe('the status a citizen reads at a step', () => {
  test('when the request is at a step with a status, then the applicant reads it, and a step without one shows its title', async () => {
    const { code, status } = await start('owner-consent');
    const applicant = system.as(`applicant:${code}`);
    let view = (await applicant.get(`/api/requests/${code}`)).body;
    expect(view.now[0]).toEqual(
      expect.objectContaining({ step: 'intake', title: status.currentTasks[0].title }),
    );
    expect(view.now[0].status).toBeUndefined();

    await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, { outcome: 'done' });
    await system.post(`/api/requests/${code}/documents`, { outcome: 'agreed' });
    view = (await applicant.get(`/api/requests/${code}`)).body;
    expect(view.now[0]).toEqual(
      expect.objectContaining({
        step: 'decide',
        title: { fa: 'تصمیم', en: 'Decision' },
        status: { fa: 'پرونده در دست تصمیم است', en: 'Your file awaits the decision' },
      }),
    );
    const staff = (await system.get(`/api/requests/${code}`)).body;
    expect(staff.currentTasks[0].applicationStatus).toEqual(view.now[0].status);
  });

  test('when the request is in a parallel group, then a task without a status of its own shows the one of its group', async () => {
    const { code } = await start('parallel-status');
    const view = (await system.as(`applicant:${code}`).get(`/api/requests/${code}`)).body;
    const byStep = Object.fromEntries(
      view.now.map((now: { step: string; status?: { en: string } }) => [now.step, now.status?.en]),
    );
    expect(byStep).toEqual({
      'plan-review': 'Your file is being reviewed',
      'document-check': 'The office checks your documents',
    });
  });
});

describe('a clock that stands still for an expected time', () => {
  test('when a step stops the clock, then the applicant reads why and until when, and staff cannot start it by hand', async () => {
    const { code } = await start('court-hearing');
    const view = (await system.as(`applicant:${code}`).get(`/api/requests/${code}`)).body;
    expect(view.clockStopped).toEqual({
      reason: { fa: 'در انتظار جلسه دادگاه', en: "Waiting for the court's hearing" },
      since: expect.objectContaining({ at: expect.any(String), jalali: expect.any(String) }),
      until: expect.objectContaining({ at: expect.any(String), jalali: expect.any(String) }),
    });
    const resumed = await system.post(`/api/requests/${code}/clock/resume`, {});
    expect(resumed.status).toBe(422);
    expect(resumed.body.detail).toMatch(
      /^the clock stands still while task \d+-1 is open, until .+ at most$/,
    );
  });
});

describe('an online request at its office steps', () => {
  test('when an online request comes to its office steps again, then they go to the office the first went to, which its status names', async () => {
    for (let i = 0; i < 4; i++) {
      const started = await system.as(null).post('/api/requests', {
        serviceId: 'online-two-visits',
        district: 'd01',
        applicant: { name: 'Reza Karimi' },
        data: {},
      });
      expect(started.status).toBe(201);
      const code = started.body.trackingCode as string;
      const first = await eventually(async () => {
        const { body } = await system.get(`/api/requests/${code}`);
        return body.currentTasks.length > 0 ? body : undefined;
      });
      const check = first.currentTasks[0];
      expect(first.intakeOffice).toBe(check.assignee.principal.replace('office:', ''));
      await system.post(`/api/tasks/${check.taskId}/complete`, { outcome: 'done' });
      const review = (await system.get(`/api/requests/${code}`)).body.currentTasks[0];
      const issued = await system.post(`/api/tasks/${review.taskId}/complete`, { outcome: 'done' });
      const issue = issued.body.currentTasks[0];
      expect(issue.step).toBe('issue');
      expect(issue.assignee.principal).toBe(check.assignee.principal);
      expect(issue.routing).toBe("the office of the request's earlier office steps");
    }
  });
});
