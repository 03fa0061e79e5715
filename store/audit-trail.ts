/**
 * The audit trail in the database: entries appended one at a time under a lock, each with the
 * hash of the one before it over its exact JSON, never updated. Every API instance appends to
 * the same chain; `verify` recomputes it and names the first entry that does not fit.
 */
import { createHash } from 'node:crypto';
import type { Database } from './database';
import { Params } from './sql';

const GENESIS = '0'.repeat(64);
/** The key of the advisory lock appends take, so two instances never fork the chain. */
const AUDIT_LOCK = 7_404_912;
const VERIFY_BATCH = 5_000;

export interface AuditRecord {
  at: string;
  actor: { subject: string; role: string; name?: string };
  action: string;
  target: { trackingCode?: string };
}

export interface Stored<E> {
  seq: number;
  prev: string;
  hash: string;
  entry: E;
}

const hashOf = (prev: string, text: string) => createHash('sha256').update(prev).update(text).digest('hex');

export interface AuditQuery {
  actor?: string;
  trackingCode?: string;
  action?: string;
  from?: string;
  to?: string;
}

export class AuditTrail<E extends AuditRecord> {
  constructor(private readonly db: Database) {}

  async append(entry: E): Promise<Stored<E>> {
    const text = JSON.stringify(entry);
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
      const [last] = await tx.query<{ seq: number; hash: string }>(
        'SELECT seq::int AS seq, hash FROM audit_entries ORDER BY seq DESC LIMIT 1',
      );
      const seq = (last?.seq ?? 0) + 1;
      const prev = last?.hash ?? GENESIS;
      const hash = hashOf(prev, text);
      await tx.query(
        `INSERT INTO audit_entries (seq, at, actor, action, tracking_code, entry, prev, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          seq,
          entry.at,
          entry.actor.subject,
          entry.action,
          entry.target.trackingCode ?? null,
          text,
          prev,
          hash,
        ],
      );
      return { seq, prev, hash, entry };
    });
  }

  /** One page of entries, newest first, and how many match. */
  async list(query: AuditQuery, page: { page: number; pageSize: number }) {
    const where = (params: Params) => {
      const parts: string[] = [];
      if (query.actor) parts.push(`actor = ${params.add(query.actor)}`);
      if (query.trackingCode) parts.push(`tracking_code = ${params.add(query.trackingCode)}`);
      if (query.action) parts.push(`action = ${params.add(query.action)}`);
      if (query.from) parts.push(`at >= ${params.add(query.from)}`);
      if (query.to) parts.push(`at < ${params.add(query.to)}`);
      return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    };
    const countParams = new Params();
    const [count] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries ${where(countParams)}`,
      countParams.values,
    );
    const params = new Params();
    const rows = await this.db.query<{ seq: number; entry: string; prev: string; hash: string }>(
      `SELECT seq::int AS seq, entry, prev, hash FROM audit_entries ${where(params)}
        ORDER BY seq DESC LIMIT ${params.add(page.pageSize)} OFFSET ${params.add((page.page - 1) * page.pageSize)}`,
      params.values,
    );
    return {
      total: count?.n ?? 0,
      items: rows.map((row) => ({
        seq: row.seq,
        prev: row.prev,
        hash: row.hash,
        entry: JSON.parse(row.entry) as E,
      })),
    };
  }

  /** Recomputes the chain from its start; names the first entry that does not fit. */
  async verify(): Promise<{ entries: number; intact: boolean; broken?: { seq: number } }> {
    let prev = GENESIS;
    let expected = 1;
    for (let after = 0; ;) {
      const rows = await this.db.query<{ seq: number; entry: string; prev: string; hash: string }>(
        'SELECT seq::int AS seq, entry, prev, hash FROM audit_entries WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, VERIFY_BATCH],
      );
      for (const row of rows) {
        // A removed entry leaves a gap in the numbers; a changed one no longer hashes the same.
        if (row.seq !== expected || row.prev !== prev || hashOf(prev, row.entry) !== row.hash)
          return {
            entries: expected - 1,
            intact: false,
            broken: { seq: row.seq === expected ? row.seq : expected },
          };
        prev = row.hash;
        expected++;
      }
      if (rows.length < VERIFY_BATCH) return { entries: expected - 1, intact: true };
      after = rows.at(-1)?.seq ?? after;
    }
  }
}
