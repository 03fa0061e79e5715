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

/** A day in Tehran's calendar as a manager writes it, in Persian digits: ۱۴۰۵/۰۹/۰۹. */
function jalaliDay(daysFromToday: number): string {
  const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(Date.now() + daysFromToday * 86_400_000));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return persian(`${part('year')}/${part('month')}/${part('day')}`);
}

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
    // The grid's numbers read as a table too, once asked for: district 1 with two breaches.
    const grid = page.locator('figure', { has: page.locator('[data-chart="district-grid"]') });
    await grid.getByText('اعداد به صورت جدول').click();
    const numbers = grid.locator('table tbody tr', { hasText: 'منطقه ۱' });
    await expect(numbers.locator('td').first().textContent()).resolves.toBe('۲');
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

  test('when a manager types two days of the Persian calendar, then the dashboard counts those days only, and a day that is not one is named', async () => {
    await startPermit(system, { district: 'd03', office: 'o-0301', daysAgo: 4 });
    await eventually(async () => {
      const { body } = await system.as(MANAGER).get('/api/sla/breaches?district=d03');
      return body.total >= 1 ? true : undefined;
    }, 30_000);
    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-services-manager', '/oversight');
    const grid = page.locator('section[aria-labelledby="districts-heading"]');
    const choose = async (from: string, to: string) => {
      await page.getByLabel('دوره', { exact: true }).selectOption('custom');
      await page.getByLabel('از روز', { exact: true }).fill(from);
      await page.getByLabel('تا روز', { exact: true }).fill(to);
      await page.getByRole('button', { name: 'نمایش', exact: true }).click();
    };

    // A fortnight a year ago: nothing breached then.
    await choose(jalaliDay(-380), jalaliDay(-366));
    await page.getByText(`از ${jalaliDay(-380)} ۰۰:۰۰`, { exact: false }).waitFor();
    await grid.getByText('در این دوره چیزی نیست.').waitFor();
    expect(new URL(page.url()).searchParams.get('range')).toBeNull();

    // The last week up to today, both days included: district 3's breach is there.
    await choose(jalaliDay(-7), jalaliDay(0));
    await page.getByText(`تا ${jalaliDay(1)} ۰۰:۰۰`, { exact: false }).waitFor();
    await page.locator('table.worst tbody tr').getByRole('link', { name: 'منطقه ۳' }).waitFor();
    await expectAccessible(page, 'dashboard over days typed');

    // The 31st of Esfand 1405 is not a day (1405 is not a leap year): it is named, nothing changes.
    await choose('۱۴۰۵/۱۲/۳۱', jalaliDay(0));
    await page
      .getByRole('alert')
      .getByText('هر دو روز را به تقویم خورشیدی بنویسید', { exact: false })
      .waitFor();
    await page.locator('table.worst tbody tr').getByRole('link', { name: 'منطقه ۳' }).waitFor();
  });
});
