/**
 * The API answers problems in the caller's language: Persian when Accept-Language asks for it
 * (as the web app does), English without it (as curl sends).
 */
import { fixture, MANAGER, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

const badStart = {
  serviceId: 'every-kind',
  district: 'd01',
  applicant: { name: 'Reza Karimi' },
  data: { area: 'large' },
};

describe('problems in the caller language', () => {
  test('when a start is refused and the caller asks for Persian, then title, detail and errors are Persian', async () => {
    const refused = await system
      .as(null)
      .post('/api/requests', badStart, { 'accept-language': 'fa-IR,fa;q=0.9' });
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual(
      expect.objectContaining({
        type: '/problems/invalid-form-data',
        title: 'داده‌ها با فرم نمی‌خوانند',
        detail: '«area» باید عدد باشد',
        errors: [{ path: 'area', message: '«area» باید عدد باشد' }],
      }),
    );
  });

  test('when the caller sends no Accept-Language, then the same problem is in English', async () => {
    const refused = await system.as(null).post('/api/requests', badStart);
    expect(refused.body).toEqual(
      expect.objectContaining({
        title: 'The data does not match the form',
        detail: "'area' must be a number",
      }),
    );
  });

  test('when an unknown tracking code is read in Persian, then the detail names it in Persian', async () => {
    const missing = await system.as(MANAGER).get('/api/requests/12345', { 'accept-language': 'fa' });
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toBe('«12345» کد رهگیری نیست: ارقام را بررسی کنید.');
  });
});
