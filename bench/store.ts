/**
 * The work store at a city's scale, side by side with the visibility path it replaced, and what
 * it costs a request. On Debian's PostgreSQL and a real Temporal dev server, in one run:
 *  - Tehran's open work in the store (150,000 open requests, 250,000 open tasks, a million closed
 *    tasks): a clerk's worklist, a department's pool, the manager's breach list and every summary,
 *    through the HTTP API with a token, p50 / p95;
 *  - the same calls on the visibility path at 4,000 open requests, and the ratio;
 *  - a ten-step request with the store and without it: history events and worker CPU, as ratios,
 *    and beside them the same request whose write does nothing, to tell the store's own work from
 *    what a local activity per change costs;
 *  - the store's lag behind the workflow: task opened until it is in the worklist, p50 / p99.
 * `OPEN=... npm run bench` shrinks the city for a quick look (the figures then say so).
 */
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { Claims } from '../api/auth/claims';
import { mintToken } from '../api/auth/tokens';
import { startWebServer, stopWebServer } from '../api/server';
import { loadDomain } from '../lib/load-domain';
import { createLogger } from '../lib/logger';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import { repoPath } from '../lib/paths';
import { startPostgres } from '../lib/postgres-server';
import { TEMPORAL_CLI } from '../lib/temporal/dev-server';
import { payloadKeys } from '../lib/config';
import { sealedClient } from '../lib/temporal/connect';
import { ensureSearchAttributes } from '../lib/temporal/ensure-search-attributes';
import { EncryptionCodec } from '../lib/temporal/payload-codec';
import { newTrackingCode, workflowIdOf } from '../lib/tracking-code';
import { openWorkStore, type WorkStore } from '../store/work-store';
import { completeTaskUpdate } from '../workflows/messages';
import type { RequestInput } from '../workflows/types';
import { compileBenchPlan } from './support/compile-plan';
import { startRequest } from './support/start-request';
import { holdersOf, seedCity, TEHRAN } from './store/seed-city';
import { serveVisibilityBaseline, startStandIns } from './store/visibility-baseline';
import { WITHOUT_STORE } from './workflows/without-store';

/** No payload keys, as on a developer's machine: the benchmark weighs the store, not encryption. */
const PLAIN = new EncryptionCodec(payloadKeys(undefined));

const AUTH = {
  secret: 'bench-signing-key-of-at-least-thirty-two-characters',
  developmentKey: false,
  issuer: 'pishkhan',
  audience: 'pishkhan-api',
  rateLimitPerMinute: 10_000_000,
};
const STAND_INS = Number(process.env.STAND_INS ?? 4_000);
const CALLS = Number(process.env.CALLS ?? 40);
const REQUESTS_PER_ROUND = 5;
const ROUNDS = 4;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const median = (values: number[]) => quantile(values, 0.5);
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

