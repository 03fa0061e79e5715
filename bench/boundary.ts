/**
 * What the API costs on top of Temporal, on a real dev server with one worker: requests started
 * through `POST /api/requests` (checked, started with their first task open, audited) against a
 * bare `client.workflow.start` of the same workflow, and a task completed through
 * `POST /api/tasks/{id}/complete` against a bare update. The API's start waits for the first
 * task (update-with-start), which a bare start does not: the same call made bare is the second
 * measure of what the API adds to it. Rounds interleave the two sides so the
 * machine's drift falls on both; medians of the rounds.
 *
 * ROUNDS (5), STARTS per round and side (40), CONCURRENCY of the starts (8), ACTIONS per round
 * and side (20).
 */
import type { Claims } from '../api/auth/claims';
import { mintToken } from '../api/auth/tokens';
import { startWebServer, stopWebServer } from '../api/server';
import { createLogger } from '../lib/logger';
import { newTrackingCode, workflowIdOf } from '../lib/tracking-code';
import { completeTaskUpdate, statusQuery } from '../workflows/messages';
import { officeRequest, PLAIN, startBenchStack } from './support/stack';
import { startRequest } from './support/start-request';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const STARTS = Number(process.env.STARTS ?? 40);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const ACTIONS = Number(process.env.ACTIONS ?? 20);
const TASK_QUEUE = 'bench-boundary';
const AUTH = {
  secret: 'bench-signing-key-of-at-least-thirty-two-characters',
  developmentKey: false,
  issuer: 'pishkhan',
  audience: 'pishkhan-api',
  rateLimitPerMinute: 10_000_000,
};
const CLERK: Claims = { sub: 'bench-clerk', role: 'office', office: 'o-1' };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Runs `count` calls, `concurrency` at a time; answers the calls per second and each call's time. */
async function load(count: number, concurrency: number, call: () => Promise<void>) {
  const times: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const at = performance.now();
        await call();
        times.push(performance.now() - at);
      }
    }),
  );
  return { perSecond: count / ((performance.now() - began) / 1000), p50: median(times) };
}

