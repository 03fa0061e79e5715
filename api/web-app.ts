/**
 * The web app, built into web/dist, served from the API's own origin at `/`: its hashed assets
 * as files cached for good, and its page for every other path outside the API's own (`/api`,
 * `/problems`, the probes and metrics), so a route of the app survives a reload or a link.
 * Without a build there is nothing to serve, and those paths answer the API's 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, Router } from 'express';

const API_PATHS = /^\/(api|problems|healthz|readyz|metrics)(\/|$)/;
/** A path naming a file (`/favicon.ico`) is not a route of the app. */
const FILE_PATH = /\.[A-Za-z0-9]{1,8}$/;
const YEAR_SECONDS = 365 * 24 * 3600;

/** What the page may load and talk to: itself, and the identity provider it signs in with. */
function securityPolicy(provider: string | undefined): string {
  const origin = provider ? ` ${new URL(provider).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${origin}`,
    `form-action 'self'${origin}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

export function webApp(dir: string, identityProvider?: string): RequestHandler {
  const router = Router();
  const page = join(dir, 'index.html');
  if (!existsSync(page)) return router;
  const policy = securityPolicy(identityProvider);

  router.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: YEAR_SECONDS * 1000,
    }),
  );
  router.use(express.static(dir, { index: false, maxAge: 3600 * 1000 }));
  router.get(/.*/, (req, res, next) => {
    if (API_PATHS.test(req.path) || FILE_PATH.test(req.path)) return next();
    res.set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': policy });
    res.sendFile(page);
  });
  return router;
}
