/**
 * The worker of the memory benchmark, in a process of its own so its memory is its alone: the
 * engine's worker as `npm run worker` builds it (createWorker, sized by worker/sizing.ts from
 * this machine and the PISHKHAN_WORKER_* settings), with the store on the benchmark's
 * PostgreSQL. Answers `memory` messages with its resident memory, its main heap and the
 * requests in its cache.
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig, payloadKeys } from '../../lib/config';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import { connectClient, connectWorker } from '../../lib/temporal/connect';
import { EncryptionCodec } from '../../lib/temporal/payload-codec';
import { openWorkStore } from '../../store/work-store';
import { createWorker } from '../../worker/create-worker';
import { sizeWorker, thisMachine } from '../../worker/sizing';

export interface WorkerMemory {
  rss: number;
  heapUsed: number;
  cached: number;
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const [address = '', taskQueue = '', url = '', schema = ''] = process.argv.slice(2);
  const store = await openWorkStore({ url, schema, nationalIdKey: 'bench' });
  const codec = new EncryptionCodec(payloadKeys(undefined));
  const temporal = await connectClient(address, 'default', codec);
  const sizing = sizeWorker(thisMachine(), loadConfig().worker);
  const worker = await createWorker({
    connection: await connectWorker(address),
    namespace: 'default',
    taskQueue,
    codec,
    sizing,
    deps: {
      organisation: loadOrganisation(repoPath('definitions/organisation')),
      store,
      temporal: { client: temporal.client, taskQueue },
    },
  });
  process.on('message', (message) => {
    if (message === 'memory') {
      // The main thread's garbage collected first, so its heap is what it holds.
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      const answer: WorkerMemory = { rss, heapUsed, cached: worker.getStatus().numCachedWorkflows };
      process.send?.(answer);
    }
    if (message === 'stop') worker.shutdown();
  });
  const running = worker.run();
  process.send?.({ ready: sizing });
  await running;
  await temporal.close();
  await store.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
