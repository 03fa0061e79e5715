/**
 * The load the cluster benchmark puts on a running system, through its front, in three parts:
 * starts as fast as concurrent clerks can make them; a department's worklist read again and
 * again; and ten-step requests run to their end by their departments while the worklist is
 * read. Besides rates and latencies, it reads the CPU time each part of the deployment spent
 * on each, which is what a capacity model can rest on when other programs share the cores.
 */
import type { Claims } from '../api/auth/claims';
import { staffClaimsFor } from '../api/auth/staff-claims';
import { ScriptedActors, type Caller } from '../cli/demo/scripted-actors';
import { httpCaller } from '../cli/demo/seed';
import type { AuthConfig } from '../lib/config';
import type { Organisation } from '../lib/organisation/organisation';
import type { ServicePlan } from '../lib/plan/types';
import { cpuMsOf, residentMbOf } from './process-cpu';

export interface LoadSettings {
  /** Clerks starting requests at once, and for how long. */
  startClients: number;
  startSeconds: number;
  /** Readers of the worklist, and how long they read: alone, then while requests run. */
  worklistReaders: number;
  readSeconds: number;
  /** Requests run to their end at once, and for how long. */
  runClients: number;
  runSeconds: number;
}

/** CPU milliseconds one operation costs a part of the deployment. */
export interface CpuCost {
  start: number;
  worklistRead: number;
  /** A task completion, with its share of the request's status reads. */
  action: number;
}

export interface LoadFigures {
  /** CPU milliseconds a second each part spends with no request moving. */
  idleMsPerSecond: Record<string, number>;
  /** Resident memory of each part at the end, in MB. */
  residentMb: Record<string, number>;
  /** What the databases grew by for each ten-step request run to its end. */
  bytesPerRequest?: number;
  startsPerSecond: number;
  /** Ten-step requests that ended within the run, a second. */
  completedPerSecond: number;
  /** Task completions a second during the run (each an update through the API). */
  actionsPerSecond: number;
  /** The worklist's latency while requests run. */
  worklistP50Ms: number;
  worklistP95Ms: number;
  /** CPU cost of each operation, by part of the deployment. */
  cpu: Record<string, CpuCost>;
}

/** The process ids of each part of the deployment, read when CPU time is read. */
export type Parts = Record<string, () => number[]>;

const IDLE_SECONDS = 10;

const MANAGER: Claims = { sub: 'bench-manager', role: 'manager', name: 'Benchmark manager' };

