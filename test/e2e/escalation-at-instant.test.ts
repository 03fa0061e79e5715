/**
 * A rung is recorded at its instant, in the workflow task its timer fires in, before anyone asks
 * whom it goes to: held up, the search for its target leaves the rung recorded (pending) with its
 * instant, in the request and in the work store, and the target and the notice follow when it is
 * found. A rung to the supervisor, whom the task names, asks no one. A statutory deadline is
 * recorded the same way, and a rung still being found when its request ends alerts no one. On
 * the time-skipping server, with a worker whose search for a target waits until the test lets it go.
 */
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { EscalationInput } from '../../activities/escalation';
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { newTrackingCode, workflowIdOf } from '../../lib/tracking-code';
import { statusQuery, withdrawUpdate } from '../../workflows/messages';
import { ENGINE_REVISION } from '../../workflows/request-patches';
import type { RequestInput, RequestStatus } from '../../workflows/types';
import { eventually, testCodec } from '../support/harness';
import { startTimeSkipping, type SkippingSystem } from '../support/time-skipping';

const TASK_QUEUE = 'escalation-at-instant';
const HOUR = 3_600_000;

let system: SkippingSystem;
let worker: Worker;
let running: Promise<void>;
const asked: EscalationInput[] = [];
/** Each test holds up the search for a target until it lets it go. */
let letGo: () => void = () => {};
let found = Promise.resolve();
const holdSearches = () => {
  found = new Promise<void>((resolve) => (letGo = resolve));
};

beforeAll(async () => {
  system = await startTimeSkipping();
  const activities = createActivities({ organisation: system.org, store: system.store });
  worker = await Worker.create({
    connection: system.env.nativeConnection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    dataConverter: { payloadCodecs: [testCodec()] },
    workflowBundle: { codePath: process.env.PK_TEST_WORKFLOW_BUNDLE ?? '' },
    activities: {
      ...activities,
      async resolveEscalation(input: EscalationInput) {
        asked.push(input);
        await found;
        return activities.resolveEscalation(input);
      },
    },
  });
  running = worker.run();
});

afterAll(async () => {
  letGo();
  worker?.shutdown();
  await running;
  await system?.stop();
});

const DEFINITION = `id: at-instant
title: { fa: 'ارجاع در لحظه', en: 'Escalated at its instant' }
domain: urban-planning
intake: [office]
clock: continuous
sla: P1D
steps:
  - id: intake
    kind: task
    title: { fa: 'پذیرش', en: 'Intake' }
    assignee: { office: intake }
    sla: PT1H
    escalation:
      ladder:
        - { after: PT0S, to: superior }
        - { after: PT1H, to: supervisor }
  - { id: done, kind: end, result: completed }
`;

/** A one-step request under `definition` at office o-0101, started straight on the workflow. */
async function startRequest(definition: string): Promise<string> {
  const { plan, problems } = compileDefinitionText('at-instant.yaml', definition, system.org);
  if (!plan) throw new Error(problems.map((p) => `${p.path} ${p.message}`).join('\n'));
  const code = newTrackingCode();
  const input: RequestInput = {
    trackingCode: code,
    plan,
    calendar: system.org.calendar,
    district: 'd01',
    channel: 'office',
    intakeOffice: 'o-0101',
    applicant: { name: 'Test applicant' },
    // Started as the API starts them, at the engine's revision.
    engineRevision: ENGINE_REVISION,
    data: {},
  };
  await system.env.client.workflow.start('serviceRequest', {
    taskQueue: TASK_QUEUE,
    workflowId: workflowIdOf(code),
    args: [input],
  });
  return code;
}

/** The request's escalation rows in the work store, once `ready` says they are as expected. */
function escalationRows(code: string, ready: (rows: EscalationRow[]) => boolean): Promise<EscalationRow[]> {
  return eventually(async () => {
    const rows = await system.store.db.query<EscalationRow>(
      'SELECT at, action, to_principal, reason FROM escalations WHERE tracking_code = $1 ORDER BY seq',
      [code],
    );
    return ready(rows) ? rows : undefined;
  });
}

interface EscalationRow {
  at: Date;
  action: string;
  to_principal: string;
  reason: string;
}

function status(code: string): Promise<RequestStatus> {
  return system.env.client.workflow.getHandle(workflowIdOf(code)).query(statusQuery);
}

