/**
 * An inspector suspends an office's licence from its page, with a reason, and sees the office's
 * open work move to other offices at once; the licence log and the office's record show the
 * change; the fairness of routing is on the offices page. In Persian, on the real stack; every
 * page passes the accessibility check.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { MANAGER, eventually, startHarness, type Harness } from '../support/harness';
import { assertWebAppBuilt, expectAccessible, reloadUntilVisible, signInAs, startPermit } from './pages';

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

describe('an inspector and a licence in the web app', () => {
  test("when an inspector suspends an office's licence, then the office's open work moves to other offices and the change is logged with its reason", async () => {
    const codes = [
      await startPermit(system, { office: 'o-0101' }),
      await startPermit(system, { office: 'o-0101' }),
    ];
    await eventually(async () => {
      const { body } = await system.as(MANAGER).get('/api/tasks?assignee=office:o-0101');
      return body.total === 2 ? true : undefined;
    });

    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-inspector-1', '/oversight');
    await page.getByRole('link', { name: 'دفاتر و عدالت توزیع' }).click();
    await page.getByRole('heading', { name: 'عدالت در توزیع کار' }).waitFor();
    await page.locator('[data-gini]').waitFor();
    await expectAccessible(page, 'offices');

    await page.getByRole('link', { name: 'دفتر خدمات الکترونیک شهر کد ۰۱۰۱' }).click();
    await page.getByText('۲ کار باز').waitFor();
    await expectAccessible(page, 'office');
    await page.getByLabel('تغییر', { exact: true }).selectOption('suspend');
    await page.getByLabel('دلیل').fill('گرفتن وجه خارج از خزانه شهرداری');
    await page.getByRole('button', { name: 'تعلیق مجوز' }).click();
    await page.locator('[data-licence="suspended"]').first().waitFor();
    await page.getByText('۰ کار باز').waitFor({ timeout: 30_000 });

    // Each request is now with another office, and its page says why.
    await page.goto(`/requests/${codes[0]}`);
    await page.locator('[data-move]', { hasText: 'گرفتن وجه خارج از خزانه شهرداری' }).waitFor();
    const now = await page.locator('section[aria-labelledby="now-heading"] ul').textContent();
    expect(now).toContain('دفتر خدمات الکترونیک شهر کد');
    expect(now).not.toContain('۰۱۰۱');

    await page.goto('/oversight/licences');
    await page.locator('h1').waitFor();
    const logged = page.getByRole('cell', { name: 'گرفتن وجه خارج از خزانه شهرداری' });
    await reloadUntilVisible(page, logged, 'the suspension in the licence log');
    await expectAccessible(page, 'licence log');
  }, 240_000);
});
