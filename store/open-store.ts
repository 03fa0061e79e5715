/**
 * Opens the work store a process is configured for: the PostgreSQL server of DATABASE_URL, which
 * any number of processes share, or the embedded database in the data directory, which belongs
 * to the one process that opened it (`npm start` runs the worker and the API in one process).
 */
import type { StoreConfig } from '../lib/config';
import { openWorkStore, type WorkStore } from './work-store';
import type { DeliveryPlanner } from './notification-delivery';

export async function openConfiguredStore(
  config: StoreConfig,
  options: { deliveries?: DeliveryPlanner; standalone?: string } = {},
): Promise<WorkStore> {
  if (!config.url && options.standalone)
    throw new Error(
      `${options.standalone} runs as its own process and needs a shared database: set DATABASE_URL to a PostgreSQL server (the embedded one belongs to \`npm start\`).`,
    );
  return openWorkStore({
    url: config.url,
    dataDir: config.dataDir,
    schema: config.schema,
    nationalIdKey: config.nationalIdKey,
    ...(options.deliveries ? { deliveries: options.deliveries } : {}),
  });
}
