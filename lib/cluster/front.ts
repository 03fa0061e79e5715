/**
 * The one address in front of the API instances: a small reverse proxy. It sends each call to
 * the next instance in turn among those whose /readyz answers, and when an instance dies
 * before answering a call, sends the call to another if that is safe: always when the
 * connection was refused (the call never arrived), and for reads and calls with an
 * Idempotency-Key (the API does those once however often they come) when it broke mid-call.
 * On several machines a load balancer (HAProxy, nginx, a cloud one) does this job.
 */
import {
  request as httpRequest,
  Agent,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FrontOptions {
  host: string;
  port: number;
  /** Base URLs of the API instances. */
  backends: string[];
  /** How often each instance's /readyz is asked. */
  checkEveryMs?: number;
}

export interface Front {
  url: string;
  /** Which instances answer /readyz now. */
  ready(): string[];
  stop(): Promise<void>;
}

type State = 'ready' | 'up' | 'down';

/** Calls larger than the API takes are refused by the API itself; this only bounds memory. */
const MAX_BODY_BYTES = 1024 * 1024;
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
];

function problem(res: ServerResponse, status: number, slug: string, title: string, detail: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    ...(status === 503 ? { 'retry-after': '1' } : {}),
  });
  res.end(JSON.stringify({ type: `/problems/${slug}`, title, status, detail }));
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFront(options: FrontOptions): Promise<Front> {
  // A fresh connection per call: a refused connection then always means the call never arrived,
  // where a kept-alive one closed by the instance could not tell a lost call from an unsent one.
  const agent = new Agent({ keepAlive: false, maxSockets: 256 });
  const states = new Map<string, State>(options.backends.map((url) => [url, 'up']));
  let turn = 0;

  async function check(url: string): Promise<void> {
    try {
      const answer = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_500) });
      states.set(url, answer.status === 200 ? 'ready' : 'up');
    } catch {
      states.set(url, 'down');
    }
  }
  const checkAll = () => Promise.all(options.backends.map(check));
  await checkAll();
  const timer = setInterval(() => void checkAll(), options.checkEveryMs ?? 1_000);

  /** Ready instances in turn; when none is ready, those that are up, so they answer why. */
  function candidates(): string[] {
    const ready = options.backends.filter((url) => states.get(url) === 'ready');
    const pool = ready.length > 0 ? ready : options.backends.filter((url) => states.get(url) === 'up');
    const start = turn++ % Math.max(pool.length, 1);
    return [...pool.slice(start), ...pool.slice(0, start)];
  }

  function forward(
    url: string,
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
  ): Promise<'done' | 'refused' | 'broken'> {
    return new Promise((resolve) => {
      const target = new URL(req.url ?? '/', url);
      const headers = { ...req.headers };
      for (const name of HOP_BY_HOP) delete headers[name];
      const caller = req.socket.remoteAddress ?? '';
      headers['x-forwarded-for'] = headers['x-forwarded-for']
        ? `${String(headers['x-forwarded-for'])}, ${caller}`
        : caller;
      headers['x-forwarded-proto'] = 'http';
      headers['content-length'] = String(body.length);
      const upstream = httpRequest(target, { method: req.method, headers, agent }, (answer) => {
        const answerHeaders = { ...answer.headers };
        for (const name of HOP_BY_HOP) delete answerHeaders[name];
        res.writeHead(answer.statusCode ?? 502, answerHeaders);
        answer.pipe(res);
        answer.on('end', () => resolve('done'));
        answer.on('error', () => {
          res.destroy();
          resolve('done');
        });
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        states.set(url, 'down');
        resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'broken');
      });
      upstream.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (body === undefined)
      return problem(
        res,
        413,
        'payload-too-large',
        'The request body is too large',
        'The front takes bodies up to 1 MB.',
      );
    const repeatable =
      ['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? '') || req.headers['idempotency-key'] !== undefined;
    for (const url of candidates()) {
      const outcome = await forward(url, req, body, res);
      if (outcome === 'done') return;
      if (outcome === 'broken' && !repeatable)
        return problem(
          res,
          502,
          'instance-lost',
          'The API instance stopped during the call',
          'The call may or may not have taken effect: read the resource before trying again, or send an Idempotency-Key so calls can be repeated safely.',
        );
    }
    problem(res, 503, 'no-instance', 'No API instance is available', 'Try again in a moment.');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() =>
      problem(res, 502, 'instance-lost', 'The call could not be forwarded', 'Try again.'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    ready: () => options.backends.filter((url) => states.get(url) === 'ready'),
    stop: () =>
      new Promise((resolve) => {
        clearInterval(timer);
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
