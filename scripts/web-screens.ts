/**
 * `npm run screens`: regenerates docs/screens/, a picture of every page of the web app in
 * Persian (staff, citizens, managers, inspectors and designers), on the real stack (the
 * Temporal dev server the tests use, a worker, the API serving the built app) with requests at
 * the steps each page shows, taken by Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { repoPath } from '../lib/paths';
import { launchBrowser, openPage } from '../test/support/browser';
import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { eventually, installQuietRuntime, startHarness, type Harness } from '../test/support/harness';
import {
  assertWebAppBuilt,
  openTaskFromWorklist,
  reloadUntilVisible,
  replaceInEditor,
  signInAs,
} from '../test/web/pages';

const OUT = repoPath('docs/screens');

async function shoot(page: Page, name: string): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  console.log(`docs/screens/${name}.png`);
}

async function start(system: Harness, serviceId: string, data: Record<string, unknown>, daysAgo = 0) {
  const answer = await system.post('/api/requests', {
    serviceId,
    district: 'd01',
    intakeOffice: 'o-0101',
    applicant: { name: 'سارا احمدی', nationalId: '0012345678' },
    data,
    ...(daysAgo > 0
      ? {
          received: {
            at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
            reason: 'Taken over from the earlier system',
          },
        }
      : {}),
  });
  return answer.body as { trackingCode: string; secret: string };
}

/** Completes a request's open task at a step, as its holder. */
async function complete(system: Harness, code: string, step: string, outcome: string, data?: object) {
  type Open = { taskId: string; step: string };
  const task = await eventually(async () => {
    const answer = await system.get(`/api/requests/${code}`);
    return (answer.body as { currentTasks?: Open[] }).currentTasks?.find((t) => t.step === step);
  });
  await system.post(`/api/tasks/${task.taskId}/complete`, { outcome, ...(data ? { data } : {}) });
}

async function pages(system: Harness, browser: Browser): Promise<void> {
  const permit = { parcel: '1234/56', area: 420, floors: 4, units: 8 };
  const late: string[] = [];
  for (const days of [0, 0, 1, 1, 21, 4, 4]) {
    const started = await start(system, 'building-permit-residential', permit, days);
    if (days > 1) late.push(started.trackingCode);
  }
  const paying = await start(system, 'building-permit-residential', permit);
  await complete(system, paying.trackingCode, 'intake', 'submit', { documentsComplete: true });
  await complete(system, paying.trackingCode, 'plan-review', 'approve');
  await complete(system, paying.trackingCode, 'dues-assessment', 'done', { landValue: 30_000_000 });
  const complaint = await start(system, 'citizen-complaint', {
    subject: 'waste',
    description: 'Bins not emptied for a week on our street',
  });
  await complete(system, complaint.trackingCode, 'intake', 'done');
  await complete(system, complaint.trackingCode, 'resolution', 'resolved', { actionTaken: 'Bins emptied' });

  const { page } = await openPage(browser, system.url);
  await page.goto('/sign-in');
  await shoot(page, '01-sign-in');
  await signInAs(page, 'p-0101-clerk', '/work');
  await page.goto('/work?view=pool');
  await page.locator('table.tasks').waitFor();
  await shoot(page, '02-worklist');
  await page.locator('table.tasks a.code').first().click();
  await page.locator('#work-heading').waitFor();
  await shoot(page, '03-task');
  await page.goto('/intake');
  await shoot(page, '04-intake-catalog');
  await page.goto('/intake/building-permit-residential');
  await page.getByLabel('نام و نام خانوادگی').fill('سارا احمدی');
  await page.getByLabel('تعداد طبقات').fill('0');
  await shoot(page, '05-intake-form');
  await page.getByLabel('کد ملی').fill('0012345678');
  await page.getByLabel('منطقه').selectOption('d01');
  await page.getByLabel('پلاک ثبتی').fill('1234/56');
  await page.getByLabel('زیربنای ناخالص (متر مربع)').fill('420');
  await page.getByLabel('تعداد طبقات').fill('4');
  await page.getByLabel('تعداد واحدها').fill('8');
  await page.getByRole('button', { name: 'ثبت درخواست و صدور رسید' }).click();
  await page.getByTestId('receipt-code').waitFor();
  await shoot(page, '06-receipt');
  await page.goto(`/requests/${paying.trackingCode}`);
  await page.locator('#timeline-heading').waitFor();
  await shoot(page, '07-request');

  const { page: treasury } = await openPage(browser, system.url);
  await signInAs(treasury, 'p-treasury-officer', '/work');
  await openTaskFromWorklist(treasury, paying.trackingCode);
  await shoot(treasury, '08-payment-task');

  const { page: phone } = await openPage(browser, system.url, { phone: true });
  await phone.goto('/track');
  await shoot(phone, '09-track-open');
  await phone.getByLabel('کد رهگیری (۱۲ رقم)').fill(complaint.trackingCode);
  await phone.getByLabel('رمز پیگیری').fill(complaint.secret);
  await phone.getByRole('button', { name: 'نمایش درخواست' }).click();
  await phone.getByRole('heading', { name: 'از شما خواسته شده است' }).waitFor();
  await shoot(phone, '10-tracking-asked');
  await phone.goto(`/track?code=${paying.trackingCode}`);
  await phone.getByLabel('رمز پیگیری').fill(paying.secret);
  await phone.getByRole('button', { name: 'نمایش درخواست' }).click();
  await phone.getByRole('heading', { name: 'صورت‌حساب‌ها' }).waitFor();
  await shoot(phone, '11-tracking-bill');

  await oversight(system, browser, late[0] ?? '');
  await design(browser, system.url);
}

