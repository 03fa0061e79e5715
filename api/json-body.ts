/**
 * Reading JSON bodies: UTF-8 only, as RFC 8259 has it (a body declared in another charset is
 * refused with 415, never guessed at), within the body limit, objects and arrays only, and no
 * deeper than any form nests.
 */
import express, { type RequestHandler } from 'express';
import { BODY_LIMIT } from './limits';
import { ProblemError } from './problem';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

const utf8Only: RequestHandler = (req, _res, next) => {
  const charset = CHARSET.exec(req.get('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && req.is('json'))
    return next(new ProblemError('unsupported-media-type', 'Send JSON in UTF-8.'));
  next();
};

/** Deeper than any form nests; Temporal's payload converter fails on bodies thousands of levels deep. */
export const MAX_BODY_DEPTH = 32;

/** How deep a parsed value nests, counting up to a bound so a hostile body costs little. */
function deeperThan(value: unknown, bound: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (bound === 0) return true;
  return Object.values(value).some((inner) => deeperThan(inner, bound - 1));
}

const shallowOnly: RequestHandler = (req, _res, next) => {
  if (deeperThan(req.body, MAX_BODY_DEPTH))
    return next(
      new ProblemError(
        'invalid-request',
        `The body nests deeper than ${MAX_BODY_DEPTH} levels of objects and lists.`,
      ),
    );
  next();
};

export const jsonBody = (): RequestHandler[] => [
  utf8Only,
  express.json({ limit: BODY_LIMIT, strict: true }),
  shallowOnly,
];
