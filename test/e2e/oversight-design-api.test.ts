/**
 * What the oversight and design pages read beyond part one's API: the organisation's directory,
 * breaches per district and domain, and the designer's workbench (services with the requests
 * running on each version, the service schema, drafts checked as typed, publishing with a note),
 * on the real stack.
 */
import { readFileSync } from 'node:fs';
import { repoPath } from '../../lib/paths';
import { DESIGNER, MANAGER, eventually, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system?.stop();
});

const PERMIT = 'building-permit-residential';
const source = readFileSync(repoPath(`definitions/services/urban-planning/${PERMIT}.yaml`), 'utf8');
const permitRequest = (received?: string) => ({
  serviceId: PERMIT,
  district: 'd01',
  intakeOffice: 'o-0101',
  applicant: { name: 'Sara Ahmadi' },
  data: { parcel: '1234/56', area: 420, floors: 4, units: 8 },
  ...(received ? { received: { at: received, reason: 'Taken over from the earlier system' } } : {}),
});

describe('the directory', () => {
  test('when a designer reads the directory, then departments come with their roles and offices and agencies with titles', async () => {
    const { status, body } = await system.as(DESIGNER).get('/api/organisation/directory');
    expect(status).toBe(200);
    const planning = body.departments.find((d: { id: string }) => d.id === 'urban-planning');
    expect(planning.roles.map((r: { id: string }) => r.id)).toContain('plan-reviewer');
    expect(body.offices.find((o: { id: string }) => o.id === 'o-0101').title.fa).toMatch(/۰۱۰۱/);
    expect(body.agencies.map((a: { id: string }) => a.id)).toContain('land-registry');
    expect(body.services.find((s: { id: string }) => s.id === PERMIT).domain).toBe('urban-planning');
  });

  test('when an applicant asks for the directory, then they are refused', async () => {
    expect((await system.as(null).get('/api/organisation/directory')).status).toBe(401);
  });
});

describe('breaches per district and domain', () => {
  test('when an intake taken over three weeks late breaches in district 1, then the grid counts it under urban planning there', async () => {
    const received = new Date(Date.now() - 21 * 24 * 3600 * 1000).toISOString();
    expect((await system.post('/api/requests', permitRequest(received))).status).toBe(201);
    const cell = await eventually(async () => {
      const { body } = await system.as(MANAGER).get('/api/reports/districts');
      return body.items.find(
        (c: { district: string; domain: string; breaches: number }) =>
          c.district === 'd01' && c.domain === 'urban-planning' && c.breaches > 0,
      );
    });
    expect(cell.breaches).toBe(1);
  });

  test('when the range is empty, then the grid answers 400 and says why', async () => {
    const { status, body } = await system
      .as(MANAGER)
      .get('/api/reports/districts?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z');
    expect(status).toBe(400);
    expect(body.detail).toMatch(/range is empty/);
  });
});

