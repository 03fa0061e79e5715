/**
 * Reads the bearer token of a call, if any, and keeps its claims on `res.locals.actor`. A call
 * without a token goes on as anonymous (each operation says whether that is enough); a call with
 * a bad one stops here with 401. Tokens of the identity provider, when one is configured, are
 * told apart by their issuer and verified against its keys; the others are the API's own.
 */
import type { RequestHandler } from 'express';
import { decodeJwt } from 'jose';
import type { AuthConfig } from '../../lib/config';
import type { Organisation } from '../../lib/organisation/organisation';
import { ProblemError } from '../problem';
import { oidcVerifier, type TokenVerifier } from './oidc';
import { verifyToken } from './tokens';

/** The issuer a token claims, unverified: it only chooses which keys verify it. */
function claimedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

/** Verifies the API's own tokens, and the identity provider's when one is configured. */
export function tokenVerifier(auth: AuthConfig, org: Organisation): TokenVerifier {
  const provider: TokenVerifier | undefined = auth.oidc ? oidcVerifier(auth.oidc, org) : undefined;
  return (token: string) =>
    provider && claimedIssuer(token) === auth.oidc?.issuer ? provider(token) : verifyToken(auth, token);
}

/** The token of an `Authorization: Bearer` header; the scheme's name is case-insensitive (RFC 9110). */
export function bearerToken(header: string): string | undefined {
  return /^bearer +([A-Za-z0-9_.-]{10,4096}) *$/i.exec(header)?.[1];
}

export function authenticate(auth: AuthConfig, org: Organisation): RequestHandler {
  const verify = tokenVerifier(auth, org);
  return (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined) return next();
    const token = bearerToken(header);
    if (!token)
      return next(new ProblemError('invalid-token', 'Send the token as "Authorization: Bearer <token>".'));
    verify(token).then((claims) => {
      res.locals.actor = claims;
      next();
    }, next);
  };
}
