/**
 * Records the histories of real runs as replay fixtures (test/fixtures/histories): every step
 * kind, a breach climbing its ladder, a loop, parallel groups, moving deadlines, a withdrawal,
 * continue-as-new, an inspection that suspends a licence with the licence registry moving the
 * office's work, a task claimed, given back and moved by a manager, a start that answers with
 * the first task, a withdrawal retried under its Idempotency-Key, two bills paid each against its
 * own task, commands sealed and payloads
 * encrypted by the codec (the tests' keys). `npm run record-histories` runs the scenarios that
 * have no history yet on a fresh dev server; `npm run record-histories -- <scenario>...` runs
 * those named again, after a change to the path they take.
 *
 * A file is named by the build that recorded it (history-build.ts) and, once committed, never
 * replaced: it stands for requests already running when the interpreter changes, which must
 * still replay. A scenario recorded again on new code adds a file beside the old one.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { repoPath } from '../../lib/paths';
import { TEMPORAL_CLI } from '../../lib/temporal/dev-server';
import { ensureSearchAttributes } from '../../lib/temporal/ensure-search-attributes';
import { workflowIdOf } from '../../lib/tracking-code';
import { registryIdOf } from '../../workflows/licence-messages';
import { historyFileName, recordingBuild } from './history-build';
import {
  eventually,
  fixture,
  installQuietRuntime,
  MANAGER,
  startHarness,
  testCodec,
  type Harness,
} from './harness';

const OUT = repoPath('test/fixtures/histories');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A scenario gives the tracking code of its request, or several workflows by the name each is saved under. */
type Scenario = (system: Harness) => Promise<string | Record<string, string>>;

async function start(
  system: Harness,
  serviceId: string,
  data: Record<string, unknown> = {},
  intakeOffice: string | null = 'o-1',
  district = 'd01',
) {
  const { body } = await system.post('/api/requests', {
    serviceId,
    district,
    ...(intakeOffice ? { intakeOffice } : { channel: 'department' }),
    applicant: { name: 'Recorded applicant' },
    data,
  });
  if (!body.trackingCode) throw new Error(`${serviceId}: ${JSON.stringify(body)}`);
  return body.trackingCode as string;
}

async function task(
  system: Harness,
  code: string,
  step: string,
): Promise<{ taskId: string; outcomes: { id: string }[] }> {
  return eventually(async () =>
    (await system.get(`/api/requests/${code}`)).body.currentTasks.find(
      (t: { step: string }) => t.step === step,
    ),
  );
}

async function complete(
  system: Harness,
  code: string,
  step: string,
  outcome: string,
  data?: Record<string, unknown>,
) {
  const { taskId } = await task(system, code, step);
  const response = await system.post(`/api/tasks/${taskId}/complete`, { outcome, ...(data ? { data } : {}) });
  if (response.status !== 200) throw new Error(`${step}/${outcome}: ${JSON.stringify(response.body)}`);
  return response.body;
}

async function ended(system: Harness, code: string) {
  await eventually(
    async () => ((await system.get(`/api/requests/${code}`)).body.state !== 'active' ? true : undefined),
    30_000,
  );
}

/** Where a scenario runs: the shipped catalog, or the fixtures (with a low history limit to continue as new). */
type Setup = 'shipped' | 'fixtures' | 'fixtures-short-history';

