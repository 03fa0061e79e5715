/**
 * Bearer tokens: JWTs signed with HS256 under the configured key (`jose`), verified with the
 * algorithm, issuer and audience pinned, then checked against the claims schema.
 */
import Ajv2020 from 'ajv/dist/2020';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from '../../lib/config';
import { ProblemError } from '../problem';
import { claimsSchema, type Claims } from './claims';

const ajv = new Ajv2020({ strict: false });
const validClaims = ajv.compile<Claims>(claimsSchema);

const keyOf = (auth: AuthConfig) => new TextEncoder().encode(auth.secret);

export async function mintToken(
  auth: AuthConfig,
  claims: Claims,
  expiresInSeconds = 8 * 3600,
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
    .sign(keyOf(auth));
}

/** The claims of a token, or a 401 problem saying what is wrong with it. */
export async function verifyToken(auth: AuthConfig, token: string): Promise<Claims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(auth), {
      algorithms: ['HS256'],
      issuer: auth.issuer,
      audience: auth.audience,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new ProblemError('token-expired', 'The token has expired; sign in again.');
    throw new ProblemError('invalid-token', 'The token is not one this server issued.');
  }
  const { iss: _iss, aud: _aud, iat: _iat, exp: _exp, nbf: _nbf, jti: _jti, ...claims } = payload;
  if (!validClaims(claims))
    throw new ProblemError('invalid-token', 'The token does not say who and in what role.');
  return claims;
}
