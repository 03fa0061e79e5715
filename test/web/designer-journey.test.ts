/**
 * A process designer at work, in Persian, on the real stack: the services list shows the requests
 * running on each version; in the editor (Monaco, fed the service schema) the designer mistypes a
 * role and sees the server's problem at its line, undoes it, shortens a step's SLA and changes its
 * Persian title, sees the diagram and both changes in the diff, and publishes with a note: a new
 * request runs on the new version while the one already running keeps its own; going back to the
 * first version publishes it again as the newest. A new service starts from the template. Every
 * page passes the accessibility check.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { DESIGNER, eventually, startHarness, type Harness } from '../support/harness';
import { assertWebAppBuilt, expectAccessible, replaceInEditor, signInAs, startPermit } from './pages';

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

const PERMIT = 'building-permit-residential';

describe('a process designer in the web app', () => {
  test('when a designer changes an SLA and a Persian title and publishes, then new requests run on the new version and running ones keep theirs', async () => {
    const running = await startPermit(system);
    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-process-designer', '/design');
    const row = page.locator(`tr[data-service="${PERMIT}"]`);
    await row.getByText('۱ روی نسخه ۱').waitFor();
    await expectAccessible(page, 'services');

    await row.getByRole('link').click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.locator('[data-valid]').waitFor();
    await page.locator('[data-diagram] svg').waitFor();
    await expectAccessible(page, 'editor');

    // A mistyped role: the server names it at its line; the designer goes there and undoes it.
    await replaceInEditor(
      page,
      'assignee: { department: urban-planning }',
      'assignee: { department: urban-planning, role: plan-reveiwer }',
    );
    // In Persian, as the page is: the role kept as written, the one meant suggested.
    const problem = page.locator('.problems li', { hasText: 'نقش «plan-reveiwer» ندارد' });
    await problem.getByText('شاید منظور «plan-reviewer» است؟', { exact: false }).waitFor();
    await problem.getByRole('button', { name: /^سطر ۹۶،/ }).click();
    await page.keyboard.press('Control+Z');
    await page.locator('[data-valid]').waitFor();

    // The plan review gets six working days instead of seven, and a new Persian title.
    await replaceInEditor(page, 'sla: P7D', 'sla: P6D');
    await replaceInEditor(page, 'بررسی نقشه و انطباق با طرح تفصیلی', 'بررسی نقشه و انطباق با طرح جامع');
    await page.locator('[data-valid]').waitFor();
    await page.locator('[data-diagram] svg', { hasText: 'P6D' }).waitFor();
    await page.getByRole('button', { name: 'تغییرات' }).click();
    const diff = page.locator('[data-diff]');
    await diff.getByText('P7D').waitFor();
    await diff.getByText('مهلت', { exact: true }).waitFor();
    await diff.getByText('عنوان (فارسی)').waitFor();
    await diff.getByText('بررسی نقشه و انطباق با طرح جامع').first().waitFor();
    await expectAccessible(page, 'editor with the diff');

    await page.getByLabel('یادداشت (چرا این نسخه)').fill('مصوبه شورا: بررسی نقشه در شش روز کاری');
    await page.getByRole('button', { name: 'انتشار', exact: true }).click();
    await page.getByText('منتشر شد', { exact: false }).waitFor();

    // A new request runs on version 2; the one already running keeps version 1.
    const fresh = await startPermit(system);
    expect((await system.get(`/api/requests/${fresh}`)).body.service.version).toBe(2);
    expect((await system.get(`/api/requests/${running}`)).body.service.version).toBe(1);
    await page.getByRole('button', { name: 'نسخه‌ها' }).click();
    const versions = page.locator('.versions');
    await versions.locator('tr[data-version="2"]', { hasText: 'مصوبه شورا' }).waitFor();
    await eventually(async () => {
      await page.reload();
      await page.getByRole('button', { name: 'نسخه‌ها' }).click();
      const one = await versions
        .locator('tr[data-version="1"] [data-running]')
        .textContent({ timeout: 5000 });
      const two = await versions
        .locator('tr[data-version="2"] [data-running]')
        .textContent({ timeout: 5000 });
      return one === '۱' && two === '۱' ? true : undefined;
    }, 30_000);
    await expectAccessible(page, 'versions');

    // Going back to version 1 publishes its content again as version 3; new requests run on it.
    await page.getByLabel('نسخه‌ای که بازمی‌گردد').selectOption('1');
    await page.getByRole('button', { name: 'انتشار دوباره به عنوان تازه‌ترین' }).click();
    await page.getByText('نسخه دوباره به عنوان تازه‌ترین منتشر شد.').waitFor();
    await versions.locator('tr[data-version="3"]', { hasText: 'بازگرداندن نسخه ۱' }).waitFor();
    const after = await startPermit(system);
    expect((await system.get(`/api/requests/${after}`)).body.service.version).toBe(3);
  }, 300_000);

  test('when a designer starts a new service from the template, then it compiles and publishes as version 1', async () => {
    const { page } = await openPage(browser, system.url);
    await signInAs(page, 'p-process-designer', '/design');
    await page.getByLabel('شناسه (حروف لاتین، رقم و خط تیره)').fill('street-art-permit');
    await page.getByRole('button', { name: 'آغاز پیش‌نویس' }).click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await page.locator('[data-valid]').waitFor();
    await page.getByLabel('یادداشت (چرا این نسخه)').fill('خدمت تازه از الگو');
    await page.getByRole('button', { name: 'انتشار', exact: true }).click();
    await page.waitForURL('**/design/services/street-art-permit');
    const { body } = await system.as(DESIGNER).get('/api/definitions/street-art-permit/versions');
    expect(body.items.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [1, 'خدمت تازه از الگو'],
    ]);
  }, 180_000);
});
