/**
 * Development sign-in and who a token is: the people of the organisation listed and a token
 * handed for one of them, both refused in production; /api/me says the role, unit, districts
 * and the city's working day; and the web app served at / with its routes surviving a reload.
 */
import { startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

describe('development sign-in', () => {
  test('when a person is chosen, then their token says who they are and where they take requests in', async () => {
    const people = await system.as(null).get('/api/sign-in/people');
    expect(people.status).toBe(200);
    const reviewer = people.body.items.find((p: { id: string }) => p.id === 'p-d01-up-reviewer');
    expect(reviewer).toMatchObject({ role: 'department', unit: { fa: expect.stringContaining('منطقه ۱') } });

    const minted = await system.as(null).post('/api/sign-in/people/p-d01-up-reviewer/token', {});
    expect(minted.status).toBe(200);
    const me = await system.as(null).get('/api/me', { authorization: `Bearer ${minted.body.token}` });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      sub: 'p-d01-up-reviewer',
      role: 'department',
      districts: [{ id: 'd01', title: { fa: 'منطقه ۱', en: 'District 1' } }],
      city: { workingDayMinutes: 420 },
    });
  });

  test('when the person does not exist, then the answer is a 404 problem', async () => {
    const response = await system.as(null).post('/api/sign-in/people/p-nobody/token', {});
    expect(response.status).toBe(404);
    expect(response.contentType).toContain('application/problem+json');
  });

  test('when NODE_ENV is production, then listing people and handing tokens are refused and sign-in says so', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect((await system.as(null).get('/api/sign-in/people')).status).toBe(403);
      const minted = await system.as(null).post('/api/sign-in/people/p-0101-clerk/token', {});
      expect(minted.status).toBe(403);
      expect(minted.body.type).toBe('/problems/forbidden');
      expect((await system.as(null).get('/api/sign-in')).body).toEqual({ development: false });
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});

describe('the web app at /', () => {
  const page = (path: string) => fetch(`${system.url}${path}`);

  test("when a route of the app is opened directly, then the app's page answers, with its security policy", async () => {
    for (const path of ['/', '/work/tasks/123456789012-1', '/track']) {
      const response = await page(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  test("when a path is the API's or names a missing file, then the API's 404 problem answers", async () => {
    for (const path of ['/api/nothing-here', '/problems/nothing', '/missing.js', '/assets/missing.js']) {
      const response = await page(path);
      expect(response.status).toBe(404);
    }
    const api = await page('/api/nothing-here');
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});
