/**
 * Reads the bearer token of a call, if any, and keeps its claims on `res.locals.actor`. A call
 * without a token goes on as anonymous (each operation says whether that is enough); a call with
 * a bad one stops here with 401.
 */
import type { RequestHandler } from 'express';
import type { AuthConfig } from '../../lib/config';
import { ProblemError } from '../problem';
import { verifyToken } from './tokens';

export function authenticate(auth: AuthConfig): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined) return next();
    const match = /^Bearer ([A-Za-z0-9_.-]{10,4096})$/.exec(header);
    if (!match?.[1])
      return next(new ProblemError('invalid-token', 'Send the token as "Authorization: Bearer <token>".'));
    verifyToken(auth, match[1]).then((claims) => {
      res.locals.actor = claims;
      next();
    }, next);
  };
}
