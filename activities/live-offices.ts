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

export function liveOffices(org: Organisation, temporal?: TemporalAccess, store?: Queryable): LiveOffices {
  const fromFile = () => new Map(org.allOffices().map((office) => [office.id, org.licenceOf(office)]));
  return {
    async licences(): Promise<Map<string, LicenceState>> {
      if (!temporal) return fromFile();
      try {
        const list = await temporal.client.workflow
          .getHandle(registryIdOf(temporal.taskQueue))
          .query(licencesQuery);
        return new Map(list.map((licence) => [licence.officeId, licence]));
      } catch (error) {
        // Before the registry first starts, the file is the truth; any other failure retries.
        if (error instanceof WorkflowNotFoundError) return fromFile();
        throw error;
      }
    },
    async load(officeId: string): Promise<number> {
      return store ? openLoad(store, `office:${officeId}`) : 0;
    },
  };
}
