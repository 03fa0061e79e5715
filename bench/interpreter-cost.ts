/**
 * What the interpreter costs a worker against the same ten-step chain written by hand: worker CPU
 * per request run to its end (each task completed by an update whose answer names the next). The
 * interpreter is weighed with the work store and without it (the store's own cost is
 * `bench/store.ts`'s). Rounds interleave the kinds so the machine's drift falls on all of them;
 * medians of the rounds. The memory a cached request holds is `bench/interpreter-memory.ts`'s.
 *
 * ROUNDS (5), REQUESTS per round and kind (20).
 */
import type { Client } from '@temporalio/client';
import { newTrackingCode, workflowIdOf } from '../lib/tracking-code';
import { completeTaskUpdate } from '../workflows/messages';
import type { RequestInput, RequestSummary } from '../workflows/types';
import { startHandWritten } from './support/hand-written';
import { startRequest } from './support/start-request';
import { completeStep } from './workflows/hand-written-chain';
import { WITHOUT_STORE } from './workflows/without-store';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const REQUESTS = Number(process.env.REQUESTS ?? 20);

type Kind = 'interpreter' | 'interpreter without store' | 'hand-written';
const KINDS: Kind[] = ['interpreter', 'interpreter without store', 'hand-written'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

export async function interpreterCost(
  client: Client,
  taskQueue: string,
  /** A ten-step request of the interpreter, under its tracking code. */
  requestOf: (trackingCode: string) => RequestInput,
) {
  /** Starts a request of a kind; answers how to complete its step n (the first is 0). */
  async function start(kind: Kind): Promise<(step: number) => Promise<void>> {
    if (kind === 'hand-written') {
      const handle = await startHandWritten(client, taskQueue, requestOf('').district);
      return async (step) => {
        await handle.executeUpdate(completeStep, { args: [step] });
      };
    }
    const trackingCode = newTrackingCode();
    let status: RequestSummary = await startRequest(client, taskQueue, requestOf(trackingCode), {
      workflowType: kind === 'interpreter' ? 'serviceRequest' : WITHOUT_STORE,
    });
    const handle = client.workflow.getHandle(workflowIdOf(trackingCode));
    return async () => {
      const open = status.openTasks[0];
      if (!open) throw new Error(`request ${trackingCode} has no open task`);
      status = await handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: open.taskId, outcome: open.outcomes[0]?.id ?? 'done' }],
      });
    };
  }

  const runToEnd = async (kind: Kind) => {
    const complete = await start(kind);
    for (let step = 0; step < 10; step++) await complete(step);
  };

  // CPU: the worker runs in this process, so its CPU is this process's, less nothing the
  // kinds do differently apart from the workflows themselves.
  const cpu = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
  await runToEnd('interpreter');
  await runToEnd('hand-written');
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of KINDS) {
      const before = cpuMs();
      for (let i = 0; i < REQUESTS; i++) await runToEnd(kind);
      cpu.get(kind)?.push((cpuMs() - before) / REQUESTS);
    }
  }

  const base = median(cpu.get('hand-written') ?? []);
  console.log(`worker CPU of a ten-step request: ${ROUNDS} rounds of ${REQUESTS} requests a kind (medians)`);
  console.log(`  ${''.padEnd(28)} ${'CPU/request'.padStart(12)} ${'ratio'.padStart(7)}`);
  for (const kind of KINDS) {
    const ms = median(cpu.get(kind) ?? []);
    console.log(
      `  ${kind.padEnd(28)} ${`${ms.toFixed(1)} ms`.padStart(12)} ${`${(ms / base).toFixed(2)}x`.padStart(7)}`,
    );
  }
}