/** Latencies of one GET, after a warm-up, as p50 / p95. */
async function latencies(url: string, token: string | undefined, calls: number) {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) times.push(await once());
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const shape = process.env.OPEN
    ? {
        ...TEHRAN,
        openRequests: Number(process.env.OPEN),
        secondOpenTasks: Math.round(Number(process.env.OPEN) * 0.66),
        endedRequests: Number(process.env.OPEN) * 2,
        openWithDoneStep: Math.round(Number(process.env.OPEN) * 0.66),
      }
    : TEHRAN;
  const pg = await startPostgres(mkdtempSync(join(tmpdir(), 'pishkhan-bench-pg-')), {
    settings: { shared_buffers: '1GB', work_mem: '64MB', effective_cache_size: '4GB', max_connections: '50' },
  });
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI }, ip: '127.0.0.1' },
  });
  await ensureSearchAttributes(env.connection, 'default');
  const city = await openWorkStore({ url: pg.url, schema: 'city', nationalIdKey: 'bench' });
  const domain = await loadDomain(
    { servicesDir: repoPath('definitions/services'), organisationDir: repoPath('definitions/organisation') },
    city.db,
  );
  const org = domain.organisation;
  const services = domain.catalog.all().map((plan) => plan.serviceId);
  const stores: WorkStore[] = [city];
  const rows: string[] = [];
  const out = (line = '') => {
    rows.push(line);
    console.log(line);
  };

  try {
    // 1. The city in the store, read through the API.
    let started = performance.now();
    await seedCity(city.db, org, services, shape);
    const [count] = await city.db.query<{ open: number; openTasks: number; closedTasks: number }>(
      `SELECT (SELECT count(*) FROM requests WHERE state = 'active')::int AS open,
              (SELECT count(*) FROM tasks WHERE status = 'open')::int AS "openTasks",
              (SELECT count(*) FROM tasks WHERE status = 'done')::int AS "closedTasks"`,
    );
    const seededIn = (performance.now() - started) / 1000;
    const web = await startWebServer(
      {
        client: env.client,
        connection: env.connection,
        namespace: 'default',
        taskQueue: 'bench-city',
        catalog: domain.catalog,
        designer: domain.designer,
        organisation: org,
        logger: createLogger('silent'),
        auth: AUTH,
        http: { corsOrigins: [], codecOrigins: [], metricsToken: undefined },
        codec: PLAIN,
        store: city,
      },
      0,
    );
    // A clerk of the office with the median open load, and a reviewer of a district's department.
    const loads = await city.db.query<{ holder: string; n: number }>(
      `SELECT holder, count(*)::int AS n FROM tasks WHERE status = 'open' AND holder LIKE 'office:%'
        GROUP BY holder ORDER BY n`,
    );
    const office = (loads[Math.floor(loads.length / 2)]?.holder ?? 'office:o-0101').slice('office:'.length);
    const clerk: Claims = { sub: 'bench-clerk', role: 'office', office };
    const department = org
      .departmentIds()
      .find((id) => org.department(id)?.perDistrict && org.department(id)?.roles?.length);
    const role = org.department(department ?? '')?.roles?.[0]?.id ?? 'staff';
    const reviewer: Claims = {
      sub: 'bench-reviewer',
      role: 'department',
      department: department ?? 'urban-planning',
      district: 'd05',
      roles: [role],
    };
    const manager: Claims = { sub: 'bench-manager', role: 'manager' };
    const token = (claims: Claims) => mintToken(AUTH, claims);
    const calls: [string, string, Claims][] = [
      [`a clerk's worklist (office ${office})`, '/api/tasks?view=pool', clerk],
      [`a department's pool (d05 ${department ?? ''}/${role})`, '/api/tasks?view=pool', reviewer],
      ["the manager's breach list", '/api/sla/breaches', manager],
      ...(['office', 'department', 'service', 'district', 'step'] as const).map(
        (by) => [`summary by ${by}`, `/api/sla/summary?by=${by}`, manager] as [string, string, Claims],
      ),
    ];
    const storeFigures: { p50: number; p95: number }[] = [];
    for (const [, path, who] of calls)
      storeFigures.push(await latencies(`${web.url}${path}`, await token(who), CALLS));
    await stopWebServer(web);

    // 2. The same reads on the visibility path, over stand-in requests.
    const holders = holdersOf(org);
    const standInQueue = 'bench-visibility';
    const standInWorker = await Worker.create({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue: standInQueue,
      workflowsPath: require.resolve('./workflows'),
      maxCachedWorkflows: 100,
    });
    const standInRunning = standInWorker.run();
    started = performance.now();
    await startStandIns(env.client, standInQueue, STAND_INS, {
      services,
      districts: org.districtIds(),
      holders: [...holders.offices, ...holders.units],
    });
    const standInsIn = (performance.now() - started) / 1000;
    const baseline = await serveVisibilityBaseline(env.client, standInQueue);
    // Visibility catches up with the starts before the reads are timed.
    for (;;) {
      const { count: visible } = await env.client.workflow.count(
        `TaskQueue = '${standInQueue}' AND ExecutionStatus = 'Running'`,
      );
      if (visible >= STAND_INS) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const unitOf = (principal: string) => principal;
    const baselineCalls = [
      `/tasks?holders=${encodeURIComponent(unitOf(`office:${office}`))}`,
      `/tasks?holders=${encodeURIComponent([`department:d05.${department ?? ''}`, `department:d05.${department ?? ''}/${role}`].join(','))}`,
      '/sla/breaches',
      ...(['office', 'department', 'service', 'district', 'step'] as const).map(
        (by) => `/sla/summary?by=${by}`,
      ),
    ];
    const baselineFigures: { p50: number; p95: number }[] = [];
    for (const path of baselineCalls)
      baselineFigures.push(await latencies(`${baseline.url}${path}`, undefined, Math.min(CALLS, 15)));
    await baseline.stop();
    standInWorker.shutdown();
    await standInRunning;

    out('');
    out(
      `the work store: ${count?.open ?? 0} open requests, ${count?.openTasks ?? 0} open tasks, ${count?.closedTasks ?? 0} closed tasks (written in ${seededIn.toFixed(0)} s), through the API; visibility: ${STAND_INS} open requests (started in ${standInsIn.toFixed(0)} s)`,
    );
    out(
      `  ${'read'.padEnd(44)} ${'store p50'.padStart(10)} ${'store p95'.padStart(10)}   ${'visibility p50'.padStart(14)} ${'p95'.padStart(9)}   ratio p95`,
    );
    calls.forEach(([what], i) => {
      const s = storeFigures[i] ?? { p50: NaN, p95: NaN };
      const v = baselineFigures[i] ?? { p50: NaN, p95: NaN };
      out(
        `  ${what.padEnd(44)} ${ms(s.p50).padStart(10)} ${ms(s.p95).padStart(10)}   ${ms(v.p50).padStart(14)} ${ms(v.p95).padStart(9)}   ${(s.p95 / v.p95).toFixed(3)}x`,
      );
    });
    out(
      `  (store at ${count?.open ?? 0} open requests, visibility at ${STAND_INS}: the ratio is store / visibility)`,
    );

    // 3. What the store costs a request, and its lag.
    const costStore = await openWorkStore({ url: pg.url, schema: 'cost', nationalIdKey: 'bench' });
    stores.push(costStore);
    // One worker writes the store; another runs the same workflows with a write that does
    // nothing, to show what a local activity per change costs apart from the store's own work.
    const costWorker = (taskQueue: string, discard: boolean) => {
      const child = fork(
        repoPath('bench/store/cost-worker.ts'),
        [env.address, taskQueue, pg.url, 'cost', ...(discard ? ['discard'] : [])],
        { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
      );
      const cpu = () =>
        new Promise<number>((resolve) => {
          child.once('message', (message: { cpu: number }) => resolve(message.cpu));
          child.send('cpu');
        });
      return { taskQueue, cpu, stop: () => child.send('stop') };
    };
    const workers = {
      store: costWorker('bench-cost', false),
      discard: costWorker('bench-cost-discard', true),
    };
    const fixtureOrg = loadOrganisation(repoPath('test/fixtures/organisation'));
    const steps = Array.from(
      { length: 10 },
      (_, i) =>
        `  - { id: step-${i + 1}, kind: task, title: { fa: گام, en: Step }, assignee: { department: urban-planning }, sla: P1D }\n`,
    ).join('');
    const text = `id: bench\ntitle: { fa: 'سنجش', en: 'Bench' }\ndomain: urban-planning\nintake: [office]\nsla: P30D\nsteps:\n${steps}  - { id: done, kind: end, result: completed }\n`;
    const plan = compileBenchPlan('bench.yaml', text, fixtureOrg);
    const lags: number[] = [];
    // The request's updates are sealed as the API's are, or its validators refuse them.
    const sealing = sealedClient(env.connection, 'default', PLAIN);
    const run = async (
      type: 'serviceRequest' | typeof WITHOUT_STORE,
      worker: { taskQueue: string } = workers.store,
    ) => {
      const trackingCode = newTrackingCode();
      const input: RequestInput = {
        trackingCode,
        plan,
        calendar: fixtureOrg.calendar,
        district: 'd01',
        channel: 'office',
        intakeOffice: 'o-1',
        applicant: { name: 'Bench' },
        data: {},
      };
      // Started as the API starts a request: the answer comes with the first task.
      let status = await startRequest(sealing, worker.taskQueue, input, { workflowType: type });
      const handle = sealing.workflow.getHandle(workflowIdOf(trackingCode));
      while (status.state === 'active') {
        const open = status.openTasks[0];
        if (!open) break;
        status = await handle.executeUpdate(completeTaskUpdate, {
          args: [{ taskId: open.taskId, outcome: 'done' }],
        });
        const next = status.openTasks[0];
        if (type === 'serviceRequest' && worker === workers.store && next) {
          for (;;) {
            const seen = await costStore.db.query('SELECT 1 FROM tasks WHERE task_id = $1', [next.taskId]);
            if (seen.length > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          lags.push(Date.now() - Date.parse(next.openedAt));
        }
      }
      await handle.result();
      return (await handle.fetchHistory()).events?.length ?? 0;
    };
    const variants = [
      { kind: 'with', type: 'serviceRequest', worker: workers.store },
      { kind: 'discarded', type: 'serviceRequest', worker: workers.discard },
      { kind: 'without', type: WITHOUT_STORE, worker: workers.store },
    ] as const;
    for (const { type, worker } of variants) await run(type, worker);
    lags.length = 0;
    const per = {
      with: { events: [] as number[], cpu: [] as number[] },
      discarded: { events: [] as number[], cpu: [] as number[] },
      without: { events: [] as number[], cpu: [] as number[] },
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const { kind, type, worker } of variants) {
        const before = await worker.cpu();
        const events: number[] = [];
        for (let i = 0; i < REQUESTS_PER_ROUND; i++) events.push(await run(type, worker));
        per[kind].cpu.push((await worker.cpu()) - before);
        per[kind].events.push(median(events));
      }
    }
    workers.store.stop();
    workers.discard.stop();
    const events = (kind: keyof typeof per) => median(per[kind].events);
    const cpu = (kind: keyof typeof per) => median(per[kind].cpu) / REQUESTS_PER_ROUND / 1000;
    const ratio = (kind: keyof typeof per, of: (kind: keyof typeof per) => number) =>
      `${(of(kind) / of('without')).toFixed(2)}x`;
    out('');
    out(
      `what the store costs a ten-step request (${ROUNDS} interleaved rounds of ${REQUESTS_PER_ROUND}, medians)`,
    );
    out(
      `  ${''.padEnd(26)} ${'with the store'.padStart(16)} ${'write discarded'.padStart(16)} ${'without'.padStart(10)}   ratio   aim     discarded / without`,
    );
    out(
      `  ${'history events'.padEnd(26)} ${String(events('with')).padStart(16)} ${String(events('discarded')).padStart(16)} ${String(events('without')).padStart(10)}   ${ratio('with', events)}   <= 1.10x  ${ratio('discarded', events)}`,
    );
    out(
      `  ${'worker CPU per request'.padEnd(26)} ${`${cpu('with').toFixed(1)} ms`.padStart(16)} ${`${cpu('discarded').toFixed(1)} ms`.padStart(16)} ${`${cpu('without').toFixed(1)} ms`.padStart(10)}   ${ratio('with', cpu)}   <= 1.15x  ${ratio('discarded', cpu)}`,
    );
    out(
      '  (write discarded: the same workflows, whose write does nothing once it reaches the worker: what a local activity per change costs before any SQL)',
    );
    out(
      `  store lag (task opened in the workflow until it is in the worklist): p50 ${quantile(lags, 0.5).toFixed(0)} ms, p99 ${quantile(lags, 0.99).toFixed(0)} ms over ${lags.length} tasks`,
    );
  } finally {
    for (const store of stores) await store.close().catch(() => {});
    await env.teardown();
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
