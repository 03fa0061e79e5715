/**
 * Configuration from the environment, with the embedded single-machine setup as default.
 * Leaving TEMPORAL_ADDRESS unset means "start the embedded Temporal dev server".
 */
import { createHmac } from 'node:crypto';
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
  /** Where the API listens, and how long a call waits on a request (`PISHKHAN_CALL_WAIT`, seconds). */
  api: { host: string; port: number; callWaitMs: number };
  dataDir: string;
  servicesDir: string;
  organisationDir: string;
  /** Where published versions of definitions are kept. */
  publishedDir: string;
  logLevel: string;
  auth: AuthConfig;
  /** History length after which a request continues as new. */
  continueAsNewAfter: number | undefined;
  /** Demo requests `npm start` seeds on the embedded server; 0 seeds none. */
  demoRequests: number;
  /** The built web app the API serves at `/`. */
  webDir: string;
  /** A workflow bundle built beforehand (`npm run build` writes one); bundled at start when absent. */
  workflowBundle: string | undefined;
  store: StoreConfig;
  delivery: DeliveryConfig;
  /** The keys of the payload codec that encrypts what goes to Temporal. */
  payloads: PayloadKeyConfig;
  http: HttpConfig;
  /** What the worker caches and runs at once; unset parts are sized from its memory (worker/sizing.ts). */
  worker: WorkerLimits;
}

/** A worker's limits as the operator set them (`PISHKHAN_WORKER_*`); those unset are sized. */
export interface WorkerLimits {
  /** Memory the worker may use, in MiB; half the machine's (or its container's) when unset. */
  memoryMiB?: number;
  /** Requests kept cached (Temporal's maxCachedWorkflows). */
  cachedRequests?: number;
  /** Workflow tasks, activities and local activities run at once. */
  workflowTasks?: number;
  activities?: number;
  localActivities?: number;
}

/** What the API's HTTP side allows beyond its own origin. */
export interface HttpConfig {
  /** Origins whose pages may call the API (CORS); none by default. */
  corsOrigins: string[];
  /** Origins of Temporal Web UIs that may call the codec endpoint; none by default. */
  codecOrigins: string[];
  /** The token a scraper sends for /metrics; without one only an administrator reads it. */
  metricsToken: string | undefined;
}

/**
 * The keys of the payload codec (`PISHKHAN_PAYLOAD_KEYS`). Without any, payloads go to Temporal
 * as they are (a developer's machine, where Temporal's UI and CLI show them without a codec);
 * production refuses to start so (assertSafePayloadKeys).
 */
export interface PayloadKeyConfig {
  /** The id of the key that encrypts; it is written in every payload it encrypts. None: no encryption. */
  current: string | undefined;
  /** Every key that decrypts, by id: the current one and those kept from before a rotation. */
  keys: ReadonlyMap<string, Uint8Array>;
}

/** Where notifications go beyond the web app; none of them by default. */
export interface DeliveryConfig {
  webhook?: { url: string; secret?: string };
  email?: { smtpUrl: string; from: string };
  /** A delivery left sending this long was interrupted: it is marked uncertain, never sent again. */
  uncertainAfterMs: number;
}

export interface StoreConfig {
  /** postgres://… of the PostgreSQL server every process shares; the embedded database when absent. */
  url: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** The schema of the store's tables. */
  schema: string;
  /** Keys the hash of applicants' national ids; the same in every process of a deployment. */
  nationalIdKey: string;
}

export interface AuthConfig {
  /** HMAC key that signs and verifies bearer tokens (HS256) and derives citizens' secrets. */
  secret: string;
  /** True when no key was configured and the development default is in use. */
  developmentKey: boolean;
  issuer: string;
  audience: string;
  /** Calls per minute one token (or one address, without a token) may make. */
  rateLimitPerMinute: number;
  /** The city's identity provider, when staff sign in with OpenID Connect. */
  oidc?: OidcConfig;
}

/**
 * The identity provider staff sign in with: the API verifies its access tokens against its
 * JWKS, and the web app signs in with the authorization code flow and PKCE as `clientId`.
 */
export interface OidcConfig {
  /** The provider's issuer URL, as its tokens' `iss` says it. */
  issuer: string;
  /** What the provider's access tokens for the API carry in `aud`. */
  audience: string;
  /** Where the provider publishes its signing keys. */
  jwksUrl: string;
  /** The web app's client id at the provider. */
  clientId: string;
  /** The scopes the web app asks for. */
  scope: string;
  /** The claim of the token that names the person in the organisation file (`people`). */
  personClaim: string;
}

