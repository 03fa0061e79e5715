/**
 * What a request held in a worker's cache weighs, the interpreter's (with its work store and
 * without, as the chain written by hand has none) against the same ten-step chain written by
 * hand: CACHED requests of each kind left at their first task in a worker of its own process
 * (bench/interpreter-memory/worker-process.ts), its heap weighed after a full collection before
 * and after each kind. The resident memory is printed beside it: it also holds what the SDK's
 * core keeps of each run, but moves with the allocator and is approximate.
 *
 * CACHED requests per kind (400).
 */
import { fork } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { repoPath } from '../lib/paths';
import { newTrackingCode } from '../lib/tracking-code';
import type { RequestInput } from '../workflows/types';
import type { CachedMemory } from './interpreter-memory/worker-process';
import { startHandWritten } from './support/hand-written';
import { startRequest } from './support/start-request';
import { WITHOUT_STORE } from './workflows/without-store';

const CACHED = Number(process.env.CACHED ?? 400);
const TASK_QUEUE = 'bench-interpreter-memory';
const GOAL_RATIO = 1.2;

const KINDS = ['hand-written', 'interpreter without store', 'interpreter'] as const;
type Kind = (typeof KINDS)[number];

export async function interpreterMemory(
  client: Client,
  address: string,
  /** A ten-step request of the interpreter, under its tracking code. */
  requestOf: (trackingCode: string) => RequestInput,
): Promise<void> {
  const child = fork(repoPath('bench/interpreter-memory/worker-process.ts'), [address, TASK_QUEUE], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the memory worker exited with ${code}`))),
  );
  const answer = <T>() =>
    Promise.race([
      new Promise<T>((resolve) => child.once('message', (message: T) => resolve(message))),
      exited,
    ]);
  const memory = () => {
    const measured = answer<CachedMemory>();
    child.send('memory');
    return measured;
  };

  const start: Record<Kind, () => Promise<unknown>> = {
    'hand-written': () => startHandWritten(client, TASK_QUEUE, 'd01'),
    // Answered once the first task is open: the request waits in the cache as a clerk finds it.
    'interpreter without store': () =>
      startRequest(client, TASK_QUEUE, requestOf(newTrackingCode()), {
        workflowType: WITHOUT_STORE,
      }),
    interpreter: () => startRequest(client, TASK_QUEUE, requestOf(newTrackingCode())),
  };
  /** The worker's memory once its cache holds `cached` and has stopped changing. */
  const settled = async (cached: number) => {
    for (let last: CachedMemory | undefined; ;) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const now = await memory();
      if (now.cached >= cached && now.cached === last?.cached) return now;
      last = now;
    }
  };

  try {
    await answer<string>();
    // One of each first: the modules and the caches every workflow shares are loaded before weighing.
    for (const kind of KINDS) await start[kind]();
    let cached = KINDS.length;
    const perRequest = new Map<Kind, { heap: number; rss: number; promises: number }>();
    for (const kind of KINDS) {
      const before = await settled(cached);
      for (let i = 0; i < CACHED; i += 20)
        await Promise.all(Array.from({ length: Math.min(20, CACHED - i) }, () => start[kind]()));
      cached += CACHED;
      const after = await settled(cached);
      const count = after.cached - before.cached;
      perRequest.set(kind, {
        heap: (after.heapUsed - before.heapUsed) / count / 1024,
        rss: (after.rss - before.rss) / count / 1024,
        promises: (after.pendingPromises - before.pendingPromises) / count,
      });
    }
    const base = perRequest.get('hand-written') ?? { heap: NaN, rss: NaN, promises: NaN };
    // Pending promises are printed beside the memory: the SDK keeps each one's stack (source-mapped
    // text and frames) for its stack-trace query, a large part of what a cached request weighs.
    console.log(`memory a cached request holds: ${CACHED} requests a kind at their first task, one worker`);
    console.log(
      `  ${''.padEnd(28)} ${'KiB of heap'.padStart(12)} ${'ratio'.padStart(7)} ${'KiB resident'.padStart(13)} ${'ratio'.padStart(7)} ${'promises pending'.padStart(17)} ${'ratio'.padStart(7)}`,
    );
    const ratio = (value: number, of: number) => `${(value / of).toFixed(2)}x`.padStart(7);
    for (const [kind, { heap, rss, promises }] of perRequest)
      console.log(
        `  ${kind.padEnd(28)} ${heap.toFixed(0).padStart(12)} ${ratio(heap, base.heap)} ${rss.toFixed(0).padStart(13)} ${ratio(rss, base.rss)} ${promises.toFixed(0).padStart(17)} ${ratio(promises, base.promises)}`,
      );
    console.log(
      `  goal: the interpreter's heap without its store <= ${GOAL_RATIO}x the hand-written chain's`,
    );
  } finally {
    child.send('stop');
    await exited.catch(() => undefined);
  }
}
