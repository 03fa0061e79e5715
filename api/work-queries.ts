/**
 * Worklists, SLA lists and summaries, read from the work store for a signed-in person: who may
 * read whose work is decided here, the filtering, sorting, counting and paging happen in SQL.
 */
import type { Organisation } from '../lib/organisation/organisation';
import type { WorkStore } from '../store/work-store';
import { nationalIdHash } from '../store/national-id';
import { requestPlace } from '../store/request-place';
import { slaList, slaSummary, type GroupBy, type SlaFilter, type SlaList } from '../store/sla-lists';
import { worklist, type WorklistFilter } from '../store/worklists';
import { isOversight, type Actor } from './auth/actor';
import { ProblemError } from './problem';
import { holderScope, readerOf } from './work-scope';

export type { GroupBy, SlaFilter, SlaList };

export interface WorklistQuery extends Omit<WorklistFilter, 'trackingCode' | 'nationalIdHash'> {
  /** Oversight only: one holder's work. */
  assignee?: string;
  /** A tracking code (12 digits) or an applicant's national id (10 digits). */
  q?: string;
}

export class WorkQueries {
  constructor(
    private readonly store: WorkStore,
    private readonly org: Organisation,
  ) {}

  /** A request's service, domain and district, once the store holds it. */
  requestPlace(trackingCode: string) {
    return requestPlace(this.store.db, trackingCode);
  }

  /** The caller's worklist: their pool (or what they claimed, or what was escalated to them), one page. */
  async worklist(actor: Actor, query: WorklistQuery) {
    const oversight = isOversight(actor);
    if (query.assignee && !oversight)
      throw new ProblemError(
        'forbidden',
        'Only managers, inspectors and admins read the work of another holder.',
      );
    const reader = readerOf(actor, this.org);
    if (oversight && query.assignee) {
      // One holder's work: the unit, and its roles when it is a department.
      const unit = query.assignee.startsWith('department:')
        ? (query.assignee.slice('department:'.length).split('/')[0] ?? '')
        : undefined;
      const department = unit === undefined ? undefined : this.org.department(unit.split('.').at(-1) ?? '');
      const roles =
        department && !query.assignee.includes('/')
          ? (department.roles ?? []).map((role) => `${query.assignee}/${role.id}`)
          : [];
      reader.scope = { principals: [query.assignee, ...roles] };
    }
    const filter: WorklistFilter = { ...query, ...this.searchTerms(query.q) };
    return worklist(this.store.db, reader, filter);
  }

  /** `q` as what it names: a tracking code, or the hash of a national id. */
  private searchTerms(q: string | undefined): Pick<WorklistFilter, 'trackingCode' | 'nationalIdHash'> {
    if (!q) return {};
    if (/^\d{12}$/.test(q)) return { trackingCode: q };
    return { nationalIdHash: nationalIdHash(this.store.nationalIdKey, q) };
  }

  sla(kind: SlaList, filter: SlaFilter, page: { page: number; pageSize: number }) {
    return slaList(this.store.db, kind, filter, page);
  }

  summary(by: GroupBy, filter: SlaFilter) {
    return slaSummary(this.store.db, by, filter);
  }

  /** Whose work an actor reads, for other resources of the store (notifications, search). */
  scopeOf(actor: Actor) {
    return holderScope(actor, this.org);
  }
}
