/**
 * Offices as they stand now, for routing: licences from the licence registry (the organisation
 * file's until the registry has started) and each office's open load from the work store.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { LicenceState } from '../lib/organisation/licences';
import type { Organisation } from '../lib/organisation/organisation';
import type { Queryable } from '../store/database';
import { openLoad } from '../store/office-work';
import { licencesQuery, registryIdOf } from '../workflows/licence-messages';
import type { LiveOffices } from './routing';

export interface TemporalAccess {
  client: Client;
  taskQueue: string;
}

/** How long the registry has to answer: it is a query of a cached workflow, quick when a worker runs it. */
const REGISTRY_ANSWERS_WITHIN_MS = 5_000;
/**
 * How old an answer may be and still stand in for one the registry did not give in time. A
 * worker stopping no longer runs the registry, and without this a rung's target being looked up
 * meanwhile would hold the stop until the server gave up on the query (about 30 s an attempt).
 */
const LAST_ANSWER_STANDS_MS = 60_000;

export function liveOffices(org: Organisation, temporal?: TemporalAccess, store?: Queryable): LiveOffices {
  const fromFile = () => new Map(org.allOffices().map((office) => [office.id, org.licenceOf(office)]));
  let last: { atMs: number; licences: Map<string, LicenceState> } | undefined;
  return {
    async licences(): Promise<Map<string, LicenceState>> {
      if (!temporal) return fromFile();
      const registry = temporal.client.workflow.getHandle(registryIdOf(temporal.taskQueue));
      try {
        const list = await temporal.client.withDeadline(Date.now() + REGISTRY_ANSWERS_WITHIN_MS, () =>
          registry.query(licencesQuery),
        );
        last = { atMs: Date.now(), licences: new Map(list.map((licence) => [licence.officeId, licence])) };
        return last.licences;
      } catch (error) {
        // Before the registry first starts, the file is the truth; any other failure retries,
        // unless an answer of under a minute ago can stand in.
        if (error instanceof WorkflowNotFoundError) return fromFile();
        if (last && Date.now() - last.atMs < LAST_ANSWER_STANDS_MS) return last.licences;
        throw error;
      }
    },
    async load(officeId: string): Promise<number> {
      return store ? openLoad(store, `office:${officeId}`) : 0;
    },
  };
}
