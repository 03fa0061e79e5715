/**
 * The curl walk-through of docs/api.md, run as it is written against a fresh system with the
 * shipped catalog: any call of it that is refused fails the test, so the docs cannot drift.
 * Also: the OpenAPI document describes what the request's status answers.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoPath, repoRoot } from '../../lib/paths';
import { startHarness, TEST_AUTH, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness();
});

afterAll(async () => {
  await system.stop();
});

/** The shell block under "A walk through it with curl". */
function walkthrough(): string {
  const doc = readFileSync(repoPath('docs/api.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## A walk through it with curl'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('docs/api.md has no curl walk-through');
  return block;
}

/** Runs a script with bash; every curl fails the script on an error status, showing its body. */
function run(script: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  const strict = 'set -euo pipefail\ncurl() { command curl --fail-with-body --show-error "$@"; echo; }\n';
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', strict + script], { cwd: repoRoot, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

describe('the docs of the API', () => {
  test('when the curl walk-through of docs/api.md runs against a fresh system, then every call of it succeeds', async () => {
    const { code, out } = await run(walkthrough(), {
      API: system.url,
      PISHKHAN_JWT_SECRET: TEST_AUTH.secret,
      PISHKHAN_JWT_ISSUER: TEST_AUTH.issuer,
      PISHKHAN_JWT_AUDIENCE: TEST_AUTH.audience,
    });
    expect({ code, out: code === 0 ? '' : out }).toEqual({ code: 0, out: '' });
    // The manager's move of the dues assessment is in the request's history and the audit.
    expect(out).toContain('d01 assessors on leave');
    expect(out).toContain('"action":"reassignTask"');
  }, 120_000);

  test("when the OpenAPI document is read, then a request's status lists its loops, clocks and runs", async () => {
    const { body } = await system.as(null).get('/api/openapi.json');
    const ok = body.paths['/api/requests/{trackingCode}'].get.responses['200'].content['application/json'];
    const schemas = JSON.stringify(ok.schema);
    for (const field of ['outcomeCounts', 'deadlineChanges', 'suspensions', 'suspended', 'continuedAsNew'])
      expect(schemas).toContain(`"${field}"`);
  });
});