/** Known to everyone who reads this file: fine on a laptop, refused in production. */
export const DEVELOPMENT_KEY = 'pishkhan-development-key-never-use-in-production';

/**
 * `PISHKHAN_PAYLOAD_KEYS`: `id:base64,id:base64`, each key 32 random bytes in base64
 * (`openssl rand -base64 32`); the first encrypts, all of them decrypt.
 */
export function payloadKeys(value: string | undefined): PayloadKeyConfig {
  const keys = new Map<string, Uint8Array>();
  if (!value?.trim()) return { current: undefined, keys };
  for (const entry of value.split(',').map((part) => part.trim())) {
    const match = /^([A-Za-z0-9._-]{1,40}):([A-Za-z0-9+/=_-]+)$/.exec(entry);
    const key = match?.[2] ? Buffer.from(match[2], 'base64') : undefined;
    if (!match?.[1] || !key || key.length !== 32)
      throw new Error(
        `PISHKHAN_PAYLOAD_KEYS must be id:key pairs, each key 32 bytes in base64 (openssl rand -base64 32); '${entry.split(':')[0]}' is not`,
      );
    if (keys.has(match[1])) throw new Error(`PISHKHAN_PAYLOAD_KEYS names key '${match[1]}' twice`);
    keys.set(match[1], new Uint8Array(key));
  }
  return { current: [...keys.keys()][0], keys };
}

/** Processes that talk to Temporal refuse to send it personal data in the clear in production. */
export function assertSafePayloadKeys(keys: PayloadKeyConfig, env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production' && keys.current === undefined)
    throw new Error(
      "PISHKHAN_PAYLOAD_KEYS must be set when NODE_ENV=production: without it, applicants' personal data is in Temporal's histories in the clear",
    );
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((origin) => {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, ''))
        throw new Error(`'${origin}' is not an origin (scheme://host[:port], no path)`);
      return url.origin;
    });

/** The API refuses to start in production with the development key or a short one. */
export function assertSafeAuth(auth: AuthConfig, env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  if (auth.developmentKey)
    throw new Error(
      'PISHKHAN_JWT_SECRET must be set when NODE_ENV=production: the development key is public',
    );
  if (auth.secret.length < 32) throw new Error('PISHKHAN_JWT_SECRET must be at least 32 characters long');
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535)
    throw new Error(`${name} must be a port number, got '${value}'`);
  return parsed;
}

/** A whole number from the environment, at least `least`, or the fallback when unset. */
function whole(value: string | undefined, fallback: number, name: string, least = 0): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < least)
    throw new Error(`${name} must be a whole number of at least ${least}, got '${value}'`);
  return parsed;
}

