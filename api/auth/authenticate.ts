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

export function authenticate(auth: AuthConfig, org: Organisation): RequestHandler {
  const provider: TokenVerifier | undefined = auth.oidc ? oidcVerifier(auth.oidc, org) : undefined;
  const verify = (token: string) =>
    provider && claimedIssuer(token) === auth.oidc?.issuer ? provider(token) : verifyToken(auth, token);
  return (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined) return next();
    const match = /^Bearer ([A-Za-z0-9_.-]{10,4096})$/.exec(header);
    if (!match?.[1])
      return next(new ProblemError('invalid-token', 'Send the token as "Authorization: Bearer <token>".'));
    verify(match[1]).then((claims) => {
      res.locals.actor = claims;
      next();
    }, next);
  };
}
