/**
 * Reading JSON bodies: UTF-8 only, as RFC 8259 has it (a body declared in another charset is
 * refused with 415, never guessed at), within the body limit, objects and arrays only.
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

export const jsonBody = (): RequestHandler[] => [utf8Only, express.json({ limit: BODY_LIMIT, strict: true })];
