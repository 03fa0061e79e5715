/**
 * The living demo: a few hundred requests spread over the catalog's services and the city's
 * districts, each driven by scripted actors to a different point (just started, a few steps in,
 * finished), through the API like any client. A third of them are the backlog taken over from
 * the system used before, received one to three weeks before the demo began: they come in at
 * risk, breached and escalated to different rungs. Each has an idempotency key of its own, and
 * the backlog's times count back from a fixed instant, so a restart finds the requests it seeded
 * before and starts none twice.
 */
import type { Claims } from '../../api/auth/claims';
import { mintToken } from '../../api/auth/tokens';
import { DEMO_USER_AGENT } from '../../api/request-log';
import type { AuthConfig } from '../../lib/config';
import type { Logger } from '../../lib/logger';
import type { Organisation } from '../../lib/organisation/organisation';
import type { ServicePlan } from '../../lib/plan/types';
import { ScriptedActors, type Caller } from './scripted-actors';

const LANES = 4;

export interface SeedReport {
  started: number;
  existing: number;
  finished: number;
  refused: number;
  /** The tracking codes of the requests seeded now or found from before, sorted. */
  trackingCodes: string[];
}

/**
 * Calls the API over HTTP with a token for each actor, as the demo (its calls log quietly);
 * waits and retries when rate-limited.
 */
export function httpCaller(baseUrl: string, auth: AuthConfig): Caller {
  const tokens = new Map<string, Promise<string>>();
  const token = (who: Claims) => {
    const key = JSON.stringify(who);
    if (!tokens.has(key)) tokens.set(key, mintToken(auth, who));
    return tokens.get(key) as Promise<string>;
  };
  return async (method, path, body, who, headers = {}) => {
    for (;;) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          'user-agent': DEMO_USER_AGENT,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(who ? { authorization: `Bearer ${await token(who)}` } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (response.status === 429) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        continue;
      }
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    }
  };
}

const DAY_MS = 86_400_000;

/** Every tenth request is taken to its end. */
const finishes = (i: number) => i % 10 === 9;

/** Every third request that does not finish is backlog, received 1 to 21 days before the takeover. */
const backlogDaysFor = (i: number) => (i % 3 === 0 && !finishes(i) ? 1 + ((i * 5) % 21) : undefined);

/** How far request `i` is taken: the backlog waits at its first step, the rest zero to three actions in. */
const actionsFor = (i: number) => (finishes(i) ? Infinity : backlogDaysFor(i) !== undefined ? 0 : i % 4);

export async function seedDemo(options: {
  baseUrl: string;
  auth: AuthConfig;
  organisation: Organisation;
  plans: ServicePlan[];
  count: number;
  /** When the demo's backlog was taken over (ms); the same on every run, or restarts would differ. */
  takenOverAt: number;
  logger: Logger;
  /** Told how many requests are done (seeded, found, or refused) each time one is. */
  onProgress?: (done: number) => void;
  /**
   * Begins every request's idempotency key; the same on every run, or a restart seeds twice.
   * Two demos on one Temporal server need prefixes of their own, or each finds the other's.
   */
  keyPrefix?: string;
}): Promise<SeedReport> {
  const { organisation, logger } = options;
  const plans = [...options.plans].sort((a, b) => a.serviceId.localeCompare(b.serviceId));
  const districts = organisation.districtIds();
  const call = httpCaller(options.baseUrl, options.auth);
  const report: SeedReport = { started: 0, existing: 0, finished: 0, refused: 0, trackingCodes: [] };
  let next = 0;
  let done = 0;

  /** Starts request `i` (or finds it from before) and drives it as far as it goes. */
  async function seedOne(actors: ScriptedActors, i: number) {
    const plan = plans[i % plans.length] as ServicePlan;
    const backlogDays = backlogDaysFor(i);
    const started = await actors.start(plan, {
      district: districts[i % districts.length],
      key: `${options.keyPrefix ?? 'demo-seed'}-${i}`,
      ...(backlogDays === undefined
        ? {}
        : {
            received: {
              at: new Date(options.takenOverAt - backlogDays * DAY_MS).toISOString(),
              reason: 'taken over from the system used before',
            },
          }),
    });
    // 202: started, its first tasks not open within the API's wait; driving it reads them.
    const made = started.status === 201 || started.status === 202;
    if (started.status === 200 || made)
      report.trackingCodes.push((started.body as { trackingCode: string }).trackingCode);
    if (started.status === 200) {
      report.existing++;
      return;
    }
    if (!made) {
      report.refused++;
      logger.warn(
        { service: plan.serviceId, answer: started.body as unknown },
        'demo: a request was refused',
      );
      return;
    }
    report.started++;
    const { status, refused } = await actors.drive(
      plan,
      (started.body as { trackingCode: string }).trackingCode,
      actionsFor(i),
    );
    if (refused) logger.warn({ service: plan.serviceId, step: refused.step }, 'demo: an action was refused');
    if (status.state !== 'active') report.finished++;
  }

  async function lane(n: number) {
    const actors = new ScriptedActors(call, organisation, { sub: `demo-reader-${n}`, role: 'manager' });
    for (let i = next++; i < options.count; i = next++) {
      await seedOne(actors, i);
      options.onProgress?.(++done);
    }
  }

  await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));
  report.trackingCodes.sort();
  return report;
}
