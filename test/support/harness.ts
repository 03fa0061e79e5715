/**
 * A whole system for one end-to-end suite, on the shared real Temporal server: a worker on
 * its own task queue, the API on a free port, a fresh work store. Suites talk to it over HTTP.
 */
import type { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { Organisation } from '../../lib/organisation/organisation';
import { startWebServer, stopWebServer, type WebServer } from '../../api/server';
import type { Claims } from '../../api/auth/claims';
import { mintToken } from '../../api/auth/tokens';
import { claimsOfHolder, staffClaimsFor } from '../../api/auth/staff-claims';
import { createHash } from 'node:crypto';
import {
  payloadKeys,
  type AuthConfig,
  type HttpConfig,
  type OidcConfig,
  type PayloadKeyConfig,
} from '../../lib/config';
import type { PublishedCatalog } from '../../lib/definitions/published-catalog';
import { loadDomain } from '../../lib/load-domain';
import { createLogger } from '../../lib/logger';
import { repoPath } from '../../lib/paths';
import { connectClient } from '../../lib/temporal/connect';
import { EncryptionCodec } from '../../lib/temporal/payload-codec';
import { ensureLicenceRegistry } from '../../lib/temporal/licence-registry';
import type { WorkStore } from '../../store/work-store';
import { createWorker } from '../../worker/create-worker';
import { notificationsIn, openTestStore, type SentNotification } from './test-store';

export { fixture } from './paths';

export interface HarnessOptions {
  /** Calls a minute per token; high unless a suite tests the limit. */
  rateLimitPerMinute?: number;
  servicesDir?: string;
  organisationDir?: string;
  /** A short history limit, to see requests continue as new. */
  continueAsNewAfter?: number;
  /** How long a call waits on a request before answering without it; the API's default unless a suite tests it. */
  callWaitMs?: number;
  /** An identity provider whose tokens the API takes (OpenID Connect). */
  oidc?: OidcConfig;
  /** A store to use (a schema on the test's PostgreSQL server, shared with worker processes). */
  store?: WorkStore;
  /** No worker in this process: the suite runs worker processes of its own on `taskQueue`. */
  withoutWorker?: boolean;
  taskQueue?: string;
  /** Origins allowed to call the API and the codec endpoint; none unless a suite tests them. */
  http?: Partial<HttpConfig>;
  /** A Temporal server of the suite's own (one it stops), instead of the one all suites share. */
  temporalAddress?: string;
}

export interface Harness {
  url: string;
  client: Client;
  taskQueue: string;
  organisation: Organisation;
  /** The published catalog the system starts requests on. */
  catalog: PublishedCatalog;
  store: WorkStore;
  /** Every notification the requests sent, oldest first. */
  notifications(): Promise<SentNotification[]>;
  /** Calls as whoever rightly makes them: see `defaultActor`. */
  get(path: string): Promise<ApiResponse>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Calls as someone in particular: claims, a holder's principal, or nobody (null). */
  as(who: Claims | string | null): Caller;
  /** A token for claims, or for the staff of a principal such as office:o-1. */
  token(who: Claims | string): Promise<string>;
  auth: AuthConfig;
  /** Tracking codes of the requests started through this harness (a 200 or 201 to a start). */
  started: Set<string>;
  /**
   * Waits, within a bound, until Temporal holds exactly the requests started through this harness
   * (or the codes given): fails naming any other request, so a refused call is proved to start none.
   */
  expectOnlyStarted(codes?: Iterable<string>): Promise<void>;
  stop: () => Promise<void>;
}

export interface ApiResponse {
  status: number;
  contentType: string;
  // Tests read fields freely; the assertions are what type them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface Caller {
  get(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
}

export const TEST_AUTH: AuthConfig = {
  secret: 'test-signing-key-of-at-least-thirty-two-characters',
  developmentKey: false,
  issuer: 'pishkhan',
  audience: 'pishkhan-api',
  rateLimitPerMinute: 100_000,
};

/**
 * The payload keys of the tests' systems, as `PISHKHAN_PAYLOAD_KEYS` says them (worker processes
 * a suite starts take them so): every test system encrypts what it sends to Temporal.
 */
export const TEST_PAYLOAD_KEYS_ENV = `test-1:${createHash('sha256').update('pishkhan test payloads').digest('base64')}`;
export const TEST_PAYLOAD_KEYS: PayloadKeyConfig = payloadKeys(TEST_PAYLOAD_KEYS_ENV);

export const testCodec = () => new EncryptionCodec(TEST_PAYLOAD_KEYS);

/** The token scrapers of the tests' systems send for /metrics. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';

export const MANAGER: Claims = { sub: 'test-manager', role: 'manager', name: 'Test Manager' };
export const DESIGNER: Claims = { sub: 'test-designer', role: 'designer' };

let counter = 0;

/** How long Temporal's visibility may take to show a request just started. */
const VISIBILITY_LAG_MS = 1_500;
let runtimeInstalled = false;

/** Keeps the SDK's logs to warnings; once per process, before any worker or test server. */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const address = options.temporalAddress ?? process.env.PK_TEST_TEMPORAL_ADDRESS;
  const bundle = process.env.PK_TEST_WORKFLOW_BUNDLE;
  if (!address || !bundle) throw new Error('end-to-end suites need test/support/global-setup.ts');
  installQuietRuntime();
  const taskQueue = options.taskQueue ?? `test-${process.pid}-${Date.now()}-${++counter}`;
  const store = options.store ?? (await openTestStore());
  const domain = await loadDomain(
    {
      servicesDir: options.servicesDir ?? repoPath('definitions/services'),
      organisationDir: options.organisationDir ?? repoPath('definitions/organisation'),
    },
    store.db,
  );
  const auth: AuthConfig = {
    ...TEST_AUTH,
    rateLimitPerMinute: options.rateLimitPerMinute ?? TEST_AUTH.rateLimitPerMinute,
    ...(options.oidc ? { oidc: options.oidc } : {}),
  };

  const codec = testCodec();
  const nativeConnection = await NativeConnection.connect({ address });
  const temporalClient = await connectClient(address, 'default', codec);
  const { connection, client } = temporalClient;
  const worker: Worker | undefined = options.withoutWorker
    ? undefined
    : await createWorker({
        connection: nativeConnection,
        namespace: 'default',
        taskQueue,
        codec,
        deps: { organisation: domain.organisation, store, temporal: { client, taskQueue } },
        workflowBundle: { codePath: bundle },
      });
  const running = worker?.run();
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
      ...(options.callWaitMs ? { callWaitMs: options.callWaitMs } : {}),
      organisation: domain.organisation,
      logger: createLogger('silent'),
      auth,
      http: { corsOrigins: [], codecOrigins: [], metricsToken: TEST_METRICS_TOKEN, ...options.http },
      codec,
      store,
    },
    0,
  );

  const tokens = new Map<string, Promise<string>>();
  const token = (who: Claims | string) => {
    const claims = typeof who === 'string' ? staffClaimsFor(who) : who;
    const key = JSON.stringify(claims);
    if (!tokens.has(key)) tokens.set(key, mintToken(auth, claims));
    return tokens.get(key) as Promise<string>;
  };
  const bearer = async (who: Claims | string | null): Promise<Record<string, string>> =>
    who === null ? {} : { authorization: `Bearer ${await token(who)}` };

  /** The holder of a task, to act as: an agency's answer is recorded by the department following it up. */
  async function holderOf(taskId: string): Promise<Claims | string> {
    const code = taskId.split('-')[0] ?? '';
    const fallback = `office:${domain.organisation.officeIds()[0] ?? 'o-1'}`;
    type Held = { taskId: string; assignee: { principal: string }; supervisor: { principal: string } };
    const status = await client.workflow
      .getHandle(`request-${code}`)
      .query<{ openTasks: Held[]; closedTasks: Held[] }>('status')
      .catch(() => undefined);
    const task = status && [...status.openTasks, ...status.closedTasks].find((t) => t.taskId === taskId);
    return task ? claimsOfHolder(task) : fallback;
  }

  /**
   * Who rightly makes a call: a task's holder completes, claims and returns it; the office named
   * at intake starts a request there, the applicant acts on their request, designers publish,
   * and a manager reads and does the rest.
   */
  async function defaultActor(method: string, path: string, body: unknown): Promise<Claims | string | null> {
    const task = /^\/api\/tasks\/([^/]+)\/(complete|claim|return)$/.exec(path);
    if (task?.[1]) return holderOf(task[1]);
    const applicant = /^\/api\/requests\/(\d{12})\/(withdraw|documents|payments)$/.exec(path);
    if (applicant?.[1]) return `applicant:${applicant[1]}`;
    if (method === 'POST' && path === '/api/requests') {
      const start = (typeof body === 'object' && body !== null ? body : {}) as {
        intakeOffice?: string;
        channel?: string;
        district?: string;
      };
      if (start.intakeOffice) return `office:${start.intakeOffice}`;
      if (start.channel === 'department') return `department:${start.district ?? 'd01'}.urban-planning`;
      return null;
    }
    if (method === 'POST' && path.startsWith('/api/definitions')) return DESIGNER;
    return MANAGER;
  }

  const started = new Set<string>();

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${web.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const answer = {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    if (method === 'POST' && path === '/api/requests' && (answer.status === 200 || answer.status === 201))
      started.add((answer.body as { trackingCode: string }).trackingCode);
    return answer;
  }

  /** The requests Temporal's visibility holds on this harness's task queue, running or ended. */
  async function requestsInTemporal(): Promise<string[]> {
    const codes: string[] = [];
    const query = `TaskQueue = '${taskQueue}' AND WorkflowType = 'serviceRequest'`;
    for await (const info of client.workflow.list({ query }))
      codes.push(info.workflowId.replace(/^request-/, ''));
    return codes.sort();
  }

  async function expectOnlyStarted(codes: Iterable<string> = started): Promise<void> {
    const expected = JSON.stringify([...new Set(codes)].sort());
    const deadline = Date.now() + 15_000;
    let held: string[] = [];
    let agreedAt: number | undefined;
    // Visibility lags starts by a moment: the sets must agree, and still agree once that moment
    // has passed, so a request started by a refused call is not missed. Timers never change them.
    while (Date.now() < deadline) {
      held = await requestsInTemporal();
      if (JSON.stringify(held) !== expected) agreedAt = undefined;
      else if (agreedAt === undefined) agreedAt = Date.now();
      else if (Date.now() - agreedAt >= VISIBILITY_LAG_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const wanted = JSON.parse(expected) as string[];
    const others = held.filter((code) => !wanted.includes(code));
    const missing = wanted.filter((code) => !held.includes(code));
    throw new Error(
      `Temporal holds other requests than those started: others ${others.join(', ') || 'none'}; missing ${missing.join(', ') || 'none'}`,
    );
  }

  return {
    url: web.url,
    client,
    taskQueue,
    organisation: domain.organisation,
    catalog: domain.catalog,
    store,
    notifications: () => notificationsIn(store.db),
    auth,
    token,
    started,
    expectOnlyStarted,
    get: async (path) =>
      call('GET', path, undefined, await bearer(await defaultActor('GET', path, undefined))),
    post: async (path, body, headers = {}) =>
      call('POST', path, body, { ...(await bearer(await defaultActor('POST', path, body))), ...headers }),
    as: (who) => ({
      get: async (path, headers = {}) => call('GET', path, undefined, { ...(await bearer(who)), ...headers }),
      post: async (path, body, headers = {}) =>
        call('POST', path, body, { ...(await bearer(who)), ...headers }),
    }),
    async stop() {
      // Nothing calls a test's API after it stops: no need to keep taking connections a while.
      await stopWebServer(web, { lameDuckMs: 0 });
      worker?.shutdown();
      await running;
      await temporalClient.close();
      await nativeConnection.close();
      await store.close();
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
