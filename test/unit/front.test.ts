/**
 * The front of the cluster (lib/cluster/front.ts) in front of two real HTTP servers standing
 * in for API instances: calls go to each in turn, a call to an instance that is gone goes to
 * the other, and a change an instance dies in the middle of is answered 502, never sent twice.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFront, type Front } from '../../lib/cluster/front';

interface Instance {
  url: string;
  server: Server;
  /** Calls it took, as METHOD path. */
  calls: string[];
}

/** A stand-in API instance: ready, answers with its name, or dies mid-call when told to. */
async function instance(name: string, dieOn?: string): Promise<Instance> {
  const calls: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/readyz') {
      res.writeHead(200).end('{"status":"ready"}');
      return;
    }
    calls.push(`${req.method} ${req.url}`);
    if (req.url === dieOn) req.socket.destroy();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ instance: name }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, calls };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

let front: Front | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await front?.stop();
  await Promise.all(servers.splice(0).map(close));
});

async function frontOf(...instances: Instance[]): Promise<Front> {
  servers.push(...instances.map((i) => i.server));
  front = await startFront({
    host: '127.0.0.1',
    port: 0,
    backends: instances.map((i) => i.url),
    checkEveryMs: 100,
  });
  return front;
}

const answerOf = async (response: Response) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  body: (await response.json()) as Record<string, unknown>,
});

test('when calls come to the front, then the instances take them in turn', async () => {
  const [a, b] = [await instance('a'), await instance('b')];
  const { url } = await frontOf(a, b);
  const names = [];
  for (let i = 0; i < 4; i++)
    names.push((await answerOf(await fetch(`${url}/api/definitions`))).body.instance);
  expect(names.sort()).toEqual(['a', 'a', 'b', 'b']);
});

test('when an instance is gone, then its calls go to the other and every call is answered', async () => {
  const [a, b] = [await instance('a'), await instance('b')];
  const { url } = await frontOf(a, b);
  await close(a.server);
  const answers = [];
  for (let i = 0; i < 4; i++)
    answers.push(
      await answerOf(await fetch(`${url}/api/requests`, { method: 'POST', body: '{}' })).then(
        (answer) => `${answer.status} ${String(answer.body.instance)}`,
      ),
    );
  expect(answers).toEqual(['200 b', '200 b', '200 b', '200 b']);
});

test('when an instance dies in the middle of a change, then the caller gets 502 and the change is not sent again', async () => {
  const [a, b] = [
    await instance('a', '/api/tasks/1-1/complete'),
    await instance('b', '/api/tasks/1-1/complete'),
  ];
  const { url } = await frontOf(a, b);
  const answer = await answerOf(await fetch(`${url}/api/tasks/1-1/complete`, { method: 'POST', body: '{}' }));

  expect([answer.status, answer.type, answer.body.type]).toEqual([
    502,
    'application/problem+json',
    '/problems/instance-lost',
  ]);
  expect([...a.calls, ...b.calls]).toEqual(['POST /api/tasks/1-1/complete']);
});

test('when an instance dies in the middle of a read, then the read is sent to the other', async () => {
  const [a, b] = [await instance('a', '/api/tasks'), await instance('b')];
  const { url } = await frontOf(a, b);
  const answers = [];
  for (let i = 0; i < 2; i++) answers.push((await answerOf(await fetch(`${url}/api/tasks`))).status);
  expect(answers).toEqual([200, 200]);
  // Whichever instance a read went to first, the one that stayed up answered both.
  expect(b.calls).toEqual(['GET /api/tasks', 'GET /api/tasks']);
});

test('when no instance is up, then the front answers 503 with a problem saying to try again', async () => {
  const a = await instance('a');
  const { url } = await frontOf(a);
  await close(a.server);
  const response = await fetch(`${url}/api/definitions`);
  expect([
    response.status,
    response.headers.get('retry-after'),
    (await answerOf(response)).body.type,
  ]).toEqual([503, '1', '/problems/no-instance']);
});
