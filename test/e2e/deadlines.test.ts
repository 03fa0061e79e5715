/**
 * Deadlines as the law counts them, through the API on a real Temporal server: the clock
 * stands still while the applicant is awaited, staff stop and restart it with a reason,
 * targets are extended within the definition's limit, every move is recorded, the statutory
 * deadline alerts the steering committee, and the citizen withdraws or pays.
 */
import { eventually, fixture, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

const ms = (when: { at: string }) => Date.parse(when.at);

describe('deadlines', () => {
  test('when the applicant sends their answer again with the same Idempotency-Key, then the retry gets the request and nothing is answered twice', async () => {
    const { code, status } = await start('deadline-rules');
    await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, { outcome: 'ask' });
    const key = { 'idempotency-key': `documents-${code}` };
    const answer = { data: { document: 'deed-scan.pdf' } };
    const first = await system.post(`/api/requests/${code}/documents`, answer, key);
    expect(first.status).toBe(200);
    const retried = await system.post(`/api/requests/${code}/documents`, answer, key);
    expect(retried.status).toBe(200);
    expect(retried.body.now).toEqual(first.body.now);
    const full = (await system.get(`/api/requests/${code}`)).body;
    expect(full.stepsDone.filter((s: { step: string }) => s.step === 'bring')).toHaveLength(1);
    // Without the key, or with another, the request is not waiting on the applicant any more.
    const again = await system.post(`/api/requests/${code}/documents`, answer, {
      'idempotency-key': `another-${code}`,
    });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/nothing-asked');
  });

  test('when the request waits on the applicant, then its deadlines stand still and move on by that time', async () => {
    const { code, status } = await start('deadline-rules');
    const target = ms(status.deadlines.target);
    const statutory = ms(status.deadlines.statutory);
    const asked = await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, {
      outcome: 'ask',
    });
    expect(asked.body.suspended).toEqual(
      expect.objectContaining({ reason: 'waiting on the applicant: Bring the document', by: 'system' }),
    );
    expect(asked.body.currentTasks[0].assignee.principal).toBe(`applicant:${code}`);

    await sleep(2000);
    const refused = await system.post(`/api/requests/${code}/documents`, { data: {} });
    expect(refused.status).toBe(422);
    const answered = await system.post(`/api/requests/${code}/documents`, {
      data: { document: 'deed-scan.pdf' },
    });
    expect(answered.status).toBe(200);
    // The applicant's answer is the public view; staff read the whole request.
    expect(answered.body.now[0].step).toBe('intake');
    const answeredFull = (await system.get(`/api/requests/${code}`)).body;
    expect(answeredFull.suspended).toBeUndefined();
    expect(answeredFull.currentTasks[0].step).toBe('intake');
    const moved = ms(answeredFull.deadlines.target) - target;
    expect(moved).toBeGreaterThanOrEqual(2000);
    expect(moved).toBeLessThan(6000);
    expect(ms(answeredFull.deadlines.statutory) - statutory).toBe(moved);
    expect(answeredFull.deadlines.target.original.at).toBe(status.deadlines.target.at);
    expect(
      answeredFull.deadlineChanges.map((c: { of: string; kind: string; cause: string }) => [
        c.of,
        c.kind,
        c.cause,
      ]),
    ).toEqual([
      ['request', 'target', 'suspension'],
      ['request', 'statutory', 'suspension'],
    ]);
    expect(answeredFull.suspensions).toHaveLength(1);
    expect(answeredFull.stepsDone.find((s: { step: string }) => s.step === 'bring').actor).toBe(
      `applicant:${code}`,
    );
  });

  test('when the office that took the request in answers for the applicant, then the record names the office, not the applicant', async () => {
    const { code, status } = await start('deadline-rules');
    await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, { outcome: 'ask' });
    const answered = await system
      .as('office:o-1')
      .post(`/api/requests/${code}/documents`, { data: { document: 'deed-scan.pdf' } });
    expect(answered.status).toBe(200);
    const full = (await system.get(`/api/requests/${code}`)).body;
    const bring = full.stepsDone.find((s: { step: string }) => s.step === 'bring');
    expect(bring.actor).toMatch(/^office:/);
    expect(bring.actor).not.toBe(`applicant:${code}`);
    const history = (await system.get(`/api/requests/${code}/history`)).body;
    const entry = history.items.find(
      (e: { stepId?: string; taskId?: string }) => e.stepId === 'bring' && e.taskId,
    );
    expect(entry.actor).toBe(bring.actor);
  });

  test('when staff stop the clock and extend deadlines, then each move is kept, within the limits of the definition', async () => {
    const { code, status } = await start('deadline-rules');
    const task = status.currentTasks[0];
    const stopped = await system.post(`/api/requests/${code}/clock/suspend`, {
      reason: 'applicant asked for a site visit date',
    });
    expect(stopped.status).toBe(200);
    expect((await system.post(`/api/requests/${code}/clock/suspend`, { reason: 'again' })).status).toBe(422);
    await sleep(1500);
    const resumed = await system.post(`/api/requests/${code}/clock/resume`, {});
    const intake = resumed.body.currentTasks[0];
    expect(ms(intake.deadline) - ms(task.deadline)).toBeGreaterThanOrEqual(1500);
    expect(intake.originalDeadline.at).toBe(task.deadline.at);
    expect(ms(intake.statutoryDeadline) - ms(task.statutoryDeadline)).toBe(
      ms(intake.deadline) - ms(task.deadline),
    );
    expect((await system.post(`/api/requests/${code}/clock/resume`, {})).status).toBe(422);

    const extend = (of: string, by: string) =>
      system.post(`/api/requests/${code}/extensions`, {
        of,
        by,
        reason: 'the owner is abroad',
      });
    const once = await extend(task.taskId, 'PT6S');
    expect(once.status).toBe(200);
    expect(ms(once.body.currentTasks[0].deadline) - ms(intake.deadline)).toBe(6000);
    const beyond = await extend(task.taskId, 'PT5S');
    expect(beyond.status).toBe(422);
    expect(beyond.body.detail).toContain("step 'intake' may be extended by PT10S in all");
    expect((await extend('request', 'PT30S')).status).toBe(200);
    expect((await extend('request', 'PT1S')).status).toBe(422);

    const final = (await system.get(`/api/requests/${code}`)).body;
    expect(
      final.deadlineChanges.map((c: { of: string; cause: string; by: string }) => [c.of, c.cause, c.by]),
    ).toEqual([
      ['request', 'suspension', 'manager:test-manager'],
      ['request', 'suspension', 'manager:test-manager'],
      [task.taskId, 'suspension', 'manager:test-manager'],
      [task.taskId, 'suspension', 'manager:test-manager'],
      [task.taskId, 'extension', 'manager:test-manager'],
      ['request', 'extension', 'manager:test-manager'],
    ]);
    expect(final.deadlineChanges.at(-1).reason).toBe('the owner is abroad');
  });

  test('when staff retry a stop, a restart and an extension with the same Idempotency-Key, then each answers as the first did and is made once', async () => {
    const { code, status } = await start('deadline-rules');
    const task = status.currentTasks[0];
    const twice = async (path: string, body: unknown, key: string) => {
      const headers = { 'idempotency-key': `${key}-${code}` };
      const first = await system.post(`/api/requests/${code}/${path}`, body, headers);
      const retried = await system.post(`/api/requests/${code}/${path}`, body, headers);
      expect([first.status, retried.status]).toEqual([200, 200]);
      expect(retried.body.deadlineChanges).toEqual(first.body.deadlineChanges);
    };
    await twice('clock/suspend', { reason: 'a site visit' }, 'suspend');
    await twice('clock/resume', {}, 'resume');
    await twice('extensions', { of: task.taskId, by: 'PT6S', reason: 'the owner is abroad' }, 'extend');
    const final = (await system.get(`/api/requests/${code}`)).body;
    expect(final.suspensions).toHaveLength(1);
    expect(final.deadlineChanges.filter((c: { cause: string }) => c.cause === 'extension')).toHaveLength(1);
    // Another key is another call: the clock runs already, so a second restart is refused.
    const another = await system.post(
      `/api/requests/${code}/clock/resume`,
      {},
      { 'idempotency-key': `r2-${code}` },
    );
    expect(another.status).toBe(422);
  });

  test('when the applicant retries a withdrawal with the same Idempotency-Key after it ended the request, then the retry gets the request as it ended', async () => {
    const { code } = await start('deadline-rules');
    const key = { 'idempotency-key': `withdraw-${code}` };
    const first = await system.post(`/api/requests/${code}/withdraw`, { reason: 'moving away' }, key);
    expect(first.status).toBe(200);
    const retried = await system.post(`/api/requests/${code}/withdraw`, { reason: 'moving away' }, key);
    expect([retried.status, retried.body.state]).toEqual([200, 'cancelled']);
    const history = (await system.get(`/api/requests/${code}/history`)).body;
    expect(history.items.filter((e: { kind?: string }) => e.kind === 'withdrawal')).toHaveLength(1);
    expect(JSON.stringify(history)).not.toContain(`withdraw-${code}`);
    const another = await system.post(
      `/api/requests/${code}/withdraw`,
      { reason: 'moving away' },
      { 'idempotency-key': `other-${code}` },
    );
    expect(another.status).toBe(409);
  });

  test('when the applicant pays against the bill and then withdraws, then the paid fee is flagged for refund', async () => {
    const { code, status } = await start('deadline-rules');
    const completed = await system.post(`/api/tasks/${status.currentTasks[0].taskId}/complete`, {
      outcome: 'complete',
    });
    let now = (await system.get(completed.body.href)).body;
    const fee = now.fees[0];
    expect(fee).toEqual(expect.objectContaining({ status: 'due', amount: 1000 }));
    expect(
      (await system.post(`/api/requests/${code}/payments`, { billId: 'nope', receipt: 'R-9' })).status,
    ).toBe(409);
    const paid = await system.post(`/api/requests/${code}/payments`, { billId: fee.billId, receipt: 'R-9' });
    expect(paid.status).toBe(200);
    now = (await system.get(paid.body.href)).body;
    expect(now.fees[0]).toEqual(expect.objectContaining({ status: 'paid', receipt: 'R-9' }));
    expect(now.currentTasks[0].step).toBe('review');

    const withdrawn = await system.post(`/api/requests/${code}/withdraw`, {
      reason: 'the building will not be built',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('cancelled');
    // The applicant's own view says the paid fee is to be returned, as the staff's does.
    const own = (await system.as(`applicant:${code}`).get(withdrawn.body.href)).body;
    expect(own.fees[0]).toEqual(expect.objectContaining({ status: 'paid', refund: 'due' }));
    withdrawn.body = (await system.get(`/api/requests/${code}`)).body;
    expect(withdrawn.body.currentTasks).toEqual([]);
    expect(withdrawn.body.fees[0].refund).toBe('due');
    expect(withdrawn.body.stepsDone.at(-1)).toEqual(
      expect.objectContaining({ kind: 'withdrawal', note: 'the building will not be built' }),
    );
    expect((await system.post(`/api/requests/${code}/withdraw`, { reason: 'twice' })).status).toBe(409);
    const notices = await system.notifications();
    expect(
      notices
        .filter((n) => n.kind === 'request-ended' && n.trackingCode === code)
        .map((n) => n.to)
        .sort(),
    ).toEqual([`applicant:${code}`, 'department:d01.urban-planning']);
  });

  test('when two bills are open at once, then a payment against one completes the task of that bill and marks that bill paid, and the other stays due', async () => {
    const { code, status } = await start('two-bills');
    const tasks = status.currentTasks as { taskId: string; step: string; billId: string }[];
    const parking = tasks.find((t) => t.step === 'pay-parking');
    const dues = tasks.find((t) => t.step === 'pay-dues');
    expect([parking?.billId, dues?.billId]).toEqual([`${code}-parking`, `${code}-dues`]);
    const paid = await system.post(`/api/requests/${code}/payments`, {
      billId: `${code}-parking`,
      receipt: 'R-2',
    });
    expect(paid.status).toBe(200);
    const fees = (await system.get(paid.body.href)).body.fees;
    expect(fees.map((f: { billId: string; status: string }) => [f.billId, f.status])).toEqual(
      expect.arrayContaining([
        [`${code}-parking`, 'paid'],
        [`${code}-dues`, 'due'],
      ]),
    );
    const after = (await system.get(`/api/requests/${code}`)).body;
    expect(after.currentTasks.map((t: { step: string }) => t.step)).toEqual(['pay-dues']);
    // The treasury completes the other task with its receipt, the field the completion documents.
    const done = await system.post(`/api/tasks/${dues?.taskId}/complete`, {
      outcome: 'paid',
      data: { receipt: 'R-3' },
    });
    expect([done.status, done.body.state]).toEqual([200, 'completed']);
    const ended = (await system.get(done.body.href)).body;
    expect(ended.fees.map((f: { receipt: string }) => f.receipt).sort()).toEqual(['R-2', 'R-3']);
  });

  test('when the statutory deadline passes with the request open, then the steering committee is told', async () => {
    const { code } = await start('statutory');
    // Recorded at the deadline's instant, the committee found just after: read it once found.
    const escalated = await eventually(async () => {
      const { body } = await system.get(`/api/requests/${code}`);
      return body.escalations.length > 0 && !body.escalations[0].pending ? body : undefined;
    }, 15_000);
    expect(escalated.escalations[0]).toEqual(
      expect.objectContaining({
        taskId: '',
        action: 'steering-committee',
        to: expect.objectContaining({ principal: 'head:steering-committee' }),
      }),
    );
    expect(escalated.deadlines.statutory.passed).toBe(true);
    expect(escalated.deadlines.target.passed).toBe(true);
  });
});