/** The manager's and inspector's pages, with breached requests of district 1 and a suspended licence. */
async function oversight(system: Harness, browser: Browser, late: string): Promise<void> {
  await eventually(async () => {
    const breaches = (await system.get('/api/sla/breaches')).body as { total: number };
    return breaches.total >= 3 ? true : undefined;
  });
  const { page } = await openPage(browser, system.url);
  await signInAs(page, 'p-services-manager', '/oversight');
  await page.locator('[data-chart="district-grid"] svg').waitFor();
  await shoot(page, '12-dashboard');
  await page.goto('/oversight/sla?list=breaches&district=d01');
  await page.locator('table.sla-list tbody tr').first().waitFor();
  await shoot(page, '13-sla-breaches');
  await page.goto(`/requests/${late}`);
  await page.locator('ol.audit li').first().waitFor();
  await shoot(page, '14-request-actions');
  await page.goto('/oversight/offices');
  await page.locator('[data-gini]').waitFor();
  await shoot(page, '15-offices');

  const { page: inspector } = await openPage(browser, system.url);
  await signInAs(inspector, 'p-inspector-1', '/oversight');
  await inspector.goto('/oversight/offices/o-0101');
  await inspector.getByLabel('تغییر', { exact: true }).selectOption('suspend');
  await inspector.getByLabel('دلیل').fill('گرفتن وجه خارج از خزانه شهرداری');
  await inspector.getByRole('button', { name: 'تعلیق مجوز' }).click();
  await inspector.getByText('۰ کار باز').waitFor({ timeout: 30_000 });
  await shoot(inspector, '16-office');
  await inspector.goto('/oversight/licences');
  await inspector.locator('h1').waitFor();
  const logged = inspector.getByRole('cell', { name: 'گرفتن وجه خارج از خزانه شهرداری' });
  await reloadUntilVisible(inspector, logged, 'the suspension in the licence log');
  await shoot(inspector, '17-licence-log');
}

/** The designer's pages: the services, the editor with its diagram, a problem, the changes and the versions. */
async function design(browser: Browser, url: string): Promise<void> {
  const { page } = await openPage(browser, url);
  await signInAs(page, 'p-process-designer', '/design');
  await page.locator('tr[data-service="building-permit-residential"]').waitFor();
  await shoot(page, '18-design-services');
  await page.goto('/design/services/building-permit-residential');
  await page.locator('[data-diagram] svg').waitFor();
  await shoot(page, '19-editor');
  await replaceInEditor(
    page,
    'assignee: { department: urban-planning }',
    'assignee: { department: urban-planning, role: plan-reveiwer }',
  );
  await page.locator('.problems li', { hasText: 'plan-reveiwer' }).waitFor();
  await shoot(page, '20-editor-problem');
  await page.keyboard.press('Control+Z');
  await page.locator('[data-valid]').waitFor();
  await replaceInEditor(page, 'sla: P7D', 'sla: P6D');
  await replaceInEditor(page, 'بررسی نقشه و انطباق با طرح تفصیلی', 'بررسی نقشه و انطباق با طرح جامع');
  await page.locator('[data-diagram] svg', { hasText: 'P6D' }).waitFor();
  await page.getByRole('button', { name: 'تغییرات' }).click();
  await page.locator('[data-diff]').getByText('P7D').waitFor();
  await shoot(page, '21-editor-diff');
  await page.getByLabel('یادداشت (چرا این نسخه)').fill('مصوبه شورا: بررسی نقشه در شش روز کاری');
  await page.getByRole('button', { name: 'انتشار', exact: true }).click();
  await page.getByText('منتشر شد', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'نسخه‌ها' }).click();
  await page.locator('.versions tr[data-version="2"]').waitFor();
  await shoot(page, '22-versions');
}

async function main(): Promise<void> {
  assertWebAppBuilt();
  mkdirSync(OUT, { recursive: true });
  installQuietRuntime();
  // Pages read the embedded work store; the PostgreSQL server the store's own suites use is not needed.
  process.env.PK_TEST_POSTGRES ??= 'off';
  await globalSetup();
  let system: Harness | undefined;
  let browser: Browser | undefined;
  try {
    system = await startHarness();
    browser = await launchBrowser();
    await pages(system, browser);
  } finally {
    await browser?.close();
    await system?.stop();
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
