/**
 * Calls per minute, counted per token (or per address for calls without one), and a tighter
 * limit on opening a request with its secret, so secrets cannot be guessed by trying.
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

function limiter(perMinute: number, key: (req: Request) => string, what: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    keyGenerator: key,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new ProblemError('rate-limited', `More than ${perMinute} ${what} a minute; wait and try again.`)),
  });
}

export const callLimit = (perMinute: number) => limiter(perMinute, keyOf, 'calls');

/** Attempts to open a request with its secret, per address. */
export const secretLimit = (perMinute: number) =>
  limiter(perMinute, (req) => `address:${ipKeyGenerator(req.ip ?? '')}`, 'attempts to open a request');
