/**
 * The tracking page says what the step tells the citizen: its application status instead of the
 * step's title, and why the clock stands still and until when.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { fixture, startHarness, type Harness } from '../support/harness';
import { assertWebAppBuilt, expectAccessible } from './pages';

let system: Harness;
let browser: Browser;

beforeAll(async () => {
  assertWebAppBuilt();
  system = await startHarness({ servicesDir: fixture('language'), organisationDir: fixture('organisation') });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('the tracking page at a step that speaks to the citizen', () => {
  test('when the case is before the court, then the applicant reads its status and why the clock stands still', async () => {
    const started = await system.post('/api/requests', {
      serviceId: 'court-hearing',
      district: 'd01',
      intakeOffice: 'o-1',
      applicant: { name: 'Zahra Karimi' },
      data: {},
    });
    expect(started.status).toBe(201);
    const { trackingCode: code, secret } = started.body;
    const { page } = await openPage(browser, system.url, { phone: true });
    await page.goto(`/track?code=${code}`);
    await page.getByLabel('رمز پیگیری').fill(secret);
    await page.getByRole('button', { name: 'نمایش درخواست' }).click();
    await page.getByText('پرونده در دادگاه مطرح است').waitFor();
    expect(await page.getByText('جلسه دادگاه', { exact: true }).count()).toBe(0);
    const stopped = page.getByTestId('clock-stopped');
    await stopped.waitFor();
    expect(await stopped.textContent()).toContain('زمان رسیدگی ایستاده است: در انتظار جلسه دادگاه');
    await expectAccessible(page, 'tracking, clock stopped by a step');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Your case is before the court').waitFor();
    expect(await stopped.textContent()).toContain(
      "The time limit stands still: Waiting for the court's hearing",
    );
  }, 120_000);
});