describe("the designer's workbench", () => {
  const designer = () => system.as(DESIGNER);

  test('when a draft names a role its department does not have, then the check answers the problem at its line', async () => {
    const draft = source.replace(
      'assignee: { department: urban-planning }',
      'assignee: { department: urban-planning, role: plan-reveiwer }',
    );
    const { status, body } = await designer().post('/api/design/check', { source: draft });
    expect(status).toBe(200);
    expect(body.valid).toBe(false);
    const line = draft.split('\n').findIndex((l) => l.includes('plan-reveiwer')) + 1;
    expect(
      body.problems.some(
        (p: { line: number; message: string }) => p.line === line && /plan-reveiwer/.test(p.message),
      ),
    ).toBe(true);
  });

  test('when a designer works in Persian, then the problems of a draft and of a refused publication are Persian, ids kept as written', async () => {
    const draft = source
      .replace(
        'assignee: { department: urban-planning }',
        'assignee: { department: urban-planning, role: plan-reveiwer }',
      )
      .replace('sla: P7D', 'sla: 7');
    const persian = { 'accept-language': 'fa' };
    const { body } = await designer().post('/api/design/check', { source: draft }, persian);
    const messages = body.problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^اداره «urban-planning» نقش «plan-reveiwer» ندارد \(نقش‌هایش: .+\)؛ شاید منظور «plan-reviewer» است؟$/,
        ),
        expect.stringMatching(/^«7» مدتی به قالب ISO 8601 نیست: .+؛ شاید منظور «P7D» است؟/),
      ]),
    );
    const refused = await designer().post('/api/definitions', draft, {
      ...persian,
      'content-type': 'application/yaml',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.title).toBe('تعریف ایراد دارد');
    expect(refused.body.detail).toBe(`${messages.length} ایراد در تعریف`);
    expect(refused.body.problems.map((p: { message: string }) => p.message)).toEqual(
      expect.arrayContaining(messages),
    );
  });

  test('when a draft changes an SLA and a Persian title, then the check answers the diagram and both changes against the published version', async () => {
    const draft = source
      .replace('sla: P7D', 'sla: P6D')
      .replace('بررسی نقشه و انطباق با طرح تفصیلی', 'بررسی نقشه و انطباق با طرح جامع');
    const { body } = await designer().post('/api/design/check', { source: draft });
    expect(body.valid).toBe(true);
    expect(body.published).toBe(1);
    expect(body.mermaid).toMatch(/^flowchart TD/);
    expect(body.mermaid).toContain('P6D');
    const review = body.diff.changed.find((c: { step: string }) => c.step === 'plan-review');
    expect(review.changes).toEqual(
      expect.arrayContaining([
        { field: 'sla', from: 'P7D', to: 'P6D' },
        {
          field: 'title (fa)',
          from: 'بررسی نقشه و انطباق با طرح تفصیلی',
          to: 'بررسی نقشه و انطباق با طرح جامع',
        },
      ]),
    );
  });

  test('when a designer publishes a draft with a note, then the new version keeps the note and the running request stays on its version', async () => {
    const started = await system.post('/api/requests', permitRequest());
    expect(started.status).toBe(201);
    const draft = source.replace('sla: P7D', 'sla: P6D');
    const published = await designer().post('/api/design/publish', {
      source: draft,
      note: 'Review in six days (council resolution)',
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ serviceId: PERMIT, version: 2, created: true });

    const permit = await eventually(async () => {
      const { body } = await designer().get('/api/design/services');
      const found = body.items.find((s: { id: string }) => s.id === PERMIT);
      return found?.versions[0]?.running > 0 ? found : undefined;
    });
    expect(permit.version).toBe(2);
    expect(permit.versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [1, expect.any(String)],
      [2, 'Review in six days (council resolution)'],
    ]);
    expect(permit.versions[1].running).toBe(0);
    expect(permit.versions[1].publishedAtJalali).toMatch(/^1[45]\d\d\/\d\d\/\d\d \d\d:\d\d$/);
  });

  test('when a draft does not compile, then publishing it answers every problem and publishes nothing', async () => {
    const { status, body } = await designer().post('/api/design/publish', {
      source: source.replace('domain: urban-planning', 'domain: urban-plan'),
      note: 'a mistake',
    });
    expect(status).toBe(422);
    expect(body.problems.length).toBeGreaterThan(0);
    const versions = await system.get(`/api/definitions/${PERMIT}/versions`);
    expect(versions.body.items.every((v: { note: string }) => v.note !== 'a mistake')).toBe(true);
  });

  test('when the editor asks for the service schema, then it is the schema definitions are written against', async () => {
    const { body } = await designer().get('/api/design/schema');
    expect(body).toEqual(
      JSON.parse(readFileSync(repoPath('definitions/schemas/service.schema.json'), 'utf8')),
    );
  });

  test('when a manager asks for the workbench, then they are refused', async () => {
    expect((await system.as(MANAGER).get('/api/design/services')).status).toBe(403);
  });
});
