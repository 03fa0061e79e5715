/**
 * A residential building permit as the people who handle it use the web app, in Persian, on the
 * real stack (Temporal, worker, API serving the built app) and Debian's Chromium: a clerk takes
 * it in and completes intake, the district's reviewer returns it for correction, the applicant
 * follows it on a phone and sees the date it is expected again once the office sends it back,
 * the reviewer approves, the assessor sets the dues, the treasury's payment is recorded, and
 * the applicant sees the bill paid. Every page passes the accessibility check.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { startHarness, type Harness } from '../support/harness';
import { assertWebAppBuilt, expectAccessible, latin, openTaskFromWorklist, persian, signInAs } from './pages';

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

/** A person at their own desk: their own browser context, signed in. */
async function desk(personId: string, landing = '/work'): Promise<Page> {
  const { page } = await openPage(browser, system.url);
  await signInAs(page, personId, landing);
  return page;
}

/** The day of a task's deadline as the API gives it, as the page shows it. */
async function stepDay(code: string, step: string): Promise<string> {
  const { body } = await system.get(`/api/requests/${code}`);
  const task = body.currentTasks.find((t: { step: string }) => t.step === step);
  return persian(String(task.deadline.jalali).split(' ')[0] ?? '');
}

async function completeWith(page: Page, outcome: string): Promise<void> {
  await page.getByRole('button', { name: outcome, exact: true }).click();
  await page.getByRole('heading', { name: 'کار انجام شد' }).waitFor();
}

