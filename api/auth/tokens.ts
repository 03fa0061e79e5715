/**
 * Bearer tokens: JWTs signed with HS256 under the configured key (`jose`), verified with the
 * algorithm, issuer and audience pinned, an expiry required and a lifetime no longer than
 * `MAX_TOKEN_SECONDS`, then checked against the claims schema.
 */
import Ajv2020 from 'ajv/dist/2020';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from '../../lib/config';
import { ProblemError } from '../problem';
import { claimsSchema, type Claims } from './claims';

const ajv = new Ajv2020({ strict: false });
const validClaims = ajv.compile<Claims>(claimsSchema);

/** The longest a token of this server may last: a working day, with room to spare. */
export const MAX_TOKEN_SECONDS = 12 * 3600;

/** The refusal of a token made to last longer than MAX_TOKEN_SECONDS, whoever signed it. */
export const lastsTooLong = () =>
  new ProblemError(
    'invalid-token',
    `The token lasts longer than this server allows (${MAX_TOKEN_SECONDS / 3600} hours); sign in again.`,
  );

const keyOf = (auth: AuthConfig) => new TextEncoder().encode(auth.secret);

export async function mintToken(
  auth: AuthConfig,
  claims: Claims,
  expiresInSeconds = 8 * 3600,
): Promise<string> {
  if (expiresInSeconds > MAX_TOKEN_SECONDS)
    throw new RangeError(`a token lasts at most ${MAX_TOKEN_SECONDS / 3600} hours`);
  const { sub, ...rest } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
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
      requiredClaims: ['exp', 'iat'],
      maxTokenAge: MAX_TOKEN_SECONDS,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      throw new ProblemError('token-expired', 'The token has expired; sign in again.');
    throw new ProblemError('invalid-token', 'The token is not one this server issued.');
  }
  const { iss: _iss, aud: _aud, iat, exp, nbf: _nbf, jti: _jti, ...claims } = payload;
  // A token minted to outlive the longest lifetime is refused, whatever its age now.
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > MAX_TOKEN_SECONDS)
    throw lastsTooLong();
  if (!validClaims(claims))
    throw new ProblemError('invalid-token', 'The token does not say who and in what role.');
  return claims;
}
