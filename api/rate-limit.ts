/**
 * Calls per minute, counted per token (or per address for calls without one), and a tighter
 * limit on wrong secrets for a request, so secrets cannot be guessed by trying: only failures
 * count, per address and tracking code, so the applicant with the right secret is never
 * refused for what others sent from the same address, or for their own earlier tries.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ProblemError } from './problem';

const keyOf = (req: Request): string => {
  const header = req.get('authorization');
  if (header) return `token:${createHash('sha256').update(header).digest('hex')}`;
  return `address:${ipKeyGenerator(req.ip ?? '')}`;
};

function limiter(
  perMinute: number,
  key: (req: Request) => string,
  what: string,
  failuresOnly = false,
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    keyGenerator: key,
    skipSuccessfulRequests: failuresOnly,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new ProblemError('rate-limited', `More than ${perMinute} ${what} a minute; wait and try again.`)),
  });
}

export const callLimit = (perMinute: number) => limiter(perMinute, keyOf, 'calls');

/** Wrong secrets for one request, per address; mounted on `/api/requests/:trackingCode/access`. */
export const secretLimit = (perMinute: number) =>
  limiter(
    perMinute,
    (req) => `address:${ipKeyGenerator(req.ip ?? '')}:request:${String(req.params.trackingCode)}`,
    'wrong secrets for a request',
    true,
  );