async function main() {
  const stack = await startBenchStack(TASK_QUEUE);
  const { env, store, domain, org, client } = stack;
  const web = await startWebServer(
    {
      client,
      connection: env.connection,
      namespace: 'default',
      taskQueue: TASK_QUEUE,
      catalog: domain.catalog,
      designer: domain.designer,
      organisation: org,
      logger: createLogger('silent'),
      auth: AUTH,
      http: { corsOrigins: [], codecOrigins: [], metricsToken: undefined },
      codec: PLAIN,
      store,
    },
    0,
  );
  const token = await mintToken(AUTH, CLERK);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const plan = domain.catalog.latest('quick-permit');
  if (!plan) throw new Error('the fixture service quick-permit is not published');
  const body = {
    serviceId: 'quick-permit',
    district: 'd01',
    intakeOffice: 'o-1',
    applicant: { name: 'Bench' },
    data: {},
  };

  /** Requests started through the API, whose first task the actions complete. */
  const apiStarted: string[] = [];
  const bareStarted: string[] = [];
  const apiStart = async () => {
    const answer = await fetch(`${web.url}/api/requests`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (answer.status !== 201) throw new Error(`start answered ${answer.status}: ${await answer.text()}`);
    apiStarted.push(((await answer.json()) as { trackingCode: string }).trackingCode);
  };
  const inputOf = (trackingCode: string) => officeRequest(trackingCode, plan, org);
  const bareStart = async () => {
    const trackingCode = newTrackingCode();
    await client.workflow.start('serviceRequest', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowIdOf(trackingCode),
      args: [inputOf(trackingCode)],
    });
    bareStarted.push(trackingCode);
  };
  /** The call the API makes underneath: the start and an update that waits for the first task. */
  const bareStartWithTask = async () => {
    await startRequest(client, TASK_QUEUE, inputOf(newTrackingCode()));
  };
  /** The open task of a request, as the worker opened it. */
  const firstTask = async (code: string) => {
    for (;;) {
      const status = await client.workflow.getHandle(workflowIdOf(code)).query(statusQuery);
      const task = status.openTasks[0];
      if (task) return task.taskId;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const apiAction = async (taskId: string) => {
    const answer = await fetch(`${web.url}/api/tasks/${taskId}/complete`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ outcome: 'done' }),
    });
    if (answer.status !== 200)
      throw new Error(`completion answered ${answer.status}: ${await answer.text()}`);
  };
  const bareAction = async (taskId: string) => {
    const code = taskId.split('-')[0] ?? '';
    await client.workflow
      .getHandle(workflowIdOf(code))
      .executeUpdate(completeTaskUpdate, { args: [{ taskId, outcome: 'done' }] });
  };

  const figures: Record<'api' | 'bare' | 'withTask', { perSecond: number[]; p50: number[] }> = {
    api: { perSecond: [], p50: [] },
    bare: { perSecond: [], p50: [] },
    withTask: { perSecond: [], p50: [] },
  };
  const starters = { api: apiStart, bare: bareStart, withTask: bareStartWithTask };
  const actions = { api: [] as number[], bare: [] as number[] };
  try {
    // Warm-up: the worker's cache, the API's first calls.
    await load(10, 4, apiStart);
    await load(10, 4, bareStart);
    apiStarted.length = 0;
    bareStarted.length = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const sides = ['api', 'bare', 'withTask'] as const;
      for (let i = 0; i < sides.length; i++) {
        const side = sides[(i + round) % sides.length] ?? 'api';
        const { perSecond, p50 } = await load(STARTS, CONCURRENCY, starters[side]);
        figures[side].perSecond.push(perSecond);
        figures[side].p50.push(p50);
      }
      // Actions, one at a time, on tasks both sides' requests have open.
      const apiTasks = await Promise.all(apiStarted.splice(0, ACTIONS).map(firstTask));
      const bareTasks = await Promise.all(bareStarted.splice(0, ACTIONS).map(firstTask));
      for (let i = 0; i < Math.min(apiTasks.length, bareTasks.length); i++) {
        for (const side of i % 2 === 0 ? (['api', 'bare'] as const) : (['bare', 'api'] as const)) {
          const taskId = (side === 'api' ? apiTasks[i] : bareTasks[i]) ?? '';
          const at = performance.now();
          await (side === 'api' ? apiAction(taskId) : bareAction(taskId));
          actions[side].push(performance.now() - at);
        }
      }
    }
  } finally {
    await stopWebServer(web);
    await stack.stop();
  }

  const row = (name: string, api: number, bare: number, unit: string, goal: string) =>
    console.log(
      `${name.padEnd(34)} ${`${api.toFixed(1)} ${unit}`.padStart(14)} ${`${bare.toFixed(1)} ${unit}`.padStart(14)} ${`${(api / bare).toFixed(2)}x`.padStart(8)}  ${goal}`,
    );
  console.log(
    `\nThe API against bare Temporal: ${ROUNDS} rounds of ${STARTS} starts (${CONCURRENCY} at a time) and ${ACTIONS} actions a side, medians`,
  );
  console.log(`${''.padEnd(34)} ${'API'.padStart(14)} ${'bare'.padStart(14)} ${'ratio'.padStart(8)}  goal`);
  const { api, bare, withTask } = figures;
  row('starts a second, vs a bare start', median(api.perSecond), median(bare.perSecond), '/s', '>= 0.90x');
  row('a start, p50, vs a bare start', median(api.p50), median(bare.p50), 'ms', '');
  row('starts a second, vs with first task', median(api.perSecond), median(withTask.perSecond), '/s', '');
  row('a start, p50, vs with first task', median(api.p50), median(withTask.p50), 'ms', '');
  row('a completion, p50', median(actions.api), median(actions.bare), 'ms', '<= 1.20x');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
