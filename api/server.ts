/**
 * Starts and stops the HTTP server around the express app. What Node's HTTP parser refuses
 * before express sees it (an address or headers too long, a request that is not HTTP) is
 * answered here, as problem+json like every other refusal, instead of Node's bare status line.
 */
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createApp, type AppDeps } from './app';
import { problemBody, type ProblemSlug } from './problem';

export interface WebServer {
  server: Server;
  url: string;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' };

/** A problem written straight to the socket: express never saw the request. */
function refuseUnparsed(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const slug: ProblemSlug = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers-too-large' : 'malformed-request';
  const detail =
    slug === 'headers-too-large'
      ? 'The address and headers together must stay under 16 kB; send long values in a body.'
      : 'The server could not read the request as HTTP/1.1.';
  const body = JSON.stringify(problemBody(slug, detail));
  const status = slug === 'headers-too-large' ? 431 : 400;
  socket.end(
    [
      `HTTP/1.1 ${status} ${REASONS[status]}`,
      'Content-Type: application/problem+json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Content-Language: en',
      'X-Content-Type-Options: nosniff',
      'Cache-Control: no-store',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

export function startWebServer(deps: AppDeps, port: number, host = '127.0.0.1'): Promise<WebServer> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address() as AddressInfo;
      resolve({ server, url: `http://${host}:${address.port}` });
    });
    server.on('clientError', refuseUnparsed);
  });
}

/** How long stopping waits for the calls under way to be answered before it cuts them. */
const DRAIN_MS = 25_000;
/**
 * How long a stopping server still takes connections. A call sent just before the signal may sit
 * unread in a socket or not yet accepted; closing at once would reset it unanswered.
 */
const LAME_DUCK_MS = 1_000;

export interface StopOptions {
  lameDuckMs?: number;
  drainMs?: number;
}

/**
 * Stops taking calls and lets the calls under way be answered: for a short while it still
 * answers (each answer closing its connection), then it stops listening; connections close as
 * they turn idle, and only those still busy after the drain are cut.
 */
export async function stopWebServer(
  web: WebServer,
  { lameDuckMs = LAME_DUCK_MS, drainMs = DRAIN_MS }: StopOptions = {},
): Promise<void> {
  web.server.prependListener('request', (_request, response) => response.setHeader('connection', 'close'));
  if (lameDuckMs > 0) await new Promise((resolve) => setTimeout(resolve, lameDuckMs));
  const closed = new Promise<void>((resolve, reject) =>
    web.server.close((error) => (error ? reject(error) : resolve())),
  );
  // A kept-alive connection turns idle once its call is answered: close it then.
  const idle = setInterval(() => web.server.closeIdleConnections(), 100);
  const cut = setTimeout(() => web.server.closeAllConnections(), drainMs);
  web.server.closeIdleConnections();
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(cut);
  }
}
