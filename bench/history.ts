/**
 * How long the histories of requests grow, on a real Temporal dev server: the events each kind
 * of step adds, and a ten-step request run by the interpreter against the same chain written
 * by hand as a plain workflow. History length is what continue-as-new and replay pay for. Then
 * what each costs the worker in CPU (`interpreter-cost.ts`) and in memory (`interpreter-memory.ts`).
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import { repoPath } from '../lib/paths';
import type { ServicePlan } from '../lib/plan/types';
import { TEMPORAL_CLI } from '../lib/temporal/dev-server';
import { sealedClient } from '../lib/temporal/connect';
import { ensureSearchAttributes } from '../lib/temporal/ensure-search-attributes';
import { EncryptionCodec } from '../lib/temporal/payload-codec';
import { payloadKeys } from '../lib/config';
import { newTrackingCode, workflowIdOf } from '../lib/tracking-code';
import { openWorkStore } from '../store/work-store';
import { completeTaskUpdate } from '../workflows/messages';
import { interpreterCost } from './interpreter-cost';
import { interpreterMemory } from './interpreter-memory';
import { compileBenchPlan } from './support/compile-plan';
import { HAND_WRITTEN_STEPS, startHandWritten } from './support/hand-written';
import { officeRequest } from './support/stack';
import { startRequest } from './support/start-request';
import { completeStep } from './workflows/hand-written-chain';
import { WITHOUT_STORE } from './workflows/without-store';

const org = loadOrganisation(repoPath('test/fixtures/organisation'));
const TASK_QUEUE = 'history-bench';

const header = `id: bench
title: { fa: 'سنجش', en: 'Bench' }
domain: urban-planning
intake: [office]
sla: P30D
fees:
  - { id: fee, title: { fa: 'هزینه', en: 'Fee' }, amount: 1000 }
`;
const task = (id: string) =>
  `  - { id: ${id}, kind: task, title: { fa: ${id}, en: ${id} }, assignee: { department: urban-planning }, sla: P1D }\n`;
const END = '  - { id: done, kind: end, result: completed }\n';

/** One service per kind of step: the kind alone between the start and the end. */
const KINDS: Record<string, string> = {
  'none (start and end)': '',
  task: task('work'),
  inquiry:
    '  - { id: ask, kind: inquiry, title: { fa: ا, en: Ask }, agency: land-registry, sla: P5D, outcomes: { yes: { title: { fa: ب, en: Yes } } } }\n',
  payment: '  - { id: pay, kind: payment, title: { fa: پ, en: Pay }, fee: fee, sla: P1D }\n',
  branch: '  - { id: route, kind: branch, cases: [{ when: "1 > 2", next: done }], default: done }\n',
  automatic:
    "  - { id: auto, kind: automatic, title: { fa: خ, en: Auto }, action: compute, with: { set: { x: '1 + 1' } } }\n",
  notify:
    "  - { id: tell, kind: notify, to: [{ applicant: true }], message: { fa: 'پیام', en: 'Message' } }\n",
  'parallel (two tasks)': `  - id: both\n    kind: parallel\n    title: { fa: پ, en: Both }\n    branches:\n      - { id: a, steps: [{ id: a1, kind: task, title: { fa: a, en: a }, assignee: { department: urban-planning }, sla: P1D }] }\n      - { id: b, steps: [{ id: b1, kind: task, title: { fa: b, en: b }, assignee: { department: urban-planning }, sla: P1D }] }\n`,
};

function plan(steps: string, fees: boolean): ServicePlan {
  const text = `${fees ? header : header.replace(/fees:\n.*\n/, '')}steps:\n${steps}${END}`;
  return compileBenchPlan('bench.yaml', text, org);
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI }, ip: '127.0.0.1' },
  });
  await ensureSearchAttributes(env.connection, 'default');
  const store = await openWorkStore({ nationalIdKey: 'bench' });
  // The interpreter and the hand-written chain, on one worker with the engine's activities.
  const benchWorker = await Worker.create({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    workflowsPath: require.resolve('./workflows'),
    activities: createActivities({ organisation: org, store }),
  });
  const running = benchWorker.run();
  // The request's updates are sealed as the API's are, or its validators refuse them.
  const client = sealedClient(env.connection, 'default', new EncryptionCodec(payloadKeys(undefined)));

  /**
   * Runs a request to its end as the API does: started with an update answered once its first
   * tasks are open, each open task completed by an update answered with the next. Answers its
   * history length.
   */
  async function runRequest(servicePlan: ServicePlan, workflowType = 'serviceRequest'): Promise<number> {
    const trackingCode = newTrackingCode();
    let status = await startRequest(client, TASK_QUEUE, officeRequest(trackingCode, servicePlan, org), {
      workflowType,
    });
    const handle = client.workflow.getHandle(workflowIdOf(trackingCode));
    for (let open = status.openTasks[0]; status.state === 'active' && open; open = status.openTasks[0]) {
      status = await handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            taskId: open.taskId,
            outcome: open.outcomes[0]?.id ?? 'done',
            ...(open.kind === 'payment' ? { data: { receipt: 'R' } } : {}),
          },
        ],
      });
    }
    await handle.result();
    return (await handle.fetchHistory()).events?.length ?? 0;
  }

  const baseline = await runRequest(plan('', false));
  console.log('history events each kind of step adds (a request with only that step, less one with none)');
  for (const [kind, steps] of Object.entries(KINDS)) {
    const events = kind.startsWith('none') ? baseline : await runRequest(plan(steps, kind === 'payment'));
    console.log(
      `  ${kind.padEnd(24)} ${String(kind.startsWith('none') ? events : events - baseline).padStart(4)} events${kind.startsWith('none') ? ' in all' : ''}`,
    );
  }

  const ten = Array.from({ length: HAND_WRITTEN_STEPS }, (_, i) => task(`step-${i + 1}`)).join('');
  const interpreted = await runRequest(plan(ten, false));
  const withoutStore = await runRequest(plan(ten, false), WITHOUT_STORE);
  const handle = await startHandWritten(client, TASK_QUEUE, 'd01');
  for (let step = 0; step < HAND_WRITTEN_STEPS; step++)
    await handle.executeUpdate(completeStep, { args: [step] });
  await handle.result();
  const handWritten = (await handle.fetchHistory()).events?.length ?? 0;
  // The hand-written chain writes no work store: the interpreter is weighed against it without
  // its store too, and with it beside (each write of the store is one marker in the history).
  const line = (name: string, events: number) =>
    console.log(
      `  ${name.padEnd(28)} ${String(events).padStart(4)} events (${(events / 10).toFixed(1)} per step) ${`${(events / handWritten).toFixed(2)}x`.padStart(6)}`,
    );
  console.log('a ten-step request (ten department tasks, each completed by an update)');
  line('hand-written workflow', handWritten);
  line('interpreter without store', withoutStore);
  line('interpreter', interpreted);
  console.log(`  goal: the interpreter without its store <= 1.0x the hand-written chain's events`);

  const tenSteps = (trackingCode: string) => officeRequest(trackingCode, plan(ten, false), org);
  await interpreterCost(client, TASK_QUEUE, tenSteps);
  await interpreterMemory(client, env.address, tenSteps);

  benchWorker.shutdown();
  await running;
  await env.teardown();
}

main().catch((error: unknown) => {
  console.error(error);
  // The server and worker would keep the process alive.
  process.exit(1);
});
