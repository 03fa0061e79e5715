/**
 * A city's deadlines at one instant. Working-time deadlines fall at the close of business, so
 * every task breached that day breaches at once. K requests whose first task's deadline is the
 * same instant are weighed against K workflows that only sleep until that instant, in rounds
 * that take turns (plain, then requests, on one worker with the product's sizing), and the
 * medians of the rounds are printed side by side.
 *
 * How the deadlines coincide: each request is registered late (`received`), as one taken on
 * paper is; its first task then counts from the receipt, so on the continuous clock its deadline
 * is exactly `receivedAt + SLA`. Every request of a round gets `receivedAt = instant - SLA`.
 *
 * Lateness, measured the same way for both: the time the workflow task that recorded it
 * completed (its WorkflowTaskCompleted event in the history) minus the instant. For a plain
 * workflow, the task after its timer fired, which ends it; for a request, the task after its
 * deadline's timer fired, in which the breach and the rung are recorded in the request's state
 * with the rung's instant as their time (its history holds them from then: a replay, a query,
 * the request's page see them). The work after it, the store's rows, the search attributes, the
 * target and the notice, follows in tasks of its own: "in the store with its notice" is when the
 * last of them completed. The bench checks every escalation reached the store with the instant
 * as its time. Two ladders: a first rung to the supervisor (every ladder of the city's
 * definitions starts so), whose target the request knows; and one to the level above, whose
 * target an activity finds after it is recorded.
 *
 * BURST=1000,10000 sets the sizes, ROUNDS the rounds below 10,000 (one at 10,000 and above),
 * KINDS the kinds (plain,supervisor,superior), REQUEST_STARTS the starts a second the first
 * round of requests plans its instant for (10; each round measures it for the next).
 */
import type { WorkflowClient } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Organisation } from '../lib/organisation/organisation';
import type { ServicePlan } from '../lib/plan/types';
import { newTrackingCode, workflowIdOf } from '../lib/tracking-code';
import { sizeWorker, thisMachine } from '../worker/sizing';
import { compileBenchPlan } from './support/compile-plan';
import { officeRequest, startBenchStack } from './support/stack';
import { startRequest } from './support/start-request';

const SIZES = (process.env.BURST ?? '1000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const TASK_QUEUE = 'bench-deadline-burst';
const SLA_MS = 3_600_000;
const GOAL_RATIO = 1.2;
/** Starts sent at once. */
const STARTING = 16;

type Kind = 'plain' | 'supervisor' | 'superior';
const KINDS: Kind[] = (process.env.KINDS?.split(',') as Kind[] | undefined) ?? [
  'plain',
  'supervisor',
  'superior',
];
const LABEL: Record<Kind, string> = {
  plain: 'plain: sleep until the instant',
  supervisor: 'escalation to the supervisor',
  superior: 'escalation to the level above',
};

function burstPlan(rung: 'supervisor' | 'superior', org: Organisation): ServicePlan {
  const text = `id: burst-${rung}
title: { fa: 'مهلت هم‌زمان', en: 'Deadlines at one instant' }
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
      remindAt: 0.5
      ladder:
        - { after: PT0S, to: ${rung} }
        - { after: PT1H, to: steering-committee }
  - { id: done, kind: end, result: completed }
`;
  return compileBenchPlan('burst.yaml', text, org);
}

interface Round {
  /** Lateness in ms of each recording, and of each last notification. */
  recorded: number[];
  lastNotice: number[];
  /** Where the time went: when each timer fired, and when its task reached the worker. */
  fired: number[];
  started: number[];
  /** Workflow tasks each workflow completed from its timer on, and those that timed out waiting. */
  tasks: number[];
  timedOut: number[];
}

const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over the items, `width` at a time. */
async function eachOf<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

const timeOf = (event: temporal.api.history.v1.IHistoryEvent) =>
  Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);

const { EventType } = temporal.api.enums.v1;

/** A workflow whose first task ran after the instant: the round is run again, further ahead. */
class StartedLate extends Error {
  constructor(workflowId: string) {
    super(`${workflowId} set no timer before the instant`);
  }
}

