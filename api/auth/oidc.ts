/**
 * Access tokens of the city's identity provider (OpenID Connect): verified against the keys it
 * publishes (its JWKS, fetched and cached by `jose`), with its issuer and the API's audience
 * pinned. The provider says who signed in; the organisation file says what they do here, so a
 * token names a person of `people` and the claims are that person's.
 */
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { OidcConfig } from '../../lib/config';
import type { Organisation } from '../../lib/organisation/organisation';
import { ProblemError } from '../problem';
import type { Claims } from './claims';
import { claimsOfPerson } from './people';
import { lastsTooLong, MAX_TOKEN_SECONDS } from './tokens';

export type TokenVerifier = (token: string) => Promise<Claims>;

export function oidcVerifier(config: OidcConfig, org: Organisation): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(config.jwksUrl));
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        // A token that never expires is refused, whoever signed it.
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new ProblemError('token-expired', 'The sign-in has expired; sign in again.');
      throw new ProblemError('invalid-token', "The token is not one the city's identity provider issued.");
    }
    // No longer-lived than the API's own: a provider set to issue tokens for days is refused.
    if (Number(payload.exp) - Date.now() / 1000 > MAX_TOKEN_SECONDS) throw lastsTooLong();
    const personId = payload[config.personClaim];
    const person = typeof personId === 'string' ? org.person(personId) : undefined;
    if (!person)
      throw new ProblemError(
        'invalid-token',
        `The identity provider signed in '${String(personId)}', who is not among the people of the organisation.`,
      );
    return claimsOfPerson(person);
  };
}
