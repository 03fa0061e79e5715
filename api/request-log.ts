/**
 * One structured log line per call, with a request id: the caller's `X-Request-Id` when it is a
 * sane one, else a new UUID; answered in the same header and carried by problem details.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../lib/logger';

const SANE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestLog(logger: Logger): RequestHandler {
  const log = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Tokens and secrets stay out of the logs.
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customProps: (_req, res) => ({
      operation: (res as unknown as Response).locals.operation as string | undefined,
    }),
  });
  return (req, res, next) => {
    log(req, res);
    res.locals.requestId = req.id;
    next();
  };
}
