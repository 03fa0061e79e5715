/**
 * Reads started before the page that needs them has rendered: on opening the app, the reads
 * of the page it opens on go out at once, beside the scripts and the first render, instead of
 * after them. The page's first read of the same path takes the answer already on its way;
 * each is taken once, and only while fresh, so a page opened later reads anew.
 */
import { api } from './client';

const FRESH_MS = 5_000;

interface EarlyRead {
  startedAt: number;
  answer: Promise<unknown>;
}

const early = new Map<string, EarlyRead>();

/** Starts a read with the session's token; its answer waits for the page that asks. */
export function readEarly(path: string): void {
  if (early.has(path)) return;
  const answer = api.get<unknown>(path);
  // Nobody may ever take it (the page changed first): a failure must not go unhandled.
  answer.catch(() => undefined);
  early.set(path, { startedAt: Date.now(), answer });
}

/** The read of this path started early, if one is still fresh; it is given once. */
export function takeEarly<T>(path: string): Promise<T> | undefined {
  const read = early.get(path);
  if (!read) return undefined;
  early.delete(path);
  return Date.now() - read.startedAt <= FRESH_MS ? (read.answer as Promise<T>) : undefined;
}
