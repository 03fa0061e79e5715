/**
 * An applicant answering what their request asks of them, on a phone: a complaint the district
 * says is resolved waits on the citizen's confirmation; the tracking page offers the answers the
 * step allows, in Persian or, after the switch, in English, and the answer ends the request.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';
import { eventually, startHarness, type Harness } from '../support/harness';
import { assertWebAppBuilt, expectAccessible, persian } from './pages';

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

/** A complaint taken in at an office and resolved by the district, waiting on the citizen. */
async function resolvedComplaint(): Promise<{ code: string; secret: string }> {
  const started = await system.post('/api/requests', {
    serviceId: 'citizen-complaint',
    district: 'd01',
    intakeOffice: 'o-0101',
    applicant: { name: 'Reza Karimi', nationalId: '0012345679' },
    data: { subject: 'waste', description: 'Bins not emptied for a week on our street' },
  });
  expect(started.status).toBe(201);
  const { trackingCode: code, secret } = started.body;
  for (const [step, outcome, data] of [
    ['intake', 'done', undefined],
    ['resolution', 'resolved', { actionTaken: 'Bins emptied and the route fixed' }],
  ] as const) {
    const task = await eventually(async () => {
      const { body } = await system.get(`/api/requests/${code}`);
      return body.currentTasks?.find((t: { step: string }) => t.step === step);
    });
    const outcomes = task.outcomes.map((o: { id: string }) => o.id);
    const done = await system.post(`/api/tasks/${task.taskId}/complete`, {
      outcome: outcomes.includes(outcome) ? outcome : outcomes[0],
      ...(data ? { data } : {}),
    });
    expect(done.status).toBe(200);
  }
  return { code, secret };
}

describe('an applicant answering on the tracking page', () => {
  test('when the district says a complaint is resolved, then the applicant sees the answers they may give and their answer closes it', async () => {
    const { code, secret } = await resolvedComplaint();
    const { page } = await openPage(browser, system.url, { phone: true });
    await page.goto(`/track?code=${code}`);
    await page.getByLabel('رمز پیگیری').fill(secret);
    await page.getByRole('button', { name: 'نمایش درخواست' }).click();
    await page.getByRole('heading', { name: 'از شما خواسته شده است' }).waitFor();
    await page.getByText('تأیید شهروند').first().waitFor();
    await page.getByRole('button', { name: 'رفع نشده است' }).waitFor();
    await expectAccessible(page, 'tracking, asked of the applicant');

    // The same page in English, after the switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Asked of you' }).waitFor();
    expect(await page.evaluate('document.documentElement.dir')).toBe('ltr');
    await page.getByRole('button', { name: 'فارسی' }).click();
    await page.getByText(persian(code)).first().waitFor();

    await page.getByRole('button', { name: 'رضایت دارم' }).click();
    await page.getByText('درخواست شما انجام شد.').waitFor();
    const { body } = await system.get(`/api/requests/${code}`);
    expect(body.state).toBe('completed');
  }, 120_000);

  test('when the applicant withdraws with a reason, then the request ends and the page says so', async () => {
    const started = await system.post('/api/requests', {
      serviceId: 'citizen-complaint',
      district: 'd01',
      intakeOffice: 'o-0101',
      applicant: { name: 'Reza Karimi' },
      data: { subject: 'lighting', description: 'The street lights are out since Monday' },
    });
    const { trackingCode: code, secret } = started.body;
    const { page } = await openPage(browser, system.url, { phone: true });
    await page.goto(`/track?code=${code}`);
    await page.getByLabel('رمز پیگیری').fill(secret);
    await page.getByRole('button', { name: 'نمایش درخواست' }).click();
    await page.getByRole('button', { name: 'انصراف از درخواست' }).click();
    await page.getByRole('button', { name: 'انصراف می‌دهم' }).click();
    await page.getByText('دست‌کم ۳ نویسه بنویسید.').waitFor();
    await expectAccessible(page, 'withdrawal with a fault');
    await page.getByLabel('دلیل انصراف').fill('Fixed by the neighbours');
    await page.getByRole('button', { name: 'انصراف می‌دهم' }).click();
    await page.getByText('درخواست شما پس گرفته شد.').waitFor();
    const { body } = await system.get(`/api/requests/${code}`);
    expect(body.state).toBe('cancelled');
  }, 60_000);

  test('when the code is short or the secret wrong, then the page says so next to the field, in Persian', async () => {
    const { page } = await openPage(browser, system.url, { phone: true });
    await page.goto('/track');
    await page.getByLabel('کد رهگیری (۱۲ رقم)').fill('12345');
    await page.getByLabel('رمز پیگیری').fill('not-the-secret');
    await page.getByRole('button', { name: 'نمایش درخواست' }).click();
    await page.getByText('کد رهگیری ۱۲ رقم است.').waitFor();
    const started = await system.post('/api/requests', {
      serviceId: 'citizen-complaint',
      district: 'd01',
      intakeOffice: 'o-0101',
      applicant: { name: 'Reza Karimi' },
      data: { subject: 'noise', description: 'Night works next to the school' },
    });
    await page.getByLabel('کد رهگیری (۱۲ رقم)').fill(started.body.trackingCode);
    await page.getByRole('button', { name: 'نمایش درخواست' }).click();
    await page
      .getByText('کد رهگیری و رمز پیگیری با هم نمی‌خوانند.')
      .waitFor()
      .catch(async () => {
        await page.getByText('کد رهگیری و رمز با هم نمی‌خوانند.').waitFor();
      });
    await expectAccessible(page, 'open a request with a wrong secret');
  }, 60_000);
});
