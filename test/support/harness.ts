/**
 * A whole system for one end-to-end suite, on the shared real Temporal server: a worker on
 * its own task queue, the API on a free port, a fresh outbox. Suites talk to it over HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { Organisation } from '../../lib/organisation/organisation';
import { Outbox } from '../../activities/outbox';
import { startWebServer, stopWebServer, type WebServer } from '../../api/server';
import { loadDomain } from '../../lib/load-domain';
import { createLogger } from '../../lib/logger';
import { repoPath } from '../../lib/paths';
import { connectClient } from '../../lib/temporal/connect';
import { ensureLicenceRegistry } from '../../lib/temporal/licence-registry';
import { createWorker } from '../../worker/create-worker';

export { fixture } from './paths';

export interface HarnessOptions {
  servicesDir?: string;
  organisationDir?: string;
  /** A short history limit, to see requests continue as new. */
  continueAsNewAfter?: number;
}

export interface Harness {
  url: string;
  client: Client;
  taskQueue: string;
  organisation: Organisation;
  outbox: Outbox;
  get(path: string): Promise<ApiResponse>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  stop: () => Promise<void>;
}

export interface ApiResponse {
  status: number;
  contentType: string;
  // Tests read fields freely; the assertions are what type them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

let counter = 0;
let runtimeInstalled = false;

/** Keeps the SDK's logs to warnings; once per process, before any worker or test server. */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const address = process.env.PK_TEST_TEMPORAL_ADDRESS;
  const bundle = process.env.PK_TEST_WORKFLOW_BUNDLE;
  if (!address || !bundle) throw new Error('end-to-end suites need test/support/global-setup.ts');
  installQuietRuntime();
  const taskQueue = `test-${process.pid}-${Date.now()}-${++counter}`;
  const workDir = mkdtempSync(join(process.env.PK_TEST_TMP ?? '/tmp', 'system-'));
  const domain = loadDomain({
    servicesDir: options.servicesDir ?? repoPath('definitions/services'),
    organisationDir: options.organisationDir ?? repoPath('definitions/organisation'),
    publishedDir: join(workDir, 'published'),
  });
  const outbox = new Outbox(join(workDir, 'outbox.jsonl'));

  const nativeConnection = await NativeConnection.connect({ address });
  const { connection, client } = await connectClient(address, 'default');
  const worker: Worker = await createWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: { organisation: domain.organisation, outbox, temporal: { client, taskQueue } },
    workflowBundle: { codePath: bundle },
  });
  const running = worker.run();
  await ensureLicenceRegistry(client, taskQueue, domain.organisation);
  const web: WebServer = await startWebServer(
    {
      client,
      connection,
      namespace: 'default',
      taskQueue,
      catalog: domain.catalog,
      designer: domain.designer,
      ...(options.continueAsNewAfter ? { continueAsNewAfter: options.continueAsNewAfter } : {}),
      organisation: domain.organisation,
      logger: createLogger('silent'),
    },
    0,
  );

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${web.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
  }

  return {
    url: web.url,
    client,
    taskQueue,
    organisation: domain.organisation,
    outbox,
    get: (path) => call('GET', path),
    post: (path, body, headers) => call('POST', path, body, headers),
    async stop() {
      await stopWebServer(web);
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `condition not met within ${timeoutMs} ms${last instanceof Error ? `: ${last.message}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