/** The recording's and the last task's completion, from a workflow's history, in ms after the instant. */
async function latenessOf(
  client: WorkflowClient,
  workflowId: string,
  instantMs: number,
): Promise<{
  recorded: number;
  last: number;
  fired: number;
  started: number;
  tasks: number;
  timedOut: number;
}> {
  const events = (await client.getHandle(workflowId).fetchHistory()).events ?? [];
  const fired = events.findIndex(
    (e) => e.eventType === EventType.EVENT_TYPE_TIMER_FIRED && timeOf(e) >= instantMs - 1000,
  );
  if (fired < 0) throw new StartedLate(workflowId);
  const completed = events.findIndex(
    (e, i) => i > fired && e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  );
  const recording = events[completed];
  if (!recording) throw new Error(`${workflowId}: no workflow task completed after the timer`);
  const started = events
    .slice(fired + 1, completed)
    .filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
    .at(-1);
  const completions = events.filter(
    (e, i) => i > fired && e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  );
  const last = completions.at(-1) ?? recording;
  return {
    recorded: timeOf(recording) - instantMs,
    last: timeOf(last) - instantMs,
    fired: timeOf(events[fired] ?? recording) - instantMs,
    started: timeOf(started ?? recording) - instantMs,
    tasks: completions.length,
    timedOut: events.filter(
      (e, i) => i > fired && e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
    ).length,
  };
}