/** The tracking code a start answered with. */
const codeOf = (answer: { body: unknown }) => (answer.body as { trackingCode: string }).trackingCode;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Calls the API at `base` as whoever is named, counting task completions. */
function callerOf(base: string, auth: AuthConfig, counts: { actions: number }): Caller {
  const call = httpCaller(base, auth);
  return async (method, path, body, who, headers) => {
    const answer = await call(method, path, body, who, headers);
    if (answer.status === 200 && /\/complete$/.test(path)) counts.actions++;
    return answer;
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

/** CPU milliseconds each part has used so far. */
function cpuNow(parts: Parts): Record<string, number> {
  return Object.fromEntries(Object.entries(parts).map(([name, pids]) => [name, cpuMsOf(pids())]));
}

/** CPU milliseconds each part spent, shared among `count` operations. */
function perOperation(spent: Record<string, number>, count: number): Record<string, number> {
  return Object.fromEntries(Object.entries(spent).map(([name, ms]) => [name, ms / Math.max(count, 1)]));
}

function cpuSince(parts: Parts, before: Record<string, number>): Record<string, number> {
  const now = cpuNow(parts);
  return Object.fromEntries(Object.keys(parts).map((name) => [name, (now[name] ?? 0) - (before[name] ?? 0)]));
}

export async function measure(
  base: string,
  auth: AuthConfig,
  organisation: Organisation,
  plan: ServicePlan,
  settings: LoadSettings,
  parts: Parts,
  /** Bytes the server's databases hold, where it can tell. */
  storedBytes?: () => Promise<number>,
): Promise<{ figures: LoadFigures; openCodes: string[] }> {
  const counts = { actions: 0 };
  const call = callerOf(base, auth, counts);
  const actors = new ScriptedActors(call, organisation, MANAGER);
  const openCodes: string[] = [];

  // Warm-up: a few requests to their end, so caches and connections are made.
  for (let i = 0; i < 3; i++) await actors.drive(plan, codeOf(await actors.start(plan)));

  // Idle: what each part spends a second with nothing to do (history shards poll their queues).
  let cpu = cpuNow(parts);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const idle = perOperation(cpuSince(parts, cpu), IDLE_SECONDS);

  // Starts alone, until their first tasks are in the department's worklist: a start's cost
  // includes the first workflow task and the routing it sets off.
  const { district } = actors.placeFor(plan);
  const department = staffClaimsFor(`department:${district}.urban-planning`);
  const worklistTotal = async () =>
    ((await call('GET', '/api/tasks?pageSize=1', undefined, department)).body as { total: number }).total;
  const before = await worklistTotal();
  cpu = cpuNow(parts);
  const startedAt = performance.now();
  await loops(settings.startClients, settings.startSeconds, async () => {
    const answer = await actors.start(plan);
    if (answer.status !== 201)
      throw new Error(`a start answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    openCodes.push(codeOf(answer));
  });
  const startsPerSecond = openCodes.length / ((performance.now() - startedAt) / 1000);
  while ((await worklistTotal()) < before + openCodes.length)
    await new Promise((resolve) => setTimeout(resolve, 500));
  const perStart = perOperation(cpuSince(parts, cpu), openCodes.length);

  // The worklist alone, holding the tasks of every request started above.
  let latencies: number[] = [];
  let reading = true;
  const read = async () => {
    while (reading) {
      const sent = performance.now();
      const answer = await call('GET', '/api/tasks?pageSize=20', undefined, department);
      if (answer.status !== 200) throw new Error(`the worklist answered ${answer.status}`);
      latencies.push(performance.now() - sent);
    }
  };
  const readFor = async (seconds: number) => {
    latencies = [];
    reading = true;
    const readers = Promise.all(Array.from({ length: settings.worklistReaders }, read));
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    reading = false;
    await readers;
  };
  cpu = cpuNow(parts);
  await readFor(settings.readSeconds);
  const perRead = perOperation(cpuSince(parts, cpu), latencies.length);

  // Requests run to their end: a new one as soon as one ends.
  const runRequests = async (seconds: number) => {
    let completed = 0;
    let starts = 0;
    counts.actions = 0;
    const began = performance.now();
    await loops(settings.runClients, seconds, async () => {
      const code = codeOf(await actors.start(plan));
      starts++;
      const { status, refused } = await actors.drive(plan, code);
      if (refused)
        throw new Error(`${code}: ${refused.step} refused: ${JSON.stringify(refused.answer.body)}`);
      if (status.state === 'completed') completed++;
    });
    const elapsed = (performance.now() - began) / 1000;
    return { completed, starts, actions: counts.actions, elapsed };
  };
  cpu = cpuNow(parts);
  const sizeBefore = await storedBytes?.();
  const run = await runRequests(settings.runSeconds);
  const runCpu = cpuSince(parts, cpu);
  const sizeAfter = await storedBytes?.();
  // An action's cost: the run's CPU, less its starts, shared among its task completions.
  const perAction = Object.fromEntries(
    Object.keys(parts).map((name) => [
      name,
      Math.max(0, (runCpu[name] ?? 0) - run.starts * (perStart[name] ?? 0)) / Math.max(run.actions, 1),
    ]),
  );

  // The worklist while requests run: its latency under load.
  await Promise.all([readFor(settings.readSeconds), runRequests(settings.readSeconds)]);

  return {
    figures: {
      idleMsPerSecond: idle,
      residentMb: Object.fromEntries(
        Object.entries(parts).map(([name, pids]) => [name, residentMbOf(pids())]),
      ),
      ...(sizeBefore !== undefined && sizeAfter !== undefined
        ? { bytesPerRequest: (sizeAfter - sizeBefore) / Math.max(run.starts, 1) }
        : {}),
      startsPerSecond,
      completedPerSecond: run.completed / run.elapsed,
      actionsPerSecond: run.actions / run.elapsed,
      worklistP50Ms: percentile(latencies, 50),
      worklistP95Ms: percentile(latencies, 95),
      cpu: Object.fromEntries(
        Object.keys(parts).map((name) => [
          name,
          { start: perStart[name] ?? 0, worklistRead: perRead[name] ?? 0, action: perAction[name] ?? 0 },
        ]),
      ),
    },
    openCodes,
  };
}
