/**
 * The worker of the interpreter's memory benchmark, in a process of its own: the interpreter and
 * the hand-written chain on one task queue, with the workflows run in this process's main thread
 * (the SDK's debug mode; the same shared V8 context as its workflow thread) so that a garbage
 * collection here weighs exactly what the cached workflows hold. Answers `memory` messages with
 * the main heap after a full collection, the resident memory, the workflows in its cache and
 * their pending promises.
 */
import { mkdtempSync } from 'node:fs';
import v8 from 'node:v8';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { payloadKeys } from '../../lib/config';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import { connectClient, connectWorker } from '../../lib/temporal/connect';
import { EncryptionCodec } from '../../lib/temporal/payload-codec';
import { openWorkStore } from '../../store/work-store';

export interface CachedMemory {
  heapUsed: number;
  rss: number;
  cached: number;
  /** Promises of the workflows' context made and not settled: the SDK keeps each one's stack. */
  pendingPromises: number;
}

/** Counts the workflows' pending promises (theirs are not this realm's); holds none of them. */
function countPendingWorkflowPromises(): () => number {
  let pending = 0;
  v8.promiseHooks.createHook({
    init: (promise) => {
      if (!(promise instanceof Promise)) pending++;
    },
    settled: (promise) => {
      if (!(promise instanceof Promise)) pending--;
    },
  });
  return () => pending;
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const [address = '', taskQueue = ''] = process.argv.slice(2);
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  const store = await openWorkStore({
    dataDir: mkdtempSync(join(tmpdir(), 'pishkhan-bench-memory-')),
    nationalIdKey: 'bench',
  });
  const pendingPromises = countPendingWorkflowPromises();
  const codec = new EncryptionCodec(payloadKeys(undefined));
  const temporal = await connectClient(address, 'default', codec);
  const worker = await Worker.create({
    connection: await connectWorker(address),
    namespace: 'default',
    taskQueue,
    debugMode: true,
    maxCachedWorkflows: 100_000,
    dataConverter: { payloadCodecs: [codec] },
    workflowsPath: require.resolve('../workflows'),
    activities: createActivities({
      organisation: loadOrganisation(repoPath('test/fixtures/organisation')),
      store,
      temporal: { client: temporal.client, taskQueue },
    }),
  });
  process.on('message', (message) => {
    if (message === 'memory') {
      collect();
      collect();
      const { heapUsed, rss } = process.memoryUsage();
      const answer: CachedMemory = {
        heapUsed,
        rss,
        cached: worker.getStatus().numCachedWorkflows,
        pendingPromises: pendingPromises(),
      };
      process.send?.(answer);
    }
    if (message === 'stop') worker.shutdown();
  });
  const running = worker.run();
  process.send?.('ready');
  await running;
  await temporal.close();
  await store.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
