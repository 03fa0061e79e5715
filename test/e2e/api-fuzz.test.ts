/**
 * The API fuzzed from its own OpenAPI document with schemathesis (PyPI; installed by
 * scripts/install-schemathesis.sh, which `npm test` runs): as a clerk, a department's staff, a
 * designer, a manager and without a token, with generated valid and invalid input, and the
 * stateful phase that chains calls by the document's links. No answer may be a server error,
 * and every answer must be one the document lists, of its content type and its schema.
 * Bounded: a few examples per operation and a time budget per caller. PK_FUZZ_SEED repeats a run.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Claims } from '../../api/auth/claims';
import { repoPath } from '../../lib/paths';
import { DESIGNER, fixture, MANAGER, startHarness, type Harness } from '../support/harness';

const SCHEMATHESIS = repoPath('tools/bin/schemathesis');
/** Seconds each caller's run may take; five callers keep the suite within a few minutes. */
const SECONDS_PER_CALLER = 40;
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
].join(',');

let system: Harness;

beforeAll(async () => {
  if (!existsSync(SCHEMATHESIS))
    throw new Error('schemathesis is missing: run scripts/install-schemathesis.sh (npm test does)');
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

/** Runs schemathesis against the system's OpenAPI with a caller's token; answers its exit code and output. */
function fuzz(token: string | undefined): Promise<{ code: number | null; output: string }> {
  const args = [
    'run',
    `${system.url}/api/openapi.json`,
    '--url',
    system.url,
    '--checks',
    CHECKS,
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-examples',
    '12',
    '--max-time',
    String(SECONDS_PER_CALLER),
    '--workers',
    '1',
    '--seed',
    process.env.PK_FUZZ_SEED ?? '14',
    '--request-timeout',
    '20',
    '--suppress-health-check',
    'all',
    '--warnings',
    'off',
    '--no-color',
    ...(token ? ['--header', `Authorization: Bearer ${token}`] : []),
  ];
  return new Promise((resolve, reject) => {
    // Its cache of crashes goes where it runs: the suite's temporary directory, not the repository.
    const cwd = process.env.PK_TEST_TMP ?? tmpdir();
    const child = spawn(SCHEMATHESIS, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const CALLERS: [string, Claims | string | null][] = [
  ['a clerk of an office', 'office:o-1'],
  ["a department's staff", 'department:d01.urban-planning'],
  ['a designer', DESIGNER],
  ['a manager', MANAGER],
  ['a caller without a token', null],
];

describe('the API fuzzed from its OpenAPI document', () => {
  test.each(CALLERS)(
    'when %s calls every operation with generated input, then no answer is a server error or one the document does not list',
    async (_who, caller) => {
      const token = caller === null ? undefined : await system.token(caller);
      const { code, output } = await fuzz(token);
      // The whole report when anything failed: it names each failing call with a curl line.
      if (code !== 0 || process.env.PK_FUZZ_VERBOSE) console.warn(output);
      expect(output).toMatch(/Test cases?:|API Operations?:/);
      expect(code).toBe(0);
    },
    (SECONDS_PER_CALLER + 60) * 1000,
  );
});
