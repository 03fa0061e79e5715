/**
 * Tokens and keys: a token says who and in what role, and nothing else passes; the development
 * key is refused in production; people of the organisation sign in bound to their unit.
 */
import { actsFor, worklistPrincipals } from '../../api/auth/actor';
import { citizenSecret, isCitizenSecret } from '../../api/auth/citizen-secret';
import { claimsOfPerson } from '../../api/auth/people';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { oidcVerifier } from '../../api/auth/oidc';
import { bearerToken } from '../../api/auth/authenticate';
import { MAX_TOKEN_SECONDS, mintToken, verifyToken } from '../../api/auth/tokens';
import { ProblemError } from '../../api/problem';
import { assertSafeAuth, loadConfig } from '../../lib/config';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';

const auth = loadConfig({ PISHKHAN_JWT_SECRET: 'a-key-for-unit-tests-that-is-long-enough' }).auth;
const org = loadOrganisation(repoPath('definitions/organisation'));

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof ProblemError ? error.slug : String(error);
  }
}

describe('tokens', () => {
  test('when a token is minted and read back, then it carries the subject, role and binding', async () => {
    const token = await mintToken(auth, { sub: 'p-0101-clerk', role: 'office', office: 'o-0101' });
    expect(await verifyToken(auth, token)).toEqual({ sub: 'p-0101-clerk', role: 'office', office: 'o-0101' });
  });

  test('when a token is expired, signed with another key, of an unknown role or unbound, then it is refused', async () => {
    expect(await refusal(verifyToken(auth, await mintToken(auth, { sub: 'x', role: 'manager' }, -1)))).toBe(
      'token-expired',
    );
    const other = { ...auth, secret: 'some-other-key-some-other-key-some' };
    expect(await refusal(verifyToken(auth, await mintToken(other, { sub: 'x', role: 'manager' })))).toBe(
      'invalid-token',
    );
    const forged = await mintToken(auth, { sub: 'x', role: 'superuser' as 'admin' });
    expect(await refusal(verifyToken(auth, forged))).toBe('invalid-token');
    const unbound = await mintToken(auth, { sub: 'x', role: 'office' } as never);
    expect(await refusal(verifyToken(auth, unbound))).toBe('invalid-token');
    const otherAudience = await mintToken(
      { ...auth, audience: 'another-api' },
      { sub: 'x', role: 'manager' },
    );
    expect(await refusal(verifyToken(auth, otherAudience))).toBe('invalid-token');
  });

  test('when a token has no expiry, or was made to last longer than the longest lifetime, then it is refused', async () => {
    const signed = (build: (jwt: SignJWT) => SignJWT) =>
      build(
        new SignJWT({ role: 'manager' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer(auth.issuer)
          .setAudience(auth.audience),
      ).sign(new TextEncoder().encode(auth.secret));
    const now = Math.floor(Date.now() / 1000);
    expect(await refusal(verifyToken(auth, await signed((jwt) => jwt.setIssuedAt(now))))).toBe(
      'invalid-token',
    );
    const forAYear = await signed((jwt) => jwt.setIssuedAt(now).setExpirationTime(now + 365 * 86_400));
    expect(await refusal(verifyToken(auth, forAYear))).toBe('invalid-token');
    const withoutIssue = await signed((jwt) => jwt.setExpirationTime(now + 3600));
    expect(await refusal(verifyToken(auth, withoutIssue))).toBe('invalid-token');
    const workingDay = await signed((jwt) => jwt.setIssuedAt(now).setExpirationTime(now + MAX_TOKEN_SECONDS));
    expect(await verifyToken(auth, workingDay)).toEqual({ sub: 'x', role: 'manager' });
    await expect(mintToken(auth, { sub: 'x', role: 'manager' }, MAX_TOKEN_SECONDS + 1)).rejects.toThrow(
      RangeError,
    );
  });

  test('when the identity provider signs a token without expiry, or for longer than the longest lifetime, then it is refused', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const issuer = 'https://id.city.example';
      const verify = oidcVerifier(
        {
          issuer,
          audience: 'pishkhan-api',
          jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
          clientId: 'web',
          scope: 'openid',
          personClaim: 'sub',
        },
        org,
      );
      const signed = (lifetime: string | undefined) => {
        const jwt = new SignJWT({})
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(issuer)
          .setAudience('pishkhan-api')
          .setSubject('p-0101-clerk')
          .setIssuedAt();
        return (lifetime ? jwt.setExpirationTime(lifetime) : jwt).sign(privateKey);
      };
      expect(await refusal(verify(await signed(undefined)))).toBe('invalid-token');
      expect(await refusal(verify(await signed('2d')))).toBe('invalid-token');
      expect((await verify(await signed('1h'))).sub).toBe('p-0101-clerk');
    } finally {
      server.close();
    }
  });

  test('when the Authorization header names its scheme in any case, then the token is read; another scheme is not', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl';
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR'])
      expect(bearerToken(`${scheme} ${token}`)).toBe(token);
    expect(bearerToken(`Basic ${token}`)).toBeUndefined();
    expect(bearerToken(`Bearer${token}`)).toBeUndefined();
  });

  test('when the server runs in production, then the development key and short keys are refused', () => {
    const development = loadConfig({}).auth;
    expect(development.developmentKey).toBe(true);
    expect(() => assertSafeAuth(development, { NODE_ENV: 'production' })).toThrow(
      /PISHKHAN_JWT_SECRET must be set/,
    );
    expect(() =>
      assertSafeAuth(loadConfig({ PISHKHAN_JWT_SECRET: 'short' }).auth, { NODE_ENV: 'production' }),
    ).toThrow(/at least 32/);
    expect(() => assertSafeAuth(auth, { NODE_ENV: 'production' })).not.toThrow();
    expect(() => assertSafeAuth(development, { NODE_ENV: 'development' })).not.toThrow();
  });

  test("when an applicant's secret is checked, then only the one given for that tracking code opens it", () => {
    const secret = citizenSecret(auth.secret, '104910627702');
    expect(isCitizenSecret(auth.secret, '104910627702', secret)).toBe(true);
    expect(isCitizenSecret(auth.secret, '104910627710', secret)).toBe(false);
    expect(isCitizenSecret('another-key', '104910627702', secret)).toBe(false);
    expect(isCitizenSecret(auth.secret, '104910627702', secret.slice(1))).toBe(false);
  });
});