/** The identity provider, when PISHKHAN_OIDC_ISSUER is set; its other settings then must be too. */
function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.PISHKHAN_OIDC_ISSUER;
  if (!issuer) return undefined;
  const needed = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set when PISHKHAN_OIDC_ISSUER is`);
    return value;
  };
  return {
    issuer,
    audience: needed('PISHKHAN_OIDC_AUDIENCE'),
    jwksUrl: new URL(needed('PISHKHAN_OIDC_JWKS_URL')).href,
    clientId: needed('PISHKHAN_OIDC_CLIENT_ID'),
    scope: env.PISHKHAN_OIDC_SCOPE || 'openid profile',
    personClaim: env.PISHKHAN_OIDC_PERSON_CLAIM || 'sub',
  };
}

/** The limits set in the environment; those left unset stay out, to be sized. */
function workerLimits(env: NodeJS.ProcessEnv): WorkerLimits {
  const limits: WorkerLimits = {};
  const names = {
    memoryMiB: ['PISHKHAN_WORKER_MEMORY', 64],
    cachedRequests: ['PISHKHAN_WORKER_CACHE', 2],
    workflowTasks: ['PISHKHAN_WORKER_WORKFLOW_TASKS', 2],
    activities: ['PISHKHAN_WORKER_ACTIVITIES', 1],
    localActivities: ['PISHKHAN_WORKER_LOCAL_ACTIVITIES', 1],
  } as const;
  for (const [key, [name, least]] of Object.entries(names) as [
    keyof WorkerLimits,
    readonly [string, number],
  ][])
    if (env[name]) limits[key] = whole(env[name], 0, name, least);
  return limits;
}

const path = (value: string | undefined, fallback: string) =>
  value ? (isAbsolute(value) ? value : repoPath(value)) : repoPath(fallback);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path(env.PISHKHAN_DATA_DIR, 'data');
  const secret = env.PISHKHAN_JWT_SECRET || DEVELOPMENT_KEY;
  const oidc = oidcConfig(env);
  return {
    temporal: {
      address: env.TEMPORAL_ADDRESS || undefined,
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.PISHKHAN_TASK_QUEUE || 'pishkhan',
      embeddedPort: int(env.TEMPORAL_PORT, 7233, 'TEMPORAL_PORT'),
      embeddedUiPort: int(env.TEMPORAL_UI_PORT, 8233, 'TEMPORAL_UI_PORT'),
    },
    api: {
      host: env.HOST || '127.0.0.1',
      port: int(env.PORT, 3000, 'PORT'),
      callWaitMs: whole(env.PISHKHAN_CALL_WAIT, 20, 'PISHKHAN_CALL_WAIT', 1) * 1000,
    },
    dataDir,
    servicesDir: path(env.PISHKHAN_SERVICES_DIR, 'definitions/services'),
    organisationDir: path(env.PISHKHAN_ORGANISATION_DIR, 'definitions/organisation'),
    publishedDir: env.PISHKHAN_PUBLISHED_DIR
      ? path(env.PISHKHAN_PUBLISHED_DIR, '')
      : join(dataDir, 'published'),
    logLevel: env.LOG_LEVEL || 'info',
    auth: {
      secret,
      developmentKey: !env.PISHKHAN_JWT_SECRET,
      issuer: env.PISHKHAN_JWT_ISSUER || 'pishkhan',
      audience: env.PISHKHAN_JWT_AUDIENCE || 'pishkhan-api',
      rateLimitPerMinute: whole(env.PISHKHAN_RATE_LIMIT, 600, 'PISHKHAN_RATE_LIMIT', 1),
      ...(oidc ? { oidc } : {}),
    },
    webDir: path(env.PISHKHAN_WEB_DIR, 'web/dist'),
    demoRequests: whole(env.PISHKHAN_DEMO_REQUESTS, 300, 'PISHKHAN_DEMO_REQUESTS'),
    workflowBundle: env.PISHKHAN_WORKFLOW_BUNDLE ? path(env.PISHKHAN_WORKFLOW_BUNDLE, '') : undefined,
    delivery: {
      ...(env.PISHKHAN_WEBHOOK_URL
        ? {
            webhook: {
              url: env.PISHKHAN_WEBHOOK_URL,
              ...(env.PISHKHAN_WEBHOOK_SECRET ? { secret: env.PISHKHAN_WEBHOOK_SECRET } : {}),
            },
          }
        : {}),
      ...(env.PISHKHAN_SMTP_URL
        ? { email: { smtpUrl: env.PISHKHAN_SMTP_URL, from: env.PISHKHAN_MAIL_FROM || 'pishkhan@localhost' } }
        : {}),
      uncertainAfterMs:
        whole(env.PISHKHAN_DELIVERY_UNCERTAIN_AFTER, 120, 'PISHKHAN_DELIVERY_UNCERTAIN_AFTER', 1) * 1000,
    },
    store: {
      url: env.DATABASE_URL || undefined,
      dataDir: join(dataDir, 'store'),
      schema: env.PISHKHAN_DATABASE_SCHEMA || 'pishkhan',
      // Without its own key, one derived from the token key: set both in production.
      nationalIdKey:
        env.PISHKHAN_NATIONAL_ID_KEY || createHmac('sha256', secret).update('national ids').digest('hex'),
    },
    payloads: payloadKeys(env.PISHKHAN_PAYLOAD_KEYS),
    http: {
      corsOrigins: list(env.PISHKHAN_CORS_ORIGINS),
      codecOrigins: list(env.PISHKHAN_CODEC_CORS_ORIGINS),
      metricsToken: env.PISHKHAN_METRICS_TOKEN || undefined,
    },
    worker: workerLimits(env),
    continueAsNewAfter: env.PISHKHAN_CONTINUE_AS_NEW_AFTER
      ? Number(env.PISHKHAN_CONTINUE_AS_NEW_AFTER)
      : undefined,
  };
}