describe('a residential building permit in the web app', () => {
  test('when a clerk, a reviewer, an assessor, the treasury and the applicant each do their part, then the request moves from intake to the permit and the applicant sees each step', async () => {
    // The clerk lands on the office's worklist and takes the request in.
    const clerk = await desk('p-0101-clerk');
    await expectAccessible(clerk, 'worklist');
    await clerk.getByRole('link', { name: 'پذیرش درخواست' }).click();
    await clerk.getByLabel('جستجوی خدمت').fill('پروانه ساختمانی مسکونی');
    await expectAccessible(clerk, 'catalog');
    await clerk.getByRole('link', { name: 'صدور پروانه ساختمانی مسکونی' }).click();
    await clerk.getByLabel('نام و نام خانوادگی').fill('سارا احمدی');
    await clerk.getByLabel('کد ملی').fill('۰۰۱۲۳۴۵۶۷۸');
    await clerk.getByLabel('منطقه').selectOption('d01');
    await clerk.getByLabel('پلاک ثبتی').fill('1234/56');
    await clerk.getByLabel('زیربنای ناخالص (متر مربع)').fill('۴۲۰');
    await clerk.getByLabel('تعداد طبقات').fill('0');
    await clerk.getByLabel('تعداد واحدها').fill('8');
    // A floor count the form refuses is said next to the field, in Persian, before anything is sent.
    await clerk.getByText('کمترین مقدار ۱ است.').waitFor();
    await expectAccessible(clerk, 'intake form with a fault');
    await clerk.getByLabel('تعداد طبقات').fill('4');
    await clerk.getByRole('button', { name: 'ثبت درخواست و صدور رسید' }).click();
    await clerk.getByRole('heading', { name: 'رسید ثبت درخواست' }).waitFor();
    await expectAccessible(clerk, 'receipt');
    const code = latin((await clerk.getByTestId('receipt-code').textContent()) ?? '');
    const secret = (await clerk.getByTestId('receipt-secret').textContent()) ?? '';
    expect(code).toMatch(/^[0-9]{12}$/);
    expect(secret.length).toBeGreaterThan(8);

    // The request is found again by its tracking code, typed in Persian digits.
    await clerk.getByRole('link', { name: 'جستجوی درخواست' }).click();
    await clerk.getByLabel('کد رهگیری یا کد ملی').fill(persian(code));
    await clerk.getByRole('button', { name: 'جستجو' }).click();
    await clerk.getByRole('heading', { name: 'اکنون کجاست' }).waitFor();
    await clerk.getByText('پذیرش درخواست و بررسی مدارک').first().waitFor();
    await expectAccessible(clerk, 'request');

    // The clerk claims the intake, confirms the documents and sends it on.
    await openTaskFromWorklist(clerk, code, 'pool');
    await expectAccessible(clerk, 'task');
    await clerk.getByRole('button', { name: 'برداشتن کار' }).click();
    await clerk.getByText('این کار را شما برداشته‌اید.').waitFor();
    await clerk.getByRole('button', { name: 'ثبت و ارسال' }).click();
    await clerk.getByText('برای ادامه این گزینه را تأیید کنید.').waitFor();
    await clerk.getByLabel('اصل مدارک کامل رؤیت و اسکن شد').check();
    await completeWith(clerk, 'ثبت و ارسال');
    await clerk.getByText('بررسی نقشه و انطباق با طرح تفصیلی', { exact: false }).waitFor();

    // The district's plan reviewer returns it for correction.
    const reviewer = await desk('p-d01-up-reviewer');
    await openTaskFromWorklist(reviewer, code);
    await reviewer.getByRole('heading', { name: 'سابقه درخواست' }).waitFor();
    await completeWith(reviewer, 'بازگشت برای اصلاح');

    // The applicant opens the request on a phone: it is back at the office's intake.
    const { page: applicant } = await openPage(browser, system.url, { phone: true });
    await applicant.goto('/track');
    await expectAccessible(applicant, 'open a request');
    await applicant.getByLabel('کد رهگیری (۱۲ رقم)').fill(persian(code));
    await applicant.getByLabel('رمز پیگیری').fill(secret);
    await applicant.getByRole('button', { name: 'نمایش درخواست' }).click();
    await applicant.getByRole('heading', { name: 'درخواست شما کجاست' }).waitFor();
    await applicant.getByText('پذیرش درخواست و بررسی مدارک').first().waitFor();
    await expectAccessible(applicant, 'tracking at a phone width');
    const width = await applicant.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);

    // The correction is brought to the office; the clerk sends it back to the reviewer, and the
    // applicant sees the plan review with the date it is now expected.
    await openTaskFromWorklist(clerk, code, 'pool');
    await clerk.getByLabel('اصل مدارک کامل رؤیت و اسکن شد').check();
    await completeWith(clerk, 'ثبت و ارسال');
    await applicant.reload();
    await applicant.getByText('بررسی نقشه و انطباق با طرح تفصیلی').first().waitFor();
    await applicant.getByText(`مهلت این مرحله: ${await stepDay(code, 'plan-review')}`).waitFor();
    await applicant.getByText('بازگشت برای اصلاح').first().waitFor();

    // The reviewer approves; the assessor sets the land value, which the form checks first.
    await openTaskFromWorklist(reviewer, code);
    await completeWith(reviewer, 'تأیید');
    const assessor = await desk('p-d01-fin-assessor');
    await openTaskFromWorklist(assessor, code);
    await assessor.getByLabel('ارزش معاملاتی هر متر مربع زمین (ریال)').fill('سی');
    await assessor.getByText('یک عدد صحیح بنویسید.').waitFor();
    await assessor.getByLabel('ارزش معاملاتی هر متر مربع زمین (ریال)').fill('۳۰۰۰۰۰۰۰');
    await completeWith(assessor, 'انجام شد');

    // The treasury records the payment that arrived against the bill.
    const treasury = await desk('p-treasury-officer');
    await openTaskFromWorklist(treasury, code);
    await expectAccessible(treasury, 'payment task');
    await treasury.getByLabel('شماره رسید پرداخت خزانه').fill('TR-77001');
    await treasury.getByRole('button', { name: 'ثبت پرداخت' }).click();
    await treasury.getByRole('heading', { name: 'کار انجام شد' }).waitFor();
    await treasury.getByText('صدور پروانه ساختمانی', { exact: false }).first().waitFor();

    // The applicant sees the dues paid and the permit being issued.
    await applicant.reload();
    await applicant.getByText('پرداخت شده در', { exact: false }).waitFor();
    await applicant.getByText('صدور پروانه ساختمانی').first().waitFor();
  }, 240_000);
});