async function main() {
  const sizing = sizeWorker(thisMachine());
  const stack = await startBenchStack(TASK_QUEUE, {
    workflowsPath: require.resolve('./workflows'),
    sizing,
  });
  const { store, org, client } = stack;
  const plans = { supervisor: burstPlan('supervisor', org), superior: burstPlan('superior', org) };
  /**
   * Starts a second, as last measured, of plain workflows and of requests (both ladders start
   * alike): how far ahead the next instant must be.
   */
  const startsPerSecond = { plain: 50, request: Number(process.env.REQUEST_STARTS ?? 10) };
  const starting = (kind: Kind) => (kind === 'plain' ? 'plain' : 'request');

  /** One round: K workflows of a kind due at one instant; answers each one's lateness. */
  async function round(kind: Kind, k: number): Promise<Round> {
    for (;;) {
      const began = Date.now();
      // Started, and their first task run, before the instant: twice the time starting took last.
      const leadMs = (k / startsPerSecond[starting(kind)]) * 2000 + 15_000;
      const instantMs = Math.ceil((began + leadMs) / 1000) * 1000;
      const instant = new Date(instantMs).toISOString();
      const codes = Array.from({ length: k }, () => newTrackingCode());
      await eachOf(codes, STARTING, async (code) => {
        if (kind === 'plain') {
          await client.workflow.start('sleepUntil', {
            taskQueue: TASK_QUEUE,
            workflowId: `plain-${code}`,
            args: [instant],
          });
          return;
        }
        const input = {
          ...officeRequest(code, plans[kind], org),
          received: {
            receivedAt: new Date(instantMs - SLA_MS).toISOString(),
            reason: 'bench: registered late so every deadline falls at one instant',
            by: 'bench',
          },
        };
        for (let attempt = 1; ; attempt++) {
          try {
            await startRequest(client, TASK_QUEUE, input, { conflictPolicy: 'USE_EXISTING' });
            return;
          } catch (error) {
            // A server slow under the load refuses now and then; the round's check that every
            // timer was set before the instant still holds for a request started on a retry.
            if (attempt >= 5) throw error;
            await sleepMs(1000 * attempt);
          }
        }
      });
      const setupMs = Date.now() - began;
      startsPerSecond[starting(kind)] = (k / setupMs) * 1000;
      if (Date.now() > instantMs - 3000) {
        console.log(
          `  (a round of ${k} took ${(setupMs / 1000).toFixed(0)} s to start, past its instant: again)`,
        );
        continue;
      }
      await sleepMs(instantMs - Date.now());
      // Settled: every request recorded its escalation and its notice.
      const ids = codes.map((code) => (kind === 'plain' ? `plain-${code}` : workflowIdOf(code)));
      if (kind !== 'plain') {
        for (;;) {
          const [row] = await store.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM notifications WHERE tracking_code = ANY($1) AND kind = 'sla-breach'`,
            [codes],
          );
          if ((row?.n ?? 0) >= k) break;
          await sleepMs(500);
        }
        const [atInstant] = await store.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM escalations WHERE tracking_code = ANY($1) AND at = $2::timestamptz`,
          [codes, instant],
        );
        if (atInstant?.n !== k)
          console.log(`  (only ${atInstant?.n ?? 0} of ${k} escalations carry their rung's instant)`);
        // The task that wrote the last rows completes just after them.
        await sleepMs(3000);
      } else {
        await eachOf(ids, STARTING, async (id) => {
          await client.workflow.getHandle(id).result();
        });
      }
      const result: Round = { recorded: [], lastNotice: [], fired: [], started: [], tasks: [], timedOut: [] };
      try {
        await eachOf(ids, STARTING, async (id) => {
          const lateness = await latenessOf(client.workflow, id, instantMs);
          result.recorded.push(lateness.recorded);
          result.lastNotice.push(lateness.last);
          result.fired.push(lateness.fired);
          result.started.push(lateness.started);
          result.tasks.push(lateness.tasks);
          result.timedOut.push(lateness.timedOut);
        });
      } catch (error) {
        if (!(error instanceof StartedLate)) throw error;
        console.log(`  (${error.message}: the round of ${k} runs again, further ahead)`);
        startsPerSecond[starting(kind)] /= 2;
        continue;
      }
      if (kind !== 'plain') {
        // Out of the way of the next round: its requests end here.
        await eachOf(ids, STARTING, async (id) => {
          await client.workflow.getHandle(id).terminate('bench: round over');
        });
      }
      return result;
    }
  }

  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  };
  const median = (values: number[]) => quantile(values, 0.5);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

  console.log(
    `\nDeadlines at one instant: requests' escalations against workflows sleeping until it` +
      `\n  one worker, sized as the product sizes it: ${sizing.maxCachedWorkflows} cached, ` +
      `${sizing.maxConcurrentWorkflowTaskExecutions} workflow tasks, ${sizing.maxConcurrentActivityTaskExecutions} activities, ` +
      `${sizing.maxConcurrentLocalActivityExecutions} local activities at once, ` +
      `a ${(sizing.workflowHeapBytes / 2 ** 30).toFixed(1)} GiB heap for the workflows`,
  );
  try {
    for (const k of SIZES) {
      const rounds = k >= 10_000 ? 1 : ROUNDS;
      const results: Record<Kind, Round[]> = { plain: [], supervisor: [], superior: [] };
      for (let r = 0; r < rounds; r++) {
        for (const kind of KINDS) {
          const result = await round(kind, k);
          results[kind].push(result);
          // Each round as it ends: a long run stopped midway keeps what it measured.
          console.log(
            `  (round ${r + 1} of K = ${k}, ${kind}: recorded late p50 ${s(quantile(result.recorded, 0.5))}, ` +
              `p99 ${s(quantile(result.recorded, 0.99))}; last notice ${s(Math.max(...result.lastNotice))}; ` +
              `timer fired p50 ${s(quantile(result.fired, 0.5))}, p99 ${s(quantile(result.fired, 0.99))}; ` +
              `its task reached the worker p50 ${s(quantile(result.started, 0.5))}, p99 ${s(quantile(result.started, 0.99))}; ` +
              `${(result.tasks.reduce((a, b) => a + b, 0) / result.tasks.length).toFixed(1)} workflow tasks each from the timer on, ` +
              `${result.timedOut.reduce((a, b) => a + b, 0)} timed out before a worker took them)`,
          );
        }
      }
      const figures = (kind: Kind) => {
        const of = (pick: (round: Round) => number) => median(results[kind].map(pick));
        return {
          p50: of((x) => quantile(x.recorded, 0.5)),
          p99: of((x) => quantile(x.recorded, 0.99)),
          noticeP50: of((x) => quantile(x.lastNotice, 0.5)),
          noticeP99: of((x) => quantile(x.lastNotice, 0.99)),
          lastNotice: of((x) => Math.max(...x.lastNotice)),
        };
      };
      const plain = figures('plain');
      console.log(`\n  K = ${k.toLocaleString('en')} at one instant, medians of ${rounds} round(s)`);
      console.log(
        `  ${'what'.padEnd(34)}${'recorded late p50 / p99'.padEnd(28)}${'in the store with its notice p50 / p99 / last'.padEnd(48)}p99 vs plain`,
      );
      for (const kind of KINDS) {
        const f = figures(kind);
        const notices = kind === 'plain' ? '' : `${s(f.noticeP50)} / ${s(f.noticeP99)} / ${s(f.lastNotice)}`;
        const ratio = `${(f.p99 / plain.p99).toFixed(2)}x${kind === 'plain' ? '' : ` (goal <= ${GOAL_RATIO}x)`}`;
        console.log(
          `  ${LABEL[kind].padEnd(34)}${`${s(f.p50)} / ${s(f.p99)}`.padEnd(28)}${notices.padEnd(48)}${ratio}`,
        );
      }
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