describe('an escalation recorded at its instant', () => {
  beforeEach(() => {
    holdSearches();
    asked.length = 0;
  });

  test('when a rung falls due and its target takes long to find, then it is recorded at its instant and the target follows', async () => {
    const code = await startRequest(DEFINITION);
    const task = await eventually(async () => (await status(code)).openTasks[0]);
    const supervisor = task.supervisor.principal;

    // Past the deadline: the first rung is recorded, its target still being found.
    await system.env.sleep(Date.parse(task.deadline) + 1000 - (await system.env.currentTimeMs()));
    let now = await eventually(async () => {
      const s = await status(code);
      return s.escalations.length === 1 ? s : undefined;
    });
    expect(now.escalations[0]).toEqual(
      expect.objectContaining({ at: task.deadline, level: 1, action: 'superior', pending: true }),
    );
    expect(now.openTasks[0]).toEqual(expect.objectContaining({ sla: 'breached', escalationLevel: 1 }));
    const pendingRow = await eventually(async () => {
      const [row] = await system.store.db.query<{ at: Date; to_principal: string }>(
        'SELECT at, to_principal FROM escalations WHERE tracking_code = $1',
        [code],
      );
      return row;
    });
    expect(pendingRow.at.toISOString()).toBe(task.deadline);
    expect(pendingRow.to_principal).toBe('');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.alerted).toEqual([]);

    // Found: the target is filled in, the notice goes to it, and the row in the store follows.
    letGo();
    now = await eventually(async () => {
      const s = await status(code);
      return s.escalations[0]?.pending ? undefined : s;
    });
    const target = now.escalations[0]?.to.principal;
    expect(target).toMatch(/^head:/);
    expect(target).not.toBe(supervisor);
    expect(now.escalations[0]?.at).toBe(task.deadline);
    await eventually(async () => {
      const [row] = await system.store.db.query<{ to_principal: string }>(
        'SELECT to_principal FROM escalations WHERE tracking_code = $1',
        [code],
      );
      return row?.to_principal === target ? row : undefined;
    });
    const notices = await eventually(async () => {
      const sent = (await system.notifications()).filter((n) => n.kind === 'sla-breach' && n.to === target);
      return sent.length > 0 ? sent : undefined;
    });
    expect(notices).toHaveLength(1);

    // The next rung, to the supervisor the task names, is recorded with its target at once.
    await system.env.sleep(Date.parse(task.deadline) + HOUR + 1000 - (await system.env.currentTimeMs()));
    now = await eventually(async () => {
      const s = await status(code);
      return s.escalations.length === 2 ? s : undefined;
    });
    expect(now.escalations[1]).toEqual(
      expect.objectContaining({ at: new Date(Date.parse(task.deadline) + HOUR).toISOString(), level: 2 }),
    );
    expect(now.escalations[1]?.to.principal).toBe(supervisor);
    expect(now.escalations[1]?.pending).toBeUndefined();
    expect(asked).toHaveLength(1);
  });

  test('when the statutory deadline passes and the committee takes long to find, then the escalation is recorded at its instant and the committee is told once found', async () => {
    const code = await startRequest(STATUTORY);
    const statutory = await eventually(async () => (await status(code)).deadlines.statutory?.at);
    await system.env.sleep(Date.parse(statutory) + 1000 - (await system.env.currentTimeMs()));
    let now = await eventually(async () => {
      const s = await status(code);
      return s.escalations.length === 1 ? s : undefined;
    });
    expect(now.escalations[0]).toEqual(
      expect.objectContaining({ at: statutory, action: 'steering-committee', pending: true }),
    );
    const [pendingRow] = await escalationRows(code, (rows) => rows.length === 1);
    expect(pendingRow?.at.toISOString()).toBe(statutory);
    expect(pendingRow?.to_principal).toBe('');
    expect(asked.map((input) => input.to)).toEqual(['steering-committee']);

    letGo();
    now = await eventually(async () => {
      const s = await status(code);
      return s.escalations[0]?.pending ? undefined : s;
    });
    const committee = system.org.steeringCommittee().principal;
    expect(now.escalations[0]).toEqual(
      expect.objectContaining({ at: statutory, to: expect.objectContaining({ principal: committee }) }),
    );
    await escalationRows(code, (rows) => rows[0]?.to_principal === committee);
    const notices = await eventually(async () => {
      const sent = (await system.notifications()).filter(
        (n) => n.trackingCode === code && n.kind === 'sla-breach',
      );
      return sent.length > 0 ? sent : undefined;
    });
    expect(notices.map((n) => n.to)).toEqual([committee]);
  });

  test('when the request is withdrawn while a rung is still being found, then the rung says no one was alerted because the request ended, and no notice follows', async () => {
    const code = await startRequest(DEFINITION);
    const task = await eventually(async () => (await status(code)).openTasks[0]);
    await system.env.sleep(Date.parse(task.deadline) + 1000 - (await system.env.currentTimeMs()));
    await eventually(async () => ((await status(code)).escalations[0]?.pending ? true : undefined));

    await system.env.client.workflow
      .getHandle(workflowIdOf(code))
      .executeUpdate(withdrawUpdate, { args: [{ reason: 'no longer needed', actor: 'applicant' }] });
    const ended = await status(code);
    expect(ended.state).toBe('cancelled');
    expect(ended.escalations[0]?.pending).toBeUndefined();
    expect(ended.escalations[0]?.to.title.en).toBe('no one: the request ended');
    expect(ended.escalations[0]?.reason).toMatch(/the request ended \(cancelled\) before it was found$/);
    const [row] = await escalationRows(code, (rows) => /request ended/.test(rows[0]?.reason ?? ''));
    expect(row?.to_principal).toBe('');

    letGo();
    await system.env.sleep(HOUR);
    const breaches = (await system.notifications()).filter(
      (n) => n.trackingCode === code && n.kind === 'sla-breach',
    );
    expect(breaches).toEqual([]);
  });
});

/** A request whose statutory deadline passes with its one task still open, the task's ladder empty. */
const STATUTORY = `id: statutory-at-instant
title: { fa: 'مهلت قانونی در لحظه', en: 'Statutory deadline at its instant' }
domain: urban-planning
intake: [office]
clock: continuous
sla: PT2H
statutoryDeadline: PT3H
steps:
  - id: intake
    kind: task
    title: { fa: 'پذیرش', en: 'Intake' }
    assignee: { office: intake }
    sla: service
    escalation:
      ladder: []
  - { id: done, kind: end, result: completed }
`;
