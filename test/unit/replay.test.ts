/**
 * Requests under way must replay on new code. Histories of real runs (test/fixtures/histories,
 * recorded by `npm run record-histories`: every step kind, a breach with its ladder, a loop,
 * parallel groups, moving deadlines, a withdrawal, continue-as-new, a request registered late,
 * payloads encrypted and commands sealed) replay against the current interpreter with no
 * determinism error, through the payload codec as a worker reads them: histories from before
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
  test('when the saved histories replay on the current interpreter, then none diverges', async () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const results = await replay(require.resolve('../../workflows'));
    expect(
      results.map((r) => [
        r.workflowId,
        r.error === undefined ? 'ok' : r.error instanceof Error ? r.error.message : 'failed',
      ]),
    ).toEqual(files.map((file) => [basename(file, '.json'), 'ok']));
  });

  test('when the interpreter changes without patching, then the replay fails with a determinism error', async () => {
    const results = await replay(repoPath('test/fixtures/replay/changed-interpreter.ts'));
    expect(results).toHaveLength(files.length);
    for (const result of results) expect(result.error).toBeInstanceOf(DeterminismViolationError);
  });
});
