/**
 * The work store: one PostgreSQL database (a server, or embedded) holding the city's work as the
 * workflows report it. Opening it applies the migrations not yet applied.
 */
import { openDatabase, type Database, type DatabaseOptions } from './database';
import { migrate } from './migrate';
import type { DeliveryPlanner } from './notification-delivery';
import { WorkWriter } from './work-writer';

export interface WorkStoreOptions extends DatabaseOptions {
  /** Keys the hash of national ids; every process of a deployment needs the same. */
  nationalIdKey: string;
  deliveries?: DeliveryPlanner;
}

export interface WorkStore {
  db: Database;
  writer: WorkWriter;
  nationalIdKey: string;
  close(): Promise<void>;
}

export async function openWorkStore(options: WorkStoreOptions): Promise<WorkStore> {
  const db = await openDatabase(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    db,
    writer: new WorkWriter(db, options.nationalIdKey, options.deliveries),
    nationalIdKey: options.nationalIdKey,
    close: () => db.close(),
  };
}
