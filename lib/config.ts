/**
 * Configuration from the environment, with the embedded single-machine setup as default.
 * Leaving TEMPORAL_ADDRESS unset means "start the embedded Temporal dev server".
 */
import { isAbsolute, join } from 'node:path';
import { repoPath } from './paths';

export interface Config {
  temporal: {
    /** host:port of an existing Temporal frontend; undefined runs the embedded dev server. */
    address: string | undefined;
    namespace: string;
    taskQueue: string;
    /** Ports of the embedded dev server. */
    embeddedPort: number;
    embeddedUiPort: number;
  };
  api: { host: string; port: number };
  dataDir: string;
  servicesDir: string;
  organisationDir: string;
  outboxPath: string;
  /** Where published versions of definitions are kept. */
  publishedDir: string;
  logLevel: string;
  /** History length after which a request continues as new. */
  continueAsNewAfter: number | undefined;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new Error(`${name} must be a port number, got '${value}'`);
  return parsed;
}

const path = (value: string | undefined, fallback: string) =>
  value ? (isAbsolute(value) ? value : repoPath(value)) : repoPath(fallback);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path(env.PISHKHAN_DATA_DIR, 'data');
  return {
    temporal: {
      address: env.TEMPORAL_ADDRESS || undefined,
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.PISHKHAN_TASK_QUEUE || 'pishkhan',
      embeddedPort: int(env.TEMPORAL_PORT, 7233, 'TEMPORAL_PORT'),
      embeddedUiPort: int(env.TEMPORAL_UI_PORT, 8233, 'TEMPORAL_UI_PORT'),
    },
    api: { host: env.HOST || '127.0.0.1', port: int(env.PORT, 3000, 'PORT') },
    dataDir,
    servicesDir: path(env.PISHKHAN_SERVICES_DIR, 'definitions/services'),
    organisationDir: path(env.PISHKHAN_ORGANISATION_DIR, 'definitions/organisation'),
    outboxPath: env.PISHKHAN_OUTBOX ? path(env.PISHKHAN_OUTBOX, '') : join(dataDir, 'outbox.jsonl'),
    publishedDir: env.PISHKHAN_PUBLISHED_DIR
      ? path(env.PISHKHAN_PUBLISHED_DIR, '')
      : join(dataDir, 'published'),
    logLevel: env.LOG_LEVEL || 'info',
    continueAsNewAfter: env.PISHKHAN_CONTINUE_AS_NEW_AFTER
      ? Number(env.PISHKHAN_CONTINUE_AS_NEW_AFTER)
      : undefined,
  };
}
