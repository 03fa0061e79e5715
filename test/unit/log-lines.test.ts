/**
 * The logs a person reads in development and a collector reads in production: a call to the API
 * as one short line, or as one JSON record with its request (secrets redacted); the demo's own
 * calls out of the way; an error with what went wrong and where.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { DEMO_USER_AGENT, requestLog } from '../../api/request-log';
import { createLogger, logFormatOf, readableLine, type LogFormat } from '../../lib/logger';

/** An API of one route that logs through `requestLog`, and what its log wrote. */
async function loggedCall(format: LogFormat, headers: Record<string, string>, production = false) {
  const written: string[] = [];
  const logger = createLogger('info', format, { write: (text: string) => written.push(text) });
  const app = express();
  app.use(requestLog(logger, production));
  app.get('/api/tasks', (_req, res) => {
    res.json({ total: 0 });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await (await fetch(`http://127.0.0.1:${port}/api/tasks?page=1`, { headers })).text();
    // The record is written when the answer has gone out.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    server.close();
  }
  return written.join('');
}

const SECRET = { authorization: 'Bearer secret-token-value', 'user-agent': 'curl/8' };

test('when NODE_ENV is production, then logs are JSON; otherwise readable lines; LOG_FORMAT chooses either', () => {
  expect(logFormatOf({ NODE_ENV: 'production' })).toBe('json');
  expect(logFormatOf({ NODE_ENV: 'development' })).toBe('pretty');
  expect(logFormatOf({})).toBe('pretty');
  expect(logFormatOf({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' })).toBe('pretty');
  expect(logFormatOf({ LOG_FORMAT: 'json' })).toBe('json');
  expect(() => logFormatOf({ LOG_FORMAT: 'yaml' })).toThrow("LOG_FORMAT must be json or pretty, got 'yaml'");
});

test('when a call is logged in development, then it is one short line with the call, its status and time, and no headers', async () => {
  const text = await loggedCall('pretty', SECRET);
  const lines = text.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}GET \/api\/tasks\?page=1 200 \d+ ms$/);
  expect(text).not.toContain('secret-token-value');
  expect(text).not.toContain('curl/8');
});

test('when a call is logged in production, then its JSON record keeps the request and the answer, with the token redacted', async () => {
  const text = await loggedCall('json', SECRET, true);
  const record = JSON.parse(text) as {
    msg: string;
    req: { method: string; url: string; headers: Record<string, string> };
    res: { statusCode: number };
  };
  expect(record.msg).toMatch(/^GET \/api\/tasks\?page=1 200 \d+ ms$/);
  expect(record.req.headers.authorization).toBe('[Redacted]');
  expect(record.req.headers['user-agent']).toBe('curl/8');
  expect(record.res.statusCode).toBe(200);
});

test('when the demo calls the API in development, then its calls stay out of the log; in production they are logged like any other', async () => {
  expect(await loggedCall('pretty', { 'user-agent': DEMO_USER_AGENT })).toBe('');
  expect(await loggedCall('json', { 'user-agent': DEMO_USER_AGENT }, true)).toContain(
    '"msg":"GET /api/tasks',
  );
});

test('when an error is logged, then its line says what was being done and what went wrong, and its stack follows', () => {
  const error = new Error('connection refused');
  const line = readableLine({
    level: 50,
    time: Date.now(),
    app: 'pishkhan',
    msg: 'demo: seeding stopped',
    err: { type: 'Error', message: error.message, stack: error.stack },
    service: 'citizen-complaint',
  });
  const [first, second] = line.split('\n');
  expect(first).toMatch(/ ERROR demo: seeding stopped: connection refused {2}service=citizen-complaint$/);
  expect(second).toMatch(/^ {4}at /);
});

test('when a record carries a long field, then its line is cut to fit a terminal and says so', () => {
  const names = Array.from({ length: 12 }, (_, i) => `PkAttribute${i}`);
  const line = readableLine({
    level: 30,
    time: Date.now(),
    msg: 'registered search attributes',
    added: names,
  });
  expect(line.length).toBeLessThanOrEqual(160);
  expect(line).toMatch(/ added=PkAttribute0,PkAttribute1,.*…$/);
});