const scenarios: Record<string, { harness: Setup; run: Scenario }> = {
  'claimed-returned-reassigned': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'quick-permit');
      const { taskId } = await task(system, code, 'intake');
      const clerk = system.as({ sub: 'clerk-a', role: 'office', office: 'o-1' });
      for (const [who, action] of [
        [clerk, 'claim'],
        [clerk, 'return'],
        [clerk, 'claim'],
        [system.as(MANAGER), 'reassign'],
      ] as const) {
        const body = action === 'reassign' ? { to: 'office:o-2', reason: 'o-1 closed for the day' } : {};
        const response = await who.post(`/api/tasks/${taskId}/${action}`, body);
        if (response.status !== 200) throw new Error(`${action}: ${JSON.stringify(response.body)}`);
      }
      await complete(system, code, 'intake', 'done');
      await complete(system, code, 'review', 'approve');
      await ended(system, code);
      return code;
    },
  },
  // Recorded with the payload codec on (the test keys) and every command sealed, as the API sends it.
  'encrypted-sealed-commands': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'quick-permit');
      const { taskId } = await task(system, code, 'intake');
      const clerk = system.as({ sub: 'clerk-a', role: 'office', office: 'o-1' });
      for (const [action, body] of [
        ['claim', {}],
        ['return', {}],
        ['claim', {}],
        ['complete', { outcome: 'done' }],
      ] as const) {
        const response = await clerk.post(`/api/tasks/${taskId}/${action}`, body);
        if (response.status !== 200) throw new Error(`${action}: ${JSON.stringify(response.body)}`);
      }
      await complete(system, code, 'review', 'approve');
      await ended(system, code);
      return code;
    },
  },
  // A file sent back fourteen times: thirty steps, to show what each update adds to the history.
  'long-loop-returned': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'long-loop');
      for (let round = 1; round <= 15; round++) {
        await complete(system, code, 'prepare', 'done', { round });
        await complete(system, code, 'check', round < 15 ? 'return' : 'approve');
      }
      await ended(system, code);
      return code;
    },
  },
  'permit-returned-then-issued': {
    harness: 'shipped',
    async run(system) {
      const code = await start(
        system,
        'building-permit-residential',
        { parcel: '1/1', area: 300, floors: 3, units: 3 },
        'o-0101',
      );
      await complete(system, code, 'intake', 'submit', { documentsComplete: true });
      await complete(system, code, 'plan-review', 'return');
      await complete(system, code, 'intake', 'submit', { documentsComplete: true });
      await complete(system, code, 'plan-review', 'approve');
      await complete(system, code, 'dues-assessment', 'done', { landValue: 40_000_000 });
      await complete(system, code, 'payment', 'paid', { receipt: 'R-1' });
      await complete(system, code, 'permit-issuance', 'issue', { permitNumber: 'P-1' });
      await ended(system, code);
      return code;
    },
  },
  'registered-late': {
    harness: 'shipped',
    async run(system) {
      // Received on paper three weeks earlier: it comes in past its SLA and climbs the ladder at once.
      const { body } = await system.post('/api/requests', {
        serviceId: 'building-permit-residential',
        district: 'd01',
        intakeOffice: 'o-0101',
        applicant: { name: 'Recorded applicant' },
        data: { parcel: '1/1', area: 300, floors: 3, units: 3 },
        received: { at: new Date(Date.now() - 21 * 86_400_000).toISOString(), reason: 'paper intake' },
      });
      const code = body.trackingCode as string;
      // Every rung recorded and its target found (the rungs are recorded at once, the targets after).
      await eventually(async () => {
        const { escalations } = (await system.get(`/api/requests/${code}`)).body;
        const found = escalations.every((e: { pending?: boolean }) => !e.pending);
        return escalations.length >= 3 && found ? true : undefined;
      });
      await complete(system, code, 'intake', 'submit', { documentsComplete: true });
      await complete(system, code, 'plan-review', 'reject');
      await ended(system, code);
      return code;
    },
  },
  'started-with-first-task': {
    harness: 'fixtures',
    async run(system) {
      // The start and the update that answers with the first tasks, in one call.
      const { body } = await system.post('/api/requests', {
        serviceId: 'quick-permit',
        district: 'd01',
        intakeOffice: 'o-1',
        applicant: { name: 'Recorded applicant' },
        data: {},
      });
      const [first] = body.currentTasks as { taskId: string }[];
      if (!first) throw new Error(`no first task in the start's answer: ${JSON.stringify(body)}`);
      const response = await system.post(`/api/tasks/${first.taskId}/complete`, { outcome: 'done' });
      if (response.status !== 200) throw new Error(JSON.stringify(response.body));
      const [review] = response.body.currentTasks as { taskId: string }[];
      const approved = await system
        .as('department:d01.urban-planning')
        .post(`/api/tasks/${review?.taskId}/complete`, { outcome: 'approve' });
      if (approved.status !== 200) throw new Error(JSON.stringify(approved.body));
      await ended(system, body.trackingCode as string);
      return body.trackingCode as string;
    },
  },
  'withdrawn-under-key': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'quick-permit');
      await task(system, code, 'intake');
      const key = { 'idempotency-key': `withdraw-${code}` };
      for (let call = 0; call < 2; call++) {
        const answer = await system.post(`/api/requests/${code}/withdraw`, { reason: 'moving away' }, key);
        if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
      }
      return code;
    },
  },
  'two-bills-paid-apart': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'two-bills');
      const paid = await system.post(`/api/requests/${code}/payments`, {
        billId: `${code}-parking`,
        receipt: 'R-2',
      });
      if (paid.status !== 200) throw new Error(JSON.stringify(paid.body));
      await complete(system, code, 'pay-dues', 'paid', { receipt: 'R-3' });
      await ended(system, code);
      return code;
    },
  },
  'every-kind': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'every-kind', { area: 150 });
      await complete(system, code, 'intake', 'done');
      await complete(system, code, 'plan-review', 'approve');
      // The registry stays silent; its term passes and silence counts as no objection.
      await complete(system, code, 'payment', 'paid', { receipt: 'R-2' });
      await complete(system, code, 'hand-over', 'done');
      await ended(system, code);
      return code;
    },
  },
  'parallel-join-any': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'first-answer');
      await task(system, code, 'department-check');
      await complete(system, code, 'office-check', 'done');
      await ended(system, code);
      return code;
    },
  },
  'breach-ladder-reassigned': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'ladder');
      await eventually(
        async () =>
          (await system.get(`/api/requests/${code}`)).body.escalations.length === 3 ? true : undefined,
        20_000,
      );
      await complete(system, code, 'intake', 'done');
      await ended(system, code);
      return code;
    },
  },
  // The statutory deadline passes with the task open: recorded at its instant, the committee found after.
  'statutory-passed': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'statutory');
      await eventually(async () => {
        const { escalations } = (await system.get(`/api/requests/${code}`)).body;
        return escalations.some(
          (e: { action: string; pending?: boolean }) => e.action === 'steering-committee' && !e.pending,
        )
          ? true
          : undefined;
      }, 20_000);
      await complete(system, code, 'work', 'done');
      await ended(system, code);
      return code;
    },
  },
  'incident-skipped': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'failing-action', { area: 10, parts: 0 });
      await complete(system, code, 'split', 'skip');
      await ended(system, code);
      return code;
    },
  },
  'rules-failed-retried-skipped-cancelled': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'failing-rules', { area: 100, parts: 0 });
      await complete(system, code, 'by-share', 'retry');
      await complete(system, code, 'by-share', 'skip');
      await complete(system, code, 'pay-dues', 'cancel');
      await ended(system, code);
      return code;
    },
  },
  'applicant-expired': {
    harness: 'fixtures',
    async run(system) {
      const code = await start(system, 'missing-documents');
      await complete(system, code, 'intake', 'ask-applicant');
      await ended(system, code);
      return code;
    },
  },
  'deadlines-moved-paid-withdrawn': {
    harness: 'fixtures-short-history',
    async run(system) {
      const code = await start(system, 'deadline-rules');
      await complete(system, code, 'intake', 'ask');
      await sleep(1000);
      await system.post(`/api/requests/${code}/documents`, { data: { document: 'deed.pdf' } });
      await task(system, code, 'intake');
      await system.post(`/api/requests/${code}/clock/suspend`, {
        reason: 'site visit to be agreed',
        actor: 'person:clerk',
      });
      await sleep(500);
      await system.post(`/api/requests/${code}/clock/resume`, { actor: 'person:clerk' });
      const { taskId } = await task(system, code, 'intake');
      await system.post(`/api/requests/${code}/extensions`, {
        of: taskId,
        by: 'PT5S',
        reason: 'owner abroad',
        actor: 'person:head',
      });
      await complete(system, code, 'intake', 'complete');
      const paying = (await system.get(`/api/requests/${code}`)).body;
      await system.post(`/api/requests/${code}/payments`, { billId: paying.fees[0].billId, receipt: 'R-3' });
      await task(system, code, 'review');
      await system.post(`/api/requests/${code}/withdraw`, { reason: 'no longer needed' });
      await ended(system, code);
      return code;
    },
  },
  'continued-as-new': {
    harness: 'fixtures-short-history',
    async run(system) {
      const code = await start(system, 'long-loop');
      for (let round = 1; round <= 3; round++) {
        await complete(system, code, 'prepare', 'done', { round });
        await complete(system, code, 'check', 'return');
      }
      await complete(system, code, 'prepare', 'done');
      await complete(system, code, 'check', 'approve');
      await ended(system, code);
      return code;
    },
  },
  'inspection-suspends-office': {
    harness: 'shipped',
    async run(system) {
      const complaint = await start(
        system,
        'citizen-complaint',
        { subject: 'waste', description: 'Bins not emptied for a week' },
        'o-0402',
        'd04',
      );
      await task(system, complaint, 'intake');
      const inspection = await start(
        system,
        'office-periodic-inspection',
        { officeId: 'o-0402' },
        null,
        'd04',
      );
      await complete(system, inspection, 'checklist', 'done', {
        licenceDisplayed: true,
        feesPosted: false,
        receiptsFromTreasury: true,
        staffIdentified: true,
        queueInOrder: true,
        recordsKept: true,
      });
      await complete(system, inspection, 'decision', 'correct');
      await complete(system, inspection, 'corrective-actions', 'not-corrected');
      await ended(system, inspection);
      // The complaint's intake moves off the suspended office.
      await eventually(async () => {
        const { body } = await system.get(`/api/requests/${complaint}`);
        return body.currentTasks[0]?.moves ? true : undefined;
      });
      await system.post('/api/offices/o-0402/licence', { action: 'reinstate', reason: 'fees now posted' });
      return {
        inspection: workflowIdOf(inspection),
        'moved-complaint': workflowIdOf(complaint),
        registry: registryIdOf(system.taskQueue),
      };
    },
  },
};

