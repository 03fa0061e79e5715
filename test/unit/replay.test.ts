/**
 * Requests under way must replay on new code. Histories of real runs (test/fixtures/histories,
 * recorded by `npm run record-histories`: every step kind, a breach with its ladder, a loop,
 * parallel groups, moving deadlines, a withdrawal, continue-as-new, a request registered late,
 * payloads encrypted and commands sealed; each named by the build that recorded it, each its own
 * test) replay against the current interpreter with no determinism error, through the payload codec as a worker reads them: histories from before
 * encryption pass through it unchanged. An interpreter change that
 * alters behaviour must use patching (`patched()` from @temporalio/workflow) to keep this test
 * green.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { repoPath } from '../../lib/paths';
import { installQuietRuntime, testCodec } from '../support/harness';
import { historyFileName, recordingBuild } from '../support/history-build';

const dir = repoPath('test/fixtures/histories');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const histories = () =>
  files.map((file) => ({
    workflowId: basename(file, '.json'),
    history: historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8'))),
  }));

async function replay(workflowsPath: string) {
  installQuietRuntime();
  const results: { workflowId: string; error?: unknown }[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath, replayName: 'pishkhan-replay', dataConverter: { payloadCodecs: [testCodec()] } },
    histories(),
  )) {
    results.push(result);
  }
  return results;
}

describe('replay of saved histories', () => {
  let results: Map<string, unknown>;
  beforeAll(async () => {
    const replayed = await replay(require.resolve('../../workflows'));
    results = new Map(replayed.map((r) => [r.workflowId, r.error]));
  });

  test.each(files)('when %s replays on the current interpreter, then it does not diverge', (file) => {
    const error = results.get(basename(file, '.json'));
    expect(error === undefined ? 'ok' : error instanceof Error ? error.message : 'failed').toBe('ok');
  });

  test.each(files)('when %s is read, then its name says the build that recorded it', (file) => {
    const history = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Parameters<typeof recordingBuild>[0];
    const stem = basename(file, '.json').split('.').slice(0, -1).join('.');
    expect(file).toBe(historyFileName(stem, recordingBuild(history)));
  });

  test('when the interpreter changes without patching, then the replay fails with a determinism error', async () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const changed = await replay(repoPath('test/fixtures/replay/changed-interpreter.ts'));
    expect(changed).toHaveLength(files.length);
    for (const result of changed) expect(result.error).toBeInstanceOf(DeterminismViolationError);
  });
});
