/**
 * A manager's morning, in Persian, on the real stack: the dashboard of the last week names the
 * district with the most breaches; its breaches list the request and the office that let it
 * breach; the request's page moves the task to another office with a reason, and the move and its
 * audit entry are there to see. Every page passes the accessibility check.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { MANAGER, eventually, startHarness, type Harness } from '../support/harness';
import { assertWebAppBuilt, expectAccessible, persian, signInAs, startPermit } from './pages';

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

describe("a manager's morning in the web app", () => {
  test('when a manager finds the worst district of the week and moves its breached request, then the move and its audit entry show on the request', async () => {
    // Two intakes in district 1 and one in district 2 passed their deadline this week.
    const late = await startPermit(system, { district: 'd01', office: 'o-0101', daysAgo: 4 });
    await startPermit(system, { district: 'd01', office: 'o-0101', daysAgo: 4 });
    await startPermit(system, { district: 'd02', office: 'o-0101', daysAgo: 4 });
    await eventually(async () => {
      const { body } = await system.as(MANAGER).get('/api/sla/breaches');
      return body.total >= 3 ? true : undefined;
    }, 30_000);

    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-services-manager', '/oversight');
    await page.getByLabel('دوره', { exact: true }).selectOption('7');
    const worst = page.locator('table.worst tbody tr').first();
    await worst.getByRole('link', { name: 'منطقه ۱' }).waitFor();
    await expect(worst.locator('td').first().textContent()).resolves.toBe('۲');
    await page.locator('[data-chart="district-grid"] svg').waitFor();
    await expectAccessible(page, 'dashboard');

    await worst.getByRole('link', { name: 'منطقه ۱' }).click();
    await page.getByRole('heading', { name: 'تأخیرها، خطرها و ارجاع‌ها' }).waitFor();
    const row = page.locator('table.sla-list tbody tr', { hasText: persian(late) });
    await row.waitFor();
    await expect(row.locator('[data-let-breach]').textContent()).resolves.toBe(
      'دفتر خدمات الکترونیک شهر کد ۰۱۰۱',
    );
    await expect(page.locator('table.sla-list tbody tr').count()).resolves.toBe(2);
    await expectAccessible(page, 'breaches of district 1');

    await row.getByRole('link', { name: persian(late) }).click();
    await page.getByRole('heading', { name: 'اقدام‌ها' }).waitFor();
    await expectAccessible(page, 'request with actions');
    // The ladder may have moved the task already; the list offers only offices that do not hold it.
    const to = page.getByLabel('به', { exact: true });
    const offered = await to
      .locator('option')
      .evaluateAll((options) => options.map((option) => option.getAttribute('value') ?? ''));
    expect(offered).not.toContain('office:o-0401');
    await to.selectOption(offered.includes('office:o-0102') ? 'office:o-0102' : 'office:o-0103');
    await page
      .getByRole('group', { name: 'جابه‌جایی کار' })
      .getByLabel('دلیل')
      .fill('دفتر ۰۱۰۱ بیش از ظرفیت کار دارد');
    await page.getByRole('button', { name: 'جابه‌جا کن' }).click();
    await page.getByText('کار جابه‌جا شد؛ سابقه نشان می‌دهد به کجا و چرا.').waitFor();
    await page.locator('[data-move]', { hasText: 'دفتر ۰۱۰۱ بیش از ظرفیت کار دارد' }).waitFor();
    await page.locator('ol.audit li', { hasText: 'جابه‌جایی کار' }).waitFor();
    await expectAccessible(page, 'request after the move');
  }, 240_000);
});
