/**
 * The web app's speed, as the issue sets it: the script a first visit loads before anything
 * else (compressed, budget 300 kB; pages load later, each in its own chunk), and how soon the
 * worklist page is usable when the office's pool holds 1,000 tasks (budget 1 s): from the
 * navigation until its first page of tasks is on screen, in Debian's Chromium, on the real
 * stack (Temporal dev server, worker, API serving the built app). TASKS=n changes the count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { claimsOfPerson } from '../api/auth/people';
import { repoPath } from '../lib/paths';
import { launchBrowser, openPage } from '../test/support/browser';
import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { installQuietRuntime, startHarness, type Harness } from '../test/support/harness';
import { assertWebAppBuilt } from '../test/web/pages';
import { median, sessionScript } from './signed-in';

const TASKS = Number(process.env.TASKS ?? 1000);
const ROUNDS = 9;
const FIRST_LOAD_BUDGET_KB = 300;
const USABLE_BUDGET_MS = 1000;
const dist = repoPath('web/dist');

/** The scripts index.html loads at once: its entry and what it preloads. */
function firstLoadKb(): { kb: number; files: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const bytes = paths.reduce((sum, path) => sum + gzipSync(readFileSync(join(dist, path))).length, 0);
  return { kb: bytes / 1024, files: paths.length };
}

async function fillPool(system: Harness): Promise<void> {
  const body = {
    serviceId: 'building-permit-residential',
    district: 'd01',
    intakeOffice: 'o-0101',
    applicant: { name: 'Bench Applicant' },
    data: { parcel: '1234/56', area: 420, floors: 4, units: 8 },
  };
  let next = 0;
  const worker = async () => {
    while (next < TASKS) {
      next += 1;
      const answer = await system.post('/api/requests', body);
      if (answer.status !== 201) throw new Error(`start refused: ${JSON.stringify(answer.body)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await system.as('office:o-0101').get('/api/tasks?view=pool&pageSize=1');
    const list = answer.body as { total: number };
    if (list.total >= TASKS) return;
    if (Date.now() > deadline) throw new Error(`only ${list.total} of ${TASKS} tasks reached the pool`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<void> {
  assertWebAppBuilt();
  const first = firstLoadKb();
  console.log(
    `web: first load ${first.kb.toFixed(1)} kB of compressed script in ${first.files} file(s) (budget ${FIRST_LOAD_BUDGET_KB} kB)`,
  );

  installQuietRuntime();
  // Pages read the embedded work store; the PostgreSQL server the store's own suites use is not needed.
  process.env.PK_TEST_POSTGRES ??= 'off';
  await globalSetup();
  const system = await startHarness();
  const browser = await launchBrowser();
  try {
    const started = performance.now();
    await fillPool(system);
    console.log(
      `web: ${TASKS} requests taken in at one office in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const clerk = system.organisation.person('p-0101-clerk');
    if (!clerk) throw new Error('the organisation has no p-0101-clerk');
    const signedIn = await sessionScript(system, clerk.id);
    const apiTimes: number[] = [];
    const pageTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = performance.now();
      await system.as(claimsOfPerson(clerk)).get('/api/tasks?view=pool&sort=deadline&page=1&pageSize=50');
      apiTimes.push(performance.now() - before);

      const { context, page } = await openPage(browser, system.url);
      await context.addInitScript(signedIn);
      const opened = performance.now();
      await page.goto('/work?view=pool');
      await page.locator('table.tasks tbody tr').nth(49).waitFor();
      pageTimes.push(performance.now() - opened);
      await context.close();
    }
    console.log(
      `web: worklist of ${TASKS} tasks usable in ${median(pageTimes).toFixed(0)} ms (median of ${ROUNDS}; budget ${USABLE_BUDGET_MS} ms); GET /api/tasks alone ${median(apiTimes).toFixed(0)} ms`,
    );
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
