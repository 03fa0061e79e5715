/**
 * One log record per call, with a request id: the caller's `X-Request-Id` when it is a sane one,
 * else a new UUID; answered in the same header and carried by problem details. Its message is
 * the call in short (`GET /api/tasks 200 12 ms`), so a development console shows one short line;
 * the JSON record keeps the request and the answer (the authorization header redacted).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../lib/logger';

const SANE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The user agent of the demo's scripted actors: outside production their calls that succeed log
 * at debug level, so hundreds of seeding calls do not bury what a person starting it must read.
 */
export const DEMO_USER_AGENT = 'pishkhan-demo';

const callOf = (req: IncomingMessage) => `${req.method} ${(req as Request).originalUrl ?? req.url}`;

export function requestLog(
  logger: Logger,
  production = process.env.NODE_ENV === 'production',
): RequestHandler {
  const fromDemo = (req: IncomingMessage) =>
    !production && req.headers['user-agent']?.startsWith(DEMO_USER_AGENT) === true;
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
    customLogLevel: (req, res, error) =>
      error || res.statusCode >= 500
        ? 'error'
        : fromDemo(req)
          ? 'debug'
          : res.statusCode >= 400
            ? 'warn'
            : 'info',
    customSuccessMessage: (req, res, responseTime) =>
      `${callOf(req)} ${res.statusCode} ${Math.round(responseTime)} ms`,
    customErrorMessage: (req, res) => `${callOf(req)} ${res.statusCode}`,
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
