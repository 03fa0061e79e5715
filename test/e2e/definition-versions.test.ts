/**
 * Publishing new versions never changes a request under way: a request started on version 1
 * finishes on version 1 after version 2 is published, while new requests take version 2.
 * Designers compare versions, draw them, validate without publishing and roll back.
 */
import { readFileSync } from 'node:fs';
import { formatJalali } from '../../lib/calendar/jalali';
import { eventually, fixture, startHarness, type Harness, DESIGNER } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

const v1 = readFileSync(fixture('services/first-answer.yaml'), 'utf8');
/** Version 2 drops the join-any group: the office checks, then a committee decides. */
const v2 = `id: first-answer
title: { fa: 'نخستین پاسخ', en: 'First answer' }
domain: urban-planning
intake: [office]
sla: PT10M
steps:
  - { id: office-check, kind: task, title: { fa: 'بررسی دفتر', en: 'Office check' }, assignee: { office: intake }, sla: PT1M }
  - id: committee
    kind: task
    title: { fa: 'کمیته', en: 'Committee' }
    assignee: { department: urban-planning, role: plan-reviewer }
    sla: PT2M
    outcomes:
      approve: { next: done }
      reject: { next: refused }
  - { id: done, kind: end, result: completed }
  - { id: refused, kind: end, result: rejected }
`;

async function publish(text: string) {
  const response = await fetch(`${system.url}/api/definitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/yaml', authorization: `Bearer ${await system.token(DESIGNER)}` },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function start() {
  const { body } = await system.post('/api/requests', {
    serviceId: 'first-answer',
    district: 'd01',
    intakeOffice: 'o-1',
    applicant: { name: 'A' },
    data: {},
  });
  return body.trackingCode as string;
}

async function tasksOf(code: string) {
  return eventually(async () => {
    const { body } = await system.get(`/api/requests/${code}`);
    return body.currentTasks.length > 0 ? body : undefined;
  });
}

describe('definition versions', () => {
  test('when version 2 is published, then a request started on version 1 finishes on version 1', async () => {
    const listed = await system.get('/api/definitions');
    expect(listed.body.items.find((item: { id: string }) => item.id === 'first-answer').version).toBe(1);

    const old = await start();
    const before = await tasksOf(old);
    expect(before.service.version).toBe(1);
    expect(before.currentTasks.map((t: { step: string }) => t.step).sort()).toEqual([
      'department-check',
      'office-check',
    ]);

    const published = await publish(v2);
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ serviceId: 'first-answer', version: 2, created: true });
    expect((await publish(v2)).status).toBe(200);

    const diff = await system.get('/api/definitions/first-answer/diff?from=1&to=2');
    expect(diff.body.added.map((s: { step: string }) => s.step).sort()).toEqual(['committee', 'refused']);
    expect(diff.body.removed.map((s: { step: string }) => s.step).sort()).toEqual([
      'ask',
      'department-check',
    ]);
    expect(diff.body.changed).toEqual([
      { step: 'office-check', changes: [{ field: 'outcome done', from: 'end of branch', to: 'committee' }] },
    ]);
    expect(diff.body.service).toEqual([
      expect.objectContaining({ field: 'first step', from: 'ask', to: 'office-check' }),
    ]);

    // The old request still runs its own plan: join any, the department's check is cancelled.
    const office = before.currentTasks.find((t: { step: string }) => t.step === 'office-check');
    const finished = await system.post(`/api/tasks/${office.taskId}/complete`, { outcome: 'done' });
    expect(finished.body.state).toBe('completed');
    expect(finished.body.service.version).toBe(1);

    // A new request takes version 2.
    const fresh = await start();
    const now = await tasksOf(fresh);
    expect(now.service.version).toBe(2);
    const next = await system.post(`/api/tasks/${now.currentTasks[0].taskId}/complete`, { outcome: 'done' });
    expect(next.body.currentTasks[0].step).toBe('committee');
  });

  test('when a designer rolls back, then the old content becomes the newest version', async () => {
    const versions = await system.get('/api/definitions/first-answer/versions');
    const latest = versions.body.items.at(-1).version as number;
    const rolled = await system.post('/api/definitions/first-answer/rollback', { version: 1 });
    expect(rolled.status).toBe(201);
    expect(rolled.body).toEqual({ serviceId: 'first-answer', version: latest + 1, rolledBackFrom: 1 });
    const again = await system.get(`/api/definitions/first-answer/versions/${latest + 1}`);
    const first = await system.get('/api/definitions/first-answer/versions/1');
    expect(again.body.hash).toBe(first.body.hash);
    expect(again.body.source).toBe(v1);
    const code = await start();
    expect((await tasksOf(code)).service.version).toBe(latest + 1);
    expect((await system.post('/api/definitions/first-answer/rollback', { version: 99 })).status).toBe(404);
  });

  test("when versions are read, then each gives when it was published in ISO 8601 and in the city's Jalali calendar", async () => {
    const jalali = (v: { publishedAt: string }) => formatJalali(new Date(v.publishedAt), 'UTC');
    const answers = [
      ...(await system.get('/api/definitions/first-answer/versions')).body.items,
      ...(await system.get('/api/definitions/first-answer')).body.versions,
      (await system.get('/api/definitions/first-answer/versions/1')).body,
    ] as { publishedAt: string; publishedAtJalali: string }[];
    expect(answers.length).toBeGreaterThan(2);
    for (const version of answers) {
      expect(version.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
      expect(version.publishedAtJalali).toMatch(/^1[45]\d\d\/\d\d\/\d\d \d\d:\d\d$/);
      expect(version.publishedAtJalali).toBe(jalali(version));
    }
  });

  test('when a definition is validated, then its problems come back located and nothing is published', async () => {
    const broken = v2
      .replace('role: plan-reviewer', 'role: plan-reviwer')
      .replace('sla: PT1M', 'sla: 1 minute');
    const response = await fetch(`${system.url}/api/definitions/validate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/yaml',
        authorization: `Bearer ${await system.token(DESIGNER)}`,
      },
      body: broken,
    });
    const body = (await response.json()) as {
      valid: boolean;
      problems: { rule: string; line: number; column: number }[];
    };
    expect(response.status).toBe(200);
    expect(body.valid).toBe(false);
    expect(body.problems.map((p) => p.rule).sort()).toEqual(['schema/pattern', 'unknown-role']);
    expect(body.problems.every((p) => p.line > 0 && p.column > 0)).toBe(true);

    const refused = await publish(broken);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('/problems/invalid-definition');
    expect((refused.body.problems as unknown[]).length).toBe(2);
    const versions = await system.get('/api/definitions/first-answer/versions');
    expect(
      versions.body.items.every((v: { publishedBy: string }) => v.publishedBy !== 'designer:broken'),
    ).toBe(true);
  });

  test('when a diagram is asked for, then it is a Mermaid flowchart of the version', async () => {
    const { body } = await system.get('/api/definitions/every-kind/diagram');
    expect(body.version).toBe(1);
    expect(body.mermaid).toMatch(/^flowchart TD\n/);
    expect(body.mermaid).toContain('s_registry_inquiry -.->|timeout: no-objection| s_inquiries_join');
    expect((await system.get('/api/definitions/every-kind/diagram?version=7')).status).toBe(404);
  });
});