async function main() {
  mkdirSync(OUT, { recursive: true });
  const recorded = (name: string) => readdirSync(OUT).some((file) => file.startsWith(`${name}.`));
  const again = process.argv.slice(2);
  const unknown = again.filter((name) => !(name in scenarios));
  if (unknown.length > 0) throw new Error(`no scenario ${unknown.join(', ')}`);
  const todo = Object.entries(scenarios).filter(([name]) =>
    again.length > 0 ? again.includes(name) : !recorded(name),
  );
  if (todo.length === 0) {
    console.log('every scenario has its history already; nothing recorded');
    return;
  }
  installQuietRuntime();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI }, ip: '127.0.0.1' },
  });
  try {
    await ensureSearchAttributes(env.connection, 'default');
    const dir = mkdtempSync(join(tmpdir(), 'record-'));
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
    });
    writeFileSync(join(dir, 'bundle.js'), code);
    process.env.PK_TEST_TEMPORAL_ADDRESS = env.address;
    process.env.PK_TEST_WORKFLOW_BUNDLE = join(dir, 'bundle.js');
    process.env.PK_TEST_TMP = dir;
    const connection = await Connection.connect({ address: env.address });
    // Listing reads the memo, which the tests' systems encrypt.
    const client = new Client({ connection, dataConverter: { payloadCodecs: [testCodec()] } });
    for (const [name, scenario] of todo) {
      const system = await startHarness(
        scenario.harness === 'shipped'
          ? {}
          : {
              servicesDir: fixture('services'),
              organisationDir: fixture('organisation'),
              ...(scenario.harness === 'fixtures-short-history' ? { continueAsNewAfter: 40 } : {}),
            },
      );
      try {
        const ran = await scenario.run(system);
        const workflows = typeof ran === 'string' ? { [name]: workflowIdOf(ran) } : ran;
        for (const [label, workflowId] of Object.entries(workflows)) {
          const stem = typeof ran === 'string' ? name : `${name}.${label}`;
          await save(client, env.address, workflowId, stem);
        }
      } finally {
        await system.stop();
      }
    }
    await connection.close();
  } finally {
    await env.teardown();
  }
}

/** Saves every run of a workflow: one that continued as new has several, each replays on its own. */
async function save(client: Client, address: string, workflowId: string, stem: string) {
  const runs = [];
  for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run);
  runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  for (const [index, run] of runs.entries()) {
    // The CLI writes the history in the JSON form historyFromJSON reads back.
    const json = execFileSync(
      TEMPORAL_CLI,
      [
        'workflow',
        'show',
        '--address',
        address,
        '--workflow-id',
        run.workflowId,
        '--run-id',
        run.runId,
        '--output',
        'json',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const history = JSON.parse(json) as Parameters<typeof recordingBuild>[0];
    const file = historyFileName(
      runs.length === 1 ? stem : `${stem}.run${index + 1}`,
      recordingBuild(history),
    );
    writeFileSync(join(OUT, file), json);
    console.log(`recorded ${file}: ${(JSON.parse(json) as { events: unknown[] }).events.length} events`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
