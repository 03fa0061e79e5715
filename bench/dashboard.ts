/**
 * The managers' dashboard on a year of the city's work, as the issue sets it: the store is
 * seeded with a year of requests over every service and district (bench/city-history.ts, written
 * as the workflows write it), then each report the dashboard reads is timed through the API (the
 * store's SQL), and the page's first view is timed in Debian's Chromium on the real stack, from
 * the navigation until its figures and its district grid are on screen (budget 1 s), for the
 * default four weeks and for the whole year. It also names the chunks that carry the charts and
 * the editor, and checks neither is in the first load. REQUESTS=n changes the year's size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { loadCatalogOrThrow } from '../lib/definitions/catalog';
import { repoPath } from '../lib/paths';
import { launchBrowser, openPage } from '../test/support/browser';
import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { installQuietRuntime, MANAGER, startHarness } from '../test/support/harness';
import { assertWebAppBuilt } from '../test/web/pages';
import { seedCityHistory } from './city-history';
import { median, sessionScript } from './signed-in';

const REQUESTS = Number(process.env.REQUESTS ?? 20_000);
const ROUNDS = 9;
const FIRST_VIEW_BUDGET_MS = 1000;
const DAY_MS = 86_400_000;
const dist = repoPath('web/dist');

/** What the first view's check reads of the page (the bench's types have no DOM). */
interface ShownPage {
  querySelector(selector: string): { textContent: string | null } | null;
}

/** The reports the dashboard asks for at once, as its page asks (see web/src/features/oversight/use-reports.ts). */
function dashboardReads(days: number, now: number): string[] {
  const to = new Date(Math.ceil(now / 60_000) * 60_000);
  const range = `from=${new Date(to.getTime() - days * DAY_MS).toISOString()}&to=${to.toISOString()}`;
  const week = `${range}&period=week`;
  return [
    `/api/reports/districts?${range}`,
    `/api/reports/on-time?${range}`,
    `/api/reports/breaches?${week}`,
    `/api/reports/breaches?${week}&by=office`,
    `/api/reports/breaches?${week}&by=department`,
    `/api/reports/throughput?${week}`,
    `/api/reports/backlog?${week}`,
    `/api/reports/step-times?${range}`,
    '/api/sla/summary?by=district',
  ];
}

/** Whether a script chunk carries a library, by a name only that library's code holds. */
function chunksWith(marker: string): string[] {
  const assets = join(dist, 'assets');
  return readdirSync(assets).filter(
    (name) => name.endsWith('.js') && readFileSync(join(assets, name), 'utf8').includes(marker),
  );
}

function firstLoadFiles(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
}

const kb = (files: string[]) =>
  files.reduce((sum, name) => sum + gzipSync(readFileSync(join(dist, 'assets', name))).length, 0) / 1024;

async function main(): Promise<void> {
  assertWebAppBuilt();
  const first = firstLoadFiles();
  for (const [library, marker] of [
    ['charts (ECharts)', '__ec_inner_'],
    ['editor (Monaco)', 'monaco-editor'],
  ] as const) {
    const chunks = chunksWith(marker);
    const inFirst = chunks.filter((name) => first.includes(name));
    if (inFirst.length > 0) throw new Error(`${library} is in the first load: ${inFirst.join(', ')}`);
    console.log(
      `dashboard: ${library} in ${chunks.length} chunk(s), ${kb(chunks).toFixed(0)} kB compressed, none in the first load`,
    );
  }

  installQuietRuntime();
  // The reports read the embedded work store; the PostgreSQL server the store's own suites use is not needed.
  process.env.PK_TEST_POSTGRES ??= 'off';
  await globalSetup();
  const system = await startHarness();
  const browser = await launchBrowser();
  try {
    const org = system.organisation;
    // Requests start on version 1 of each service, as the harness publishes the definitions.
    const plans = loadCatalogOrThrow(repoPath('definitions/services'), org).map((entry) => ({
      ...entry.plan,
      version: 1,
    }));
    const seeding = performance.now();
    const now = Date.now();
    const seeded = await seedCityHistory(system.store.writer, org, plans, org.calendar, {
      requests: REQUESTS,
      now,
    });
    console.log(
      `dashboard: a year of ${seeded.requests} requests (${seeded.tasks} tasks) over ${plans.length} services written in ${((performance.now() - seeding) / 1000).toFixed(0)} s`,
    );

    for (const days of [28, 365]) {
      const manager = system.as(MANAGER);
      const times = new Map<string, number[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const path of dashboardReads(days, now)) {
          const before = performance.now();
          const answer = await manager.get(path);
          if (answer.status !== 200)
            throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
          const name = path.replace(/\?.*?(&by=(\w+))?$/, (_, __, by?: string) => (by ? ` by ${by}` : ''));
          times.set(name, [...(times.get(name) ?? []), performance.now() - before]);
        }
      }
      const each = [...times.entries()].map(([name, ms]) => `${name} ${median(ms).toFixed(0)}`).join(', ');
      console.log(`dashboard: reports over ${days} days, median ms of ${ROUNDS}: ${each}`);
    }

    const signedIn = await sessionScript(system, 'p-services-manager');
    for (const days of [28, 365]) {
      const pageTimes: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const { context, page } = await openPage(browser, system.url);
        await context.addInitScript(signedIn);
        const opened = performance.now();
        await page.goto(`/oversight?range=${days}`);
        // The first view is on screen when all three are: checked together in the page, once a
        // frame, since three checks one after another would each wait for the page to be free.
        await page.waitForFunction(
          () => {
            const page = (globalThis as unknown as { document: ShownPage }).document;
            return (
              (page.querySelector('[data-figure="onTime"]')?.textContent ?? '—') !== '—' &&
              page.querySelector('[data-chart="district-grid"] svg') !== null &&
              page.querySelector('table.worst tbody tr') !== null
            );
          },
          undefined,
          { polling: 'raf' },
        );
        pageTimes.push(performance.now() - opened);
        await context.close();
      }
      console.log(
        `dashboard: first view over ${days} days in ${median(pageTimes).toFixed(0)} ms (median of ${ROUNDS}; budget ${FIRST_VIEW_BUDGET_MS} ms)`,
      );
    }
  } finally {
    await browser.close();
    await system.stop();
    await globalTeardown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
