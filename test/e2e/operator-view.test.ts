/**
 * What an operator sees of requests in Temporal's own tools, on a real Temporal dev server: each
 * request's summary and details (user metadata) in Persian and English, and the `temporal
 * workflow` commands of docs/operations.md, run as written against requests that fit them.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { repoPath, repoRoot } from '../../lib/paths';
import { SA } from '../../lib/temporal/search-attributes';
import { eventually, MANAGER, startHarness, type Harness } from '../support/harness';

const shell = promisify(execFile);
const DAY = 86_400_000;

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

/** A residential building permit taken in at office o-0501 in district 5. */
async function startPermit(extra: Record<string, unknown> = {}): Promise<string> {
  const started = await system.post('/api/requests', {
    serviceId: 'building-permit-residential',
    district: 'd05',
    intakeOffice: 'o-0501',
    applicant: { name: 'Maryam Rahimi', nationalId: '0012345678' },
    data: { parcel: '1234/56', area: 300, floors: 3, units: 3 },
    ...extra,
  });
  expect(started.status).toBe(201);
  return started.body.trackingCode as string;
}

/** The command lines of docs/operations.md that run the Temporal CLI. */
function documentedCommands(): string[] {
  return readFileSync(repoPath('docs/operations.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('tools/bin/temporal workflow '));
}

test('when a request starts, then its workflow carries a summary and details naming the service, district and office in Persian and English, and not the applicant', async () => {
  const code = await startPermit();
  const described = await system.client.workflow.getHandle(`request-${code}`).describe();
  const summary = (await described.staticSummary()) ?? '';
  const details = (await described.staticDetails()) ?? '';

  expect(summary).toBe(
    `صدور پروانه ساختمانی مسکونی · منطقه ۵ · دفتر خدمات الکترونیک | Residential building permit · District 5 · E-service office · ${code}`,
  );
  for (const part of [
    'صدور پروانه ساختمانی مسکونی',
    'Residential building permit',
    'منطقه ۵',
    'District 5 (d05)',
    'دفتر خدمات الکترونیک شهر کد ۰۵۰۱',
    'City e-service office 0501 (o-0501)',
    code,
  ])
    expect(details).toContain(part);
  expect(`${summary}\n${details}`).not.toMatch(/Maryam|0012345678/);
});

test('when a request starts, then Temporal lists it active, on time and unescalated under its first holder, from what its start set and one upsert as its first task opened', async () => {
  const code = await startPermit();
  const handle = system.client.workflow.getHandle(`request-${code}`);
  const attributes = (await handle.describe()).typedSearchAttributes;
  expect({
    service: attributes.get(SA.service),
    district: attributes.get(SA.district),
    state: attributes.get(SA.state),
    sla: attributes.get(SA.slaState),
    level: attributes.get(SA.escalationLevel),
    holders: attributes.get(SA.assignees),
  }).toEqual({
    service: 'building-permit-residential',
    district: 'd05',
    state: 'active',
    sla: 'ok',
    level: 0,
    holders: ['office:o-0501'],
  });
  // No patch marker, and no upsert of what the start already set: history is what replay pays for.
  const events = (await handle.fetchHistory()).events ?? [];
  const untilAnswered = events.slice(
    0,
    events.findIndex((e) => e.workflowExecutionUpdateCompletedEventAttributes),
  );
  expect(untilAnswered.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes)).toHaveLength(1);
  expect(events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')).toEqual([]);
});

test('when an operator runs the documented temporal commands, then each finds the requests that fit it', async () => {
  const fresh = await startPermit();
  const backlog = await startPermit({
    received: { at: new Date(Date.now() - 21 * DAY).toISOString(), reason: 'taken over from paper' },
  });
  const commands = documentedCommands();
  expect(commands.length).toBeGreaterThanOrEqual(5);

  // The test systems encrypt their payloads, user metadata with them: describe reads through the
  // API's codec endpoint, as an operator of a keyed deployment does (docs/operations.md#security).
  const codec = `--codec-endpoint ${system.url}/codec --codec-auth "Bearer ${await system.token(MANAGER)}"`;
  for (const command of commands) {
    const documented = command.replace('<tracking code>', fresh);
    const line = documented.includes(' describe ') ? `${documented} ${codec}` : documented;
    // Visibility and the backlog's escalation lag a moment: each must come to answer as it should.
    const output = await eventually(async () => {
      const { stdout } = await shell('bash', ['-c', line], {
        cwd: repoRoot,
        env: { ...process.env, TEMPORAL_ADDRESS: process.env.PK_TEST_TEMPORAL_ADDRESS },
        maxBuffer: 64 * 1024 * 1024,
      });
      if (line.includes(' list '))
        return [fresh, backlog].some((c) => stdout.includes(`request-${c}`)) ? stdout : undefined;
      if (line.includes(' count ')) return /Total: [1-9]/.test(stdout) ? stdout : undefined;
      return stdout.includes('StaticSummary') ? stdout : undefined;
    }, 30_000).catch((error: Error) => {
      throw new Error(`${documented}: ${error.message}`);
    });
    if (line.includes(' describe ')) expect(output).toContain('صدور پروانه ساختمانی مسکونی');
  }
});