describe('people and what they act for', () => {
  test('when a person of the organisation signs in, then their token binds them to their unit and access', () => {
    const clerk = claimsOfPerson(org.person('p-0101-clerk') as never);
    expect(clerk).toEqual(expect.objectContaining({ role: 'office', office: 'o-0101' }));
    const reviewer = claimsOfPerson(org.person('p-d05-up-reviewer') as never);
    expect(reviewer).toEqual(
      expect.objectContaining({
        role: 'department',
        department: 'urban-planning',
        district: 'd05',
        roles: ['plan-reviewer'],
      }),
    );
    expect(claimsOfPerson(org.person('p-inspector-1') as never).role).toBe('inspector');
    expect(claimsOfPerson(org.person('p-process-designer') as never).role).toBe('designer');
  });

  test('when staff act on work, then only their own unit, their roles and the agencies they follow up count', () => {
    const reviewer = claimsOfPerson(org.person('p-d05-up-reviewer') as never);
    const head = claimsOfPerson(org.person('p-d05-up-head') as never);
    const at = (principal: string, district = 'd05') => ({ principal, district });
    expect(actsFor(reviewer, at('department:d05.urban-planning'), org)).toBe(true);
    expect(actsFor(reviewer, at('department:d05.urban-planning/plan-reviewer'), org)).toBe(true);
    expect(actsFor(reviewer, at('head:d05.urban-planning'), org)).toBe(false);
    expect(actsFor(head, at('head:d05.urban-planning'), org)).toBe(true);
    expect(actsFor(reviewer, at('department:d01.urban-planning'), org)).toBe(false);
    expect(actsFor(reviewer, at('office:o-0501'), org)).toBe(false);
    const followed = org.agencyIds().find((id) => org.agency(id)?.followUp === 'urban-planning');
    if (followed) {
      expect(actsFor(reviewer, at(`agency:${followed}`), org)).toBe(true);
      expect(actsFor(reviewer, at(`agency:${followed}`, 'd01'), org)).toBe(false);
      expect(worklistPrincipals(reviewer, org)).toContain(`agency:${followed}`);
    }
    const clerk = claimsOfPerson(org.person('p-0101-clerk') as never);
    expect(worklistPrincipals(clerk, org)).toEqual(['office:o-0101']);
  });
});
