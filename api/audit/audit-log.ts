/**
 * The audit trail: one JSON line per state-changing call, appended and never rewritten. Each
 * entry carries the hash of the one before it in its file, so an entry changed or removed on
 * disk breaks the chain, and `verify()` says where. The API offers no way to change it.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface AuditEntry {
  at: string;
  /** Who: the token's subject (or the request's applicant, or anonymous), and in what role. */
  actor: { subject: string; role: string; name?: string };
  /** The operation, as named in the OpenAPI document. */
  action: string;
  method: string;
  path: string;
  /** What the call was about. */
  target: { trackingCode?: string; taskId?: string; officeId?: string; serviceId?: string };
  address: string;
  requestId: string;
  /** The HTTP status answered, and the problem type when refused. */
  result: { status: number; problem?: string };
}

export interface StoredEntry extends AuditEntry {
  instance: string;
  seq: number;
  prev: string;
  hash: string;
}

export interface AuditFilter {
  actor?: string;
  trackingCode?: string;
  action?: string;
  from?: string;
  to?: string;
}

const GENESIS = '0'.repeat(64);

const hashOf = (prev: string, entry: Omit<StoredEntry, 'hash'>) =>
  createHash('sha256').update(prev).update(JSON.stringify(entry)).digest('hex');

function readEntries(file: string): StoredEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as StoredEntry);
}

export class AuditLog {
  private readonly file: string;
  private prev = GENESIS;
  private seq = 0;

  /** `instance` names this process's file: two API processes never share one. */
  constructor(
    private readonly dir: string,
    private readonly instance: string,
  ) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, `audit-${instance.replace(/[^A-Za-z0-9_.-]/g, '_')}.jsonl`);
    if (existsSync(this.file)) {
      const last = readEntries(this.file).at(-1);
      if (last) {
        this.prev = last.hash;
        this.seq = last.seq;
      }
    }
  }

  /** Appends one entry in a single write, so a crash leaves whole lines only. */
  append(entry: AuditEntry): StoredEntry {
    const body = { ...entry, instance: this.instance, seq: this.seq + 1, prev: this.prev };
    const stored: StoredEntry = { ...body, hash: hashOf(this.prev, body) };
    appendFileSync(this.file, `${JSON.stringify(stored)}\n`);
    this.prev = stored.hash;
    this.seq = stored.seq;
    return stored;
  }

  private files(): string[] {
    return readdirSync(this.dir)
      .filter((name) => name.startsWith('audit-') && name.endsWith('.jsonl'))
      .map((name) => join(this.dir, name));
  }

  /** Entries of every instance, newest first, filtered. */
  list(filter: AuditFilter): StoredEntry[] {
    return this.files()
      .flatMap(readEntries)
      .filter(
        (e) =>
          (!filter.actor || e.actor.subject === filter.actor) &&
          (!filter.trackingCode || e.target.trackingCode === filter.trackingCode) &&
          (!filter.action || e.action === filter.action) &&
          (!filter.from || e.at >= filter.from) &&
          (!filter.to || e.at < filter.to),
      )
      .sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq);
  }

  /** Re-computes every file's chain; names the first entry that does not fit. */
  verify(): { files: number; entries: number; intact: boolean; broken?: { instance: string; seq: number } } {
    let entries = 0;
    const files = this.files();
    for (const file of files) {
      let prev = GENESIS;
      for (const stored of readEntries(file)) {
        entries++;
        const { hash, ...body } = stored;
        if (stored.prev !== prev || hashOf(prev, body) !== hash) {
          return {
            files: files.length,
            entries,
            intact: false,
            broken: { instance: stored.instance, seq: stored.seq },
          };
        }
        prev = hash;
      }
    }
    return { files: files.length, entries, intact: true };
  }
}
