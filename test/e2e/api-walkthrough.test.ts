/**
 * The curl walk-through of docs/api.md, run as it is written against a fresh system with the
 * shipped catalog, the way the doc tells a reader to (`API` set to where the API is, tokens from
 * `npm run pishkhan -- token` under the API's key). Each call must answer the status the doc
 * shows after it (`# → 201 {...}`), with every field the doc shows, and the literal values it
 * shows (those with no digits, which are ids and times that differ on each run).
 */
import { readFileSync } from 'node:fs';
import { repoPath } from '../../lib/paths';
import { MANAGER, startHarness, TEST_AUTH, type Harness } from '../support/harness';
import { pasteIntoShell, type PastedAnswer } from '../support/paste';
import { answerSchema, undeclaredFields } from '../support/undeclared';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

/** What the doc says a call answers: its status and a sketch of the answer. */
interface Shown {
  status: number;
  sketch: string;
  /** The line of docs/api.md the answer is shown on. */
  line: number;
}

/** The shell block under "A walk through it with curl", its lines and what it shows each call answers. */
function walkthrough(doc: string): { lines: string[]; shown: Shown[] } {
  const heading = doc.indexOf('## A walk through it with curl');
  if (heading < 0) throw new Error('docs/api.md has no curl walk-through');
  const open = doc.indexOf('```sh\n', heading) + '```sh\n'.length;
  const close = doc.indexOf('```', open);
  const firstLine = doc.slice(0, open).split('\n').length;
  const lines = doc.slice(open, close).split('\n');
  const shown: Shown[] = [];
  let sketching = false;
  lines.forEach((text, i) => {
    const answer = /^# → (\d{3})(?: (.*))?$/.exec(text);
    // A sketch goes on over the comment lines right after it that go on with JSON.
    const more = /^#\s+(["{[].*)$/.exec(text);
    const last = shown.at(-1);
    if (answer) shown.push({ status: Number(answer[1]), sketch: answer[2] ?? '', line: firstLine + i });
    else if (more && last && sketching) last.sketch += more[1];
    sketching = Boolean(answer) || (sketching && Boolean(more));
  });
  return { lines, shown };
}

/** How an answer differs from what the doc shows of it. */
function differences(shown: Shown, got: PastedAnswer | undefined): string[] {
  const where = `docs/api.md:${shown.line}`;
  if (!got) return [`${where}: shows an answer to a call the walk-through never made`];
  const call = `${got.method} ${new URL(got.url).pathname}`;
  const found: string[] = [];
  if (got.status !== shown.status)
    found.push(`${where}: ${call} answered ${got.status}, the doc shows ${shown.status}: ${got.body}`);
  for (const [, field] of shown.sketch.matchAll(/"([^"]+)":/g))
    if (!got.body.includes(`"${field}":`)) found.push(`${where}: ${call} answered no "${field}"`);
  for (const [pair, , value] of shown.sketch.matchAll(/"([^"]+)":"([^"]*)"/g))
    if (!/\d|\.\.\.|…/.test(value ?? '') && !got.body.includes(pair))
      found.push(`${where}: ${call} did not answer ${pair}`);
  return found;
}

describe('the curl walk-through of docs/api.md', () => {
  test('when it is pasted into bash against a fresh system, then every call answers the status and the fields the doc shows', async () => {
    const { lines, shown } = walkthrough(readFileSync(repoPath('docs/api.md'), 'utf8'));
    expect(shown.length).toBeGreaterThan(10);

    const pasted = await pasteIntoShell(lines, {
      API: system.url,
      PISHKHAN_JWT_SECRET: TEST_AUTH.secret,
      PISHKHAN_JWT_ISSUER: TEST_AUTH.issuer,
      PISHKHAN_JWT_AUDIENCE: TEST_AUTH.audience,
    });
    expect({ exitCode: pasted.exitCode, stderr: pasted.stderr }).toEqual({ exitCode: 0, stderr: '' });
    const found = shown.flatMap((s, i) => differences(s, pasted.answers[i]));
    for (const extra of pasted.answers.slice(shown.length))
      found.push(`${extra.method} ${extra.url} answered ${extra.status}, and the doc shows no answer for it`);
    expect(found).toEqual([]);

    // Every field of every answer is in the OpenAPI document.
    const { body: openApi } = await system.as(null).get('/api/openapi.json');
    const undescribed = pasted.answers.flatMap((answer) => {
      const schema = answerSchema(openApi, answer.method, answer.url, answer.status);
      const call = `${answer.method} ${new URL(answer.url).pathname} ${answer.status}`;
      if (!schema) return [`${call}: no schema`];
      return undeclaredFields(schema, JSON.parse(answer.body), openApi).map((field) => `${call}: ${field}`);
    });
    expect([
      ...new Set(undescribed.map((u) => u.replace(/\[\d+\]/g, '[]').replace(/\d{12}(-\d+)?/g, '…'))),
    ]).toEqual([]);

    // What the walk-through did is what the request holds: moved with its reason, clock stopped
    // and started once, the target extended.
    const code = /"trackingCode":"(\d{12})"/.exec(pasted.answers[0]?.body ?? '')?.[1];
    const { body } = await system.as(MANAGER).get(`/api/requests/${code}`);
    expect(body.currentTasks).toEqual([
      expect.objectContaining({
        step: 'dues-assessment',
        assignee: expect.objectContaining({ principal: 'department:d02.finance' }),
      }),
    ]);
    expect(body.suspensions).toEqual([
      expect.objectContaining({ reason: 'waiting for the soil test', to: expect.anything() }),
    ]);
    expect(body.deadlineChanges).toContainEqual(
      expect.objectContaining({ of: 'request', cause: 'extension', reason: 'the plans need a second look' }),
    );
  }, 180_000);

  test("when the OpenAPI document is read, then a request's status lists its loops, clocks and runs", async () => {
    const { body } = await system.as(null).get('/api/openapi.json');
    const ok = body.paths['/api/requests/{trackingCode}'].get.responses['200'].content['application/json'];
    const schemas = JSON.stringify(ok.schema);
    for (const field of ['outcomeCounts', 'deadlineChanges', 'suspensions', 'suspended', 'continuedAsNew'])
      expect(schemas).toContain(`"${field}"`);
  });

  test('when every service of the catalog is read, then its plan holds no field the OpenAPI document does not declare', async () => {
    const { body: openApi } = await system.as(null).get('/api/openapi.json');
    const { body: list } = await system.as(null).get('/api/definitions');
    expect(list.items.length).toBeGreaterThan(100);
    const undescribed: string[] = [];
    for (const { id } of list.items as { id: string }[]) {
      const { status, body } = await system.as(null).get(`/api/definitions/${id}`);
      expect(status).toBe(200);
      const schema = answerSchema(openApi, 'GET', `/api/definitions/${id}`, 200);
      undescribed.push(...undeclaredFields(schema ?? {}, body, openApi).map((field) => `${id}: ${field}`));
    }
    expect(undescribed).toEqual([]);
  }, 60_000);

  test('when a doc shows answers over several comment lines, then each is read as one sketch, in order', () => {
    const doc = [
      '## A walk through it with curl',
      '```sh',
      'curl -s $API/a',
      '# → 200 {"a":1,',
      '#   "b":"x"}',
      '# 2. next',
      'curl -s $API/b',
      '# → 404',
      '```',
    ].join('\n');
    expect(walkthrough(doc).shown).toEqual([
      { status: 200, sketch: '{"a":1,"b":"x"}', line: 4 },
      { status: 404, sketch: '', line: 8 },
    ]);
  });
});
