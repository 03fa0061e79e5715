/**
 * What a newcomer sees of `npm start`: the system it starts (cli/up.ts, with its own embedded
 * Temporal dev server and database, on ports of its own), its console read as a person reads
 * it, and the examples it ends its banner with pasted into a shell as printed. Ctrl-C (SIGINT
 * to the whole process group, as a terminal sends it) under load answers the calls sent before
 * it, then stops everything, exiting 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../../lib/paths';
import { pasteIntoShell } from '../support/paste';

const DEMO_REQUESTS = 12;
/** Starting from nothing on a busy machine: the dev server, the store, the worker, the seeding. */
const READY_WITHIN_MS = 240_000;
const BANNER_END = 'Press Ctrl-C to stop.';
const TRY_IT = 'Try it, in this folder in another terminal:';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A newcomer's environment: none of the variables a deployment or the tests set. */
function newcomersEnv(own: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!/^(NODE_ENV|NODE_OPTIONS|LOG_|TEMPORAL_|DATABASE_URL|PISHKHAN_|JEST_|PK_TEST_)/.test(name))
      env[name] = value;
  return { ...env, ...own };
}

let system: ChildProcess | undefined;
let output = '';
let exited: Promise<number | null>;
let ports = { api: 0, temporal: 0, ui: 0 };

/** True when something answers on a port of this machine. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A POST on a connection of its own: `sent` settles once the whole request has left this
 * process, `status` with the answer's status, or with how the connection was cut.
 */
function postJson(
  port: number,
  path: string,
  body: unknown,
): { sent: Promise<void>; status: Promise<number | string> } {
  let markSent: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const status = new Promise<number | string>((resolve) => {
    const call = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (answer) => {
        answer.resume();
        answer.once('end', () => resolve(answer.statusCode ?? 0));
      },
    );
    call.once('finish', markSent);
    call.once('error', (error) => {
      markSent();
      resolve(`cut off: ${String(error)}`);
    });
    call.end(JSON.stringify(body));
  });
  return { sent, status };
}

/** Waits, within a bound, until the console holds `text`; fails with what it printed. */
async function printed(text: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!output.includes(text)) {
    if (system?.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start did not print "${text}"; it printed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(() => {
  const bundle = process.env.PK_TEST_WORKFLOW_BUNDLE;
  if (!bundle) throw new Error('end-to-end suites need test/support/global-setup.ts');
  return Promise.all([freePort(), freePort(), freePort()]).then(([api, temporal, ui]) => {
    const dataDir = mkdtempSync(join(process.env.PK_TEST_TMP ?? '/tmp', 'npm-start-'));
    ports = { api, temporal, ui };
    // One node process, as `node dist/cli/up.js` is, running the sources through tsx's loader.
    system = spawn(process.execPath, ['--import', 'tsx', 'cli/up.ts'], {
      cwd: repoRoot,
      // Its own process group, so Ctrl-C reaches every process of it, as from a terminal.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: newcomersEnv({
        PORT: String(api),
        TEMPORAL_PORT: String(temporal),
        TEMPORAL_UI_PORT: String(ui),
        PISHKHAN_DATA_DIR: dataDir,
        PISHKHAN_DEMO_REQUESTS: String(DEMO_REQUESTS),
        // The workflows the test run bundled once, instead of bundling them again.
        PISHKHAN_WORKFLOW_BUNDLE: bundle,
      }),
    });
    const keep = (chunk: Buffer) => (output += chunk.toString());
    system.stdout?.on('data', keep);
    system.stderr?.on('data', keep);
    const child = system;
    exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  });
});

afterAll(async () => {
  // A test that failed before Ctrl-C leaves nothing running behind it.
  if (system?.pid !== undefined && system.exitCode === null && system.signalCode === null)
    process.kill(-system.pid, 'SIGKILL');
  await exited;
});

test('when a newcomer runs npm start, then its console reads line by line, shows the seeding, sums up the demo, and every example it prints answers as pasted; Ctrl-C under load answers the calls under way and stops it', async () => {
  await printed(BANNER_END, READY_WITHIN_MS);
  const lines = output.split('\n');
  const banner = lines.slice(0, lines.indexOf(TRY_IT));

  // Readable: no JSON record, no line a person must scroll sideways, no line per call of the demo.
  expect(banner.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
  expect(banner.filter((line) => line.length > 160)).toEqual([]);
  expect(banner.filter((line) => /^[\d:]{8} \w+ +(GET|POST) \//.test(line))).toEqual([]);
  expect(banner).toContain('pishkhan is running');

  // The seeding's progress, then what it made.
  const progress = banner.filter((line) => line.startsWith('Seeding the demo ['));
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.at(-1)).toMatch(new RegExp(`\\] ${DEMO_REQUESTS}/${DEMO_REQUESTS} requests, `));
  expect(banner).toContainEqual(
    expect.stringMatching(
      new RegExp(`^Demo ready in .+: ${DEMO_REQUESTS} requests seeded now, 0 from before$`),
    ),
  );
  expect(banner).toContainEqual(expect.stringMatching(new RegExp(`^ {2}Requests {5}${DEMO_REQUESTS}: `)));
  expect(banner).toContainEqual(
    expect.stringMatching(/^ {2}Open tasks {3}\d+ past their deadline, \d+ escalated, \d+ at risk$/),
  );

  // The examples, as printed: a clerk's token and worklist, one task completed, a manager's breaches.
  const examples = lines.slice(lines.indexOf(TRY_IT) + 1, lines.indexOf(BANNER_END));
  const commands = examples.filter((line) => line.trim() && !line.trimStart().startsWith('#'));
  expect(commands.map((line) => line.trim())).toEqual([
    expect.stringMatching(/^CLERK=\$\(npm run -s pishkhan -- token p-\d{4}-clerk\)$/),
    expect.stringMatching(/^curl -s http:\/\/127\.0\.0\.1:\d+\/api\/tasks -H /),
    expect.stringMatching(/^curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/api\/tasks\/[^/]+\/complete /),
    expect.stringMatching(/^MANAGER=\$\(npm run -s pishkhan -- token /),
    expect.stringMatching(/^curl -s http:\/\/127\.0\.0\.1:\d+\/api\/sla\/breaches -H /),
  ]);
  const { statuses } = await pasteIntoShell(examples);
  expect(statuses).toEqual([200, 200, 200]);

  // Ctrl-C under load: the starts sent before it are answered, none is cut off.
  const sent: Promise<void>[] = [];
  const inFlight = Array.from({ length: 20 }, (_, i) => {
    const call = postJson(ports.api, '/api/requests', {
      serviceId: 'bulky-waste-pickup',
      district: 'd02',
      channel: 'online',
      applicant: { name: `Applicant ${i}` },
      data: { items: 'یک یخچال و دو مبل', address: 'خیابان ولیعصر، کوچه نسترن، پلاک ۸' },
    });
    sent.push(call.sent);
    return call.status;
  });
  await Promise.all(sent);
  process.kill(-(system?.pid ?? 0), 'SIGINT');
  expect(await Promise.all(inFlight)).toEqual(Array.from({ length: 20 }, () => 201));
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    exited,
    new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 60_000))),
  ]);
  clearTimeout(timer);
  expect(code).toBe(0);
  // Everything it started has stopped: the API, the Temporal dev server and its Web UI.
  for (const port of Object.values(ports)) expect(await listening(port)).toBe(false);
}, 360_000);
