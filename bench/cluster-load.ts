/**
 * The load the cluster benchmark puts on a running system, through its front: starts as fast
 * as concurrent clerks can make them; ten-step requests run to their end by their departments;
 * and, while those run, a department's worklist read again and again.
 */
import type { Claims } from '../api/auth/claims';
import { staffClaimsFor } from '../api/auth/staff-claims';
import { mintToken } from '../api/auth/tokens';
import { ScriptedActors, type Caller } from '../cli/demo/scripted-actors';
import type { AuthConfig } from '../lib/config';
import type { Organisation } from '../lib/organisation/organisation';
import type { ServicePlan } from '../lib/plan/types';

export interface LoadSettings {
  /** Clerks starting requests at once, and for how long. */
  startClients: number;
  startSeconds: number;
  /** Requests run to their end at once, and for how long. */
  runClients: number;
  runSeconds: number;
  /** Readers of the worklist while requests run. */
  worklistReaders: number;
}

export interface LoadFigures {
  startsPerSecond: number;
  completedPerSecond: number;
  /** Task completions a second while requests ran (each an update through the API). */
  actionsPerSecond: number;
  worklistP50Ms: number;
  worklistP95Ms: number;
  worklistReads: number;
}

const MANAGER: Claims = { sub: 'bench-manager', role: 'manager', name: 'Benchmark manager' };

/** The tracking code a start answered with. */
const codeOf = (answer: { body: unknown }) => (answer.body as { trackingCode: string }).trackingCode;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Calls the API at `base` as whoever is named; refusals come back as answers, never thrown. */
function callerOf(base: string, auth: AuthConfig): Caller {
  const tokens = new Map<string, Promise<string>>();
  const token = (claims: Claims) => {
    const key = JSON.stringify(claims);
    if (!tokens.has(key)) tokens.set(key, mintToken(auth, claims));
    return tokens.get(key) as Promise<string>;
  };
  return async (method, path, body, who, headers = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        ...(who ? { authorization: `Bearer ${await token(who)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

/** Runs `client` in `count` loops until `seconds` have passed; answers when all have stopped. */
async function loops(count: number, seconds: number, client: () => Promise<void>): Promise<void> {
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: count }, async () => {
      while (Date.now() < until) await client();
    }),
  );
}

export async function measure(
  base: string,
  auth: AuthConfig,
  organisation: Organisation,
  plan: ServicePlan,
  settings: LoadSettings,
): Promise<{ figures: LoadFigures; openCodes: string[] }> {
  const call = callerOf(base, auth);
  const actors = new ScriptedActors(call, organisation, MANAGER);
  const openCodes: string[] = [];

  // Warm-up: a few requests to their end, so caches and connections are made.
  for (let i = 0; i < 3; i++) {
    const started = await actors.start(plan);
    await actors.drive(plan, codeOf(started));
  }

  let starts = 0;
  let startedAt = performance.now();
  await loops(settings.startClients, settings.startSeconds, async () => {
    const answer = await actors.start(plan);
    if (answer.status !== 201)
      throw new Error(`a start answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    openCodes.push(codeOf(answer));
    starts++;
  });
  const startsPerSecond = starts / ((performance.now() - startedAt) / 1000);

  const { district } = actors.placeFor(plan);
  const department = staffClaimsFor(`department:${district}.urban-planning`);
  const worklist: number[] = [];
  let running = true;
  const readers = Promise.all(
    Array.from({ length: settings.worklistReaders }, async () => {
      while (running) {
        const sent = performance.now();
        const answer = await call('GET', '/api/tasks?pageSize=20', undefined, department);
        if (answer.status !== 200) throw new Error(`the worklist answered ${answer.status}`);
        worklist.push(performance.now() - sent);
      }
    }),
  );
  let completed = 0;
  let actions = 0;
  startedAt = performance.now();
  await loops(settings.runClients, settings.runSeconds, async () => {
    const started = await actors.start(plan);
    const code = codeOf(started);
    const { status, refused } = await actors.drive(plan, code);
    if (refused) throw new Error(`${code}: ${refused.step} refused: ${JSON.stringify(refused.answer.body)}`);
    actions += status.state === 'completed' ? 10 : 0;
    if (status.state === 'completed') completed++;
  });
  const elapsed = (performance.now() - startedAt) / 1000;
  running = false;
  await readers;

  return {
    figures: {
      startsPerSecond,
      completedPerSecond: completed / elapsed,
      actionsPerSecond: actions / elapsed,
      worklistP50Ms: percentile(worklist, 50),
      worklistP95Ms: percentile(worklist, 95),
      worklistReads: worklist.length,
    },
    openCodes,
  };
}
