/**
 * The audit trail of the API: one entry per state-changing call (who, in what role, which
 * operation on what, from where, with what result), written before the answer leaves, in the
 * work store's database where every API instance appends to the same hash chain. No route changes
 * or removes an entry; `verify()` says whether any was changed or removed.
 */
import type { Database } from '../../store/database';
import { AuditTrail, type AuditQuery } from '../../store/audit-trail';

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

export type AuditFilter = AuditQuery;

export class AuditLog {
  private readonly trail: AuditTrail<AuditEntry>;

  constructor(db: Database) {
    this.trail = new AuditTrail<AuditEntry>(db);
  }

  async append(entry: AuditEntry) {
    const stored = await this.trail.append(entry);
    return { ...stored.entry, seq: stored.seq, prev: stored.prev, hash: stored.hash };
  }

  /** One page of entries, newest first, with how many match. */
  async list(filter: AuditFilter, page: { page: number; pageSize: number }) {
    const found = await this.trail.list(filter, page);
    return {
      total: found.total,
      items: found.items.map((stored) => ({
        ...stored.entry,
        seq: stored.seq,
        prev: stored.prev,
        hash: stored.hash,
      })),
    };
  }

  verify() {
    return this.trail.verify();
  }
}
