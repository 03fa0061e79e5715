/**
 * A worker process of its own for the store's cost benchmark, so its CPU is measured apart from
 * the driver's: the engine's workflows and activities, the store on the benchmark's PostgreSQL.
 * With `discard`, the store's write does nothing: what is left is what Temporal charges for a
 * local activity per change. Answers `cpu` messages with its CPU time used so far (microseconds).
 */
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import { connectWorker } from '../../lib/temporal/connect';
import { openWorkStore } from '../../store/work-store';

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const [address = '', taskQueue = '', url = '', schema = '', mode] = process.argv.slice(2);
  const store = await openWorkStore({ url, schema, nationalIdKey: 'bench' });
  const worker = await Worker.create({
    connection: await connectWorker(address),
    namespace: 'default',
    taskQueue,
    workflowsPath: require.resolve('../workflows'),
    activities: {
      ...createActivities({ organisation: loadOrganisation(repoPath('test/fixtures/organisation')), store }),
      ...(mode === 'discard' ? { recordWork: async () => {} } : {}),
    },
  });
  process.on('message', (message) => {
    if (message === 'cpu') {
      const used = process.cpuUsage();
      process.send?.({ cpu: used.user + used.system });
    }
    if (message === 'stop') worker.shutdown();
  });
  await worker.run();
  await store.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
