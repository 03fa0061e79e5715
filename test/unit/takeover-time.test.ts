/** The demo's takeover instant is fixed once per data directory, so restarts seed the same backlog. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeoverTime } from '../../cli/demo/takeover-time';

test('when the demo starts again on the same data, then its backlog counts back from the first start', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'takeover-')), 'data');
  const first = takeoverTime(dataDir, Date.parse('2026-11-08T06:00:00Z'));
  const later = takeoverTime(dataDir, Date.parse('2026-11-22T06:00:00Z'));
  expect(new Date(first).toISOString()).toBe('2026-11-08T06:00:00.000Z');
  expect(later).toBe(first);
});
