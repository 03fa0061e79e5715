/**
 * Signing in with OpenID Connect, as in production: a real provider (the `oidc-provider`
 * package, run by this test) and the web app's authorization code flow with PKCE in Chromium.
 * The API verifies the provider's access token against its JWKS and knows the person from the
 * organisation file; a token the provider did not sign is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Browser } from 'playwright-core';
import { repoPath } from '../../lib/paths';
import { launchBrowser, openPage } from '../support/browser';
import { startHarness, type Harness } from '../support/harness';
import { assertWebAppBuilt, expectAccessible } from './pages';

let system: Harness;
let browser: Browser;
let provider: ChildProcess;
let issuer: string;
const AUDIENCE = 'pishkhan-api';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the provider for the web app at `appUrl`; resolves once it listens. */
function startProvider(port: number, appUrl: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [repoPath('test/support/oidc-provider.mjs'), String(port), `${appUrl}/sign-in/callback`, AUDIENCE],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`the provider stopped (${code}): ${errors}`)));
  });
}

beforeAll(async () => {
  assertWebAppBuilt();
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  system = await startHarness({
    oidc: {
      issuer,
      audience: AUDIENCE,
      jwksUrl: `${issuer}/jwks`,
      clientId: 'pishkhan-web',
      scope: 'openid pishkhan',
      personClaim: 'sub',
    },
  });
  provider = await startProvider(port, system.url);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  provider?.kill();
  await system?.stop();
});

describe('signing in at the identity provider', () => {
  test('when a clerk signs in at the provider, then the web app trades the code (with PKCE) for a token the API accepts, and the clerk lands on the office worklist', async () => {
    const { page } = await openPage(browser, system.url);
    await page.goto('/sign-in');
    await expectAccessible(page, 'sign-in with a provider');
    const [authorize] = await Promise.all([
      page.waitForRequest((request) => request.url().startsWith(`${issuer}/auth`)),
      page.getByRole('button', { name: 'ورود با حساب شهرداری' }).click(),
    ]);
    await page.locator('input[name="login"]').waitFor();
    await page.locator('input[name="login"]').fill('p-0101-clerk');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // the consent prompt
    await page.waitForURL(`${system.url}/work`);
    await page.getByRole('heading', { name: 'کارتابل دفتر خدمات الکترونیک شهر کد ۰۱۰۱' }).waitFor();
    expect(new URL(authorize.url()).searchParams.get('code_challenge_method')).toBe('S256');
    expect(await page.getByText('رضا کریمی').count()).toBeGreaterThan(0);
  }, 60_000);

  test('when a token is signed by another key under the provider’s name, then the API refuses it', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: (await exportJWK(privateKey)).kid ?? 'test-signing-key' })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setSubject('p-0101-clerk')
      .setExpirationTime('1h')
      .sign(privateKey);
    const response = await fetch(`${system.url}/api/me`, { headers: { authorization: `Bearer ${forged}` } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/invalid-token');
  });
});
