/**
 * A manager's actions on one request, in Persian, on the real stack: stopping its clock while it
 * waits on the applicant, starting it again and extending its deadline, each with its reason in
 * the request's history and an entry in its audit trail; an inspector may move the request's
 * work but not touch its clock. The lists of escalated and at-risk work show each task's ladder.
 * Every page passes the accessibility check.
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

describe("a request's clock and deadline in the web app", () => {
  test('when a manager stops the clock, starts it again and extends the deadline, then each shows in the history with its reason and in the audit trail', async () => {
    const code = await startPermit(system);
    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-services-manager', '/oversight');
    await page.goto(`/requests/${code}`);
    await page.getByRole('heading', { name: 'اقدام‌ها' }).waitFor();

    const stop = page.getByRole('group', { name: 'توقف زمان‌سنج (در انتظار متقاضی)' });
    // A reason is asked for before anything is sent.
    await stop.getByRole('button', { name: 'توقف زمان‌سنج' }).click();
    await stop.getByText('دلیل را بنویسید (دست‌کم سه حرف)', { exact: false }).waitFor();
    await stop.getByLabel('دلیل').fill('متقاضی باید سند مالکیت را بیاورد');
    await stop.getByRole('button', { name: 'توقف زمان‌سنج' }).click();
    await page.getByRole('status').getByText('زمان‌سنج متوقف شد.').waitFor();
    await page.getByText('متوقف از', { exact: false }).waitFor();
    await expectAccessible(page, 'request with its clock stopped');

    await page
      .getByRole('group', { name: 'ادامه زمان‌سنج' })
      .getByRole('button', { name: 'ادامه زمان‌سنج' })
      .click();
    await page.getByRole('status').getByText('زمان‌سنج دوباره کار می‌کند.').waitFor();
    await page.getByRole('group', { name: 'توقف زمان‌سنج (در انتظار متقاضی)' }).waitFor();
    const history = page.locator('section[aria-labelledby="timeline-heading"]');
    await history
      .locator('li.timeline-suspension', { hasText: 'متقاضی باید سند مالکیت را بیاورد' })
      .getByText('توقف زمان‌سنج تا', { exact: false })
      .waitFor();

    const extend = page.getByRole('group', { name: 'تمدید مهلت' });
    await extend.getByLabel('مهلتِ').selectOption({ label: 'کل درخواست' });
    await extend.getByLabel('به روز کاری').fill('۲');
    await extend.getByLabel('دلیل').fill('استعلام ثبت اسناد طول کشید');
    await extend.getByRole('button', { name: 'تمدید کن' }).click();
    await extend.getByText('مهلت تمدید شد.').waitFor();
    await history
      .locator('li.timeline-deadline', { hasText: 'استعلام ثبت اسناد طول کشید' })
      .getByText('تغییر مهلت از', { exact: false })
      .waitFor();

    const audit = page.locator('ol.audit');
    for (const action of ['توقف زمان‌سنج', 'ادامه زمان‌سنج', 'تمدید مهلت'])
      await audit.locator('li', { hasText: action }).first().waitFor();
    await expectAccessible(page, 'request after its clock and deadline changed');
  }, 180_000);

  test('when an inspector opens a request, then they may move its work but not stop its clock or extend it', async () => {
    const code = await startPermit(system);
    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-inspector-1', '/oversight');
    await page.goto(`/requests/${code}`);
    await page.getByRole('group', { name: 'جابه‌جایی کار' }).waitFor();
    await expect(page.getByRole('group', { name: 'توقف زمان‌سنج (در انتظار متقاضی)' }).count()).resolves.toBe(
      0,
    );
    await expect(page.getByRole('group', { name: 'تمدید مهلت' }).count()).resolves.toBe(0);
  }, 120_000);

  test('when a request breached days ago, then the escalated list shows its ladder and who it went to, and the request opens from it', async () => {
    const code = await startPermit(system, { daysAgo: 4 });
    await eventually(async () => {
      const { body } = await system.as(MANAGER).get('/api/sla/escalations');
      return (body.items as { trackingCode: string }[]).some((item) => item.trackingCode === code)
        ? true
        : undefined;
    }, 30_000);

    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-services-manager', '/oversight');
    await page.goto('/oversight/sla?list=escalations');
    const row = page.locator('table.sla-list tbody tr', { hasText: persian(code) });
    await row.waitFor();
    await expect(row.locator('.escalated').textContent()).resolves.toMatch(/^سطح [۱-۹]/);
    await expectAccessible(page, 'escalated list');

    await page.getByRole('button', { name: 'نزدیک به مهلت' }).click();
    await page.getByRole('heading', { name: 'تأخیرها، خطرها و ارجاع‌ها' }).waitFor();
    await page.locator('.count-note').waitFor();
    await expectAccessible(page, 'at-risk list');

    await page.getByRole('button', { name: 'ارجاع‌شده' }).click();
    await row.getByRole('link', { name: persian(code) }).click();
    await page.waitForURL(`**/requests/${code}`);
    await page.locator('li.timeline-escalation').first().waitFor();
  }, 180_000);
});
