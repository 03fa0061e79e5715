/**
 * The protective headers of every answer (helmet): no sniffing of types, no framing, no
 * referrer, a Content-Security-Policy that lets an API answer load nothing (the web app's page
 * sets its own, see web-app.ts), HSTS when the call came over TLS (directly, or through a
 * trusted proxy), and `Cache-Control: no-store` on everything the API answers, which may hold
 * personal data. CORS: no other origin may call the API unless configured (an allow-list).
 */
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const YEAR_SECONDS = 365 * 24 * 3600;
/** The API's own answers: personal data is never kept by a browser or a proxy. */
const PRIVATE_PATHS = /^\/(api|codec|metrics)(\/|$)/;

const headers = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  // Only over TLS, below: a browser ignores it over plain HTTP, and says nothing useful there.
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

const hsts = helmet.strictTransportSecurity({ maxAge: YEAR_SECONDS, includeSubDomains: true });

export function protectiveHeaders(): RequestHandler[] {
  return [
    headers,
    (req, res, next) => {
      if (PRIVATE_PATHS.test(req.path)) res.set('Cache-Control', 'no-store');
      if (req.secure) return hsts(req, res, next);
      next();
    },
  ];
}

/**
 * Cross-origin calls from pages of the listed origins only: none when the list is empty, so a
 * browser refuses every other site's script the API's answers. Bearer tokens, never cookies:
 * no credentials are allowed.
 */
export function corsPolicy(origins: readonly string[], allowedHeaders: string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders,
    exposedHeaders: ['Location', 'X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
    credentials: false,
    maxAge: 600,
  });
}

/** What the web pages of an allowed origin send to the API. */
export const API_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept-Language',
  'Idempotency-Key',
  'X-Request-Id',
];
/** What the Temporal Web UI sends to a codec endpoint (its token, when it passes one). */
export const CODEC_HEADERS = ['Authorization', 'Content-Type', 'X-Namespace'];
