/**
 * A supervisor sees what was escalated to them: a request taken over three weeks after it was
 * received comes in past its intake's deadline, the ladder alerts the office's supervisor (the
 * district's head of e-service office supervision), and their worklist's "escalated to me" view
 * lists it. The view reads GET /api/tasks?escalated=mine, which the work store serves.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { startHarness, type Harness } from '../support/harness';
import { assertWebAppBuilt, expectAccessible, openTaskFromWorklist, signInAs } from './pages';

let system: Harness;
let browser: Browser;

beforeAll(async () => {
  assertWebAppBuilt();
  system = await startHarness();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const THREE_WEEKS_MS = 21 * 24 * 3600 * 1000;

describe('escalations in the web app', () => {
  test('when an intake passes its deadline, then the office supervisor finds it under "escalated to me" with the escalation in its timeline', async () => {
    const started = await system.post('/api/requests', {
      serviceId: 'building-permit-residential',
      district: 'd01',
      intakeOffice: 'o-0101',
      applicant: { name: 'Sara Ahmadi' },
      data: { parcel: '1234/56', area: 420, floors: 4, units: 8 },
      received: {
        at: new Date(Date.now() - THREE_WEEKS_MS).toISOString(),
        reason: 'Taken over from the earlier system',
      },
    });
    expect(started.status).toBe(201);
    const code: string = started.body.trackingCode;

    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-d01-offices-head', '/work');
    await openTaskFromWorklist(page, code, 'escalated');
    await page.getByText('ارجاع سطح ۱ به مسئول نظارت بر دفاتر منطقه ۱').waitFor();
    await expectAccessible(page, 'escalated task');
  }, 120_000);
});
