/**
 * The instant the demo's backlog was taken over from the system used before: fixed the first
 * time the demo is seeded into a data directory, read back on every restart, so the backlog's
 * requests are the same requests each time and their idempotency keys find them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function takeoverTime(dataDir: string, nowMs = Date.now()): number {
  const file = join(dataDir, 'demo-takeover.json');
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { takenOverAt?: unknown };
    if (typeof saved.takenOverAt === 'string' && !Number.isNaN(Date.parse(saved.takenOverAt)))
      return Date.parse(saved.takenOverAt);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ takenOverAt: new Date(nowMs).toISOString() })}\n`);
  return nowMs;
}
