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

  // A body its schema refuses three ways: a field it does not know, a pattern, a missing field.
  const badBody = {
    serviceId: 'Every Kind',
    district: 'd01',
    applicant: { mobile: '0912' },
    data: {},
    urgent: true,
  };

  test('when a body breaks its schema and the caller asks for Persian, then the detail and each field error are Persian', async () => {
    const refused = await system.as(null).post('/api/requests', badBody, { 'accept-language': 'fa' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(
      expect.objectContaining({
        type: '/problems/invalid-request',
        title: 'درخواست با طرح‌واره‌اش نمی‌خواند',
        detail:
          'بدنه: urgent: فیلد ناشناخته؛ serviceId: باید با الگوی "^[a-z][a-z0-9-]{0,80}$" بخواند؛ applicant.name: لازم است؛ applicant.mobile: باید با الگوی "^09[0-9]{9}$" بخواند',
        errors: [
          { path: 'urgent', message: 'فیلد ناشناخته' },
          { path: 'serviceId', message: 'باید با الگوی "^[a-z][a-z0-9-]{0,80}$" بخواند' },
          { path: 'applicant.name', message: 'لازم است' },
          { path: 'applicant.mobile', message: 'باید با الگوی "^09[0-9]{9}$" بخواند' },
        ],
      }),
    );
  });

  test('when the same body is sent in English, then the detail and each field error are English', async () => {
    const refused = await system.as(null).post('/api/requests', badBody, { 'accept-language': 'en' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(
      expect.objectContaining({
        title: 'The request does not match its schema',
        detail:
          'body: urgent: unknown field; serviceId: must match pattern "^[a-z][a-z0-9-]{0,80}$"; applicant.name: is required; applicant.mobile: must match pattern "^09[0-9]{9}$"',
        errors: [
          { path: 'urgent', message: 'unknown field' },
          { path: 'serviceId', message: 'must match pattern "^[a-z][a-z0-9-]{0,80}$"' },
          { path: 'applicant.name', message: 'is required' },
          { path: 'applicant.mobile', message: 'must match pattern "^09[0-9]{9}$"' },
        ],
      }),
    );
  });

  test('when form data lacks a field in Persian, then the detail and the field error say so in Persian', async () => {
    const refused = await system
      .as(null)
      .post('/api/requests', { ...badStart, data: {} }, { 'accept-language': 'fa' });
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual(
      expect.objectContaining({
        detail: 'فیلد «area» پر نشده است',
        errors: [{ path: 'area', message: 'فیلد «area» پر نشده است' }],
      }),
    );
  });

  test('when an unknown tracking code is read in Persian, then the detail names it in Persian', async () => {
    const missing = await system.as(MANAGER).get('/api/requests/12345', { 'accept-language': 'fa' });
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toBe('«12345» کد رهگیری نیست: ارقام را بررسی کنید.');
  });
});
