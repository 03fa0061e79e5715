/**
 * The messages the licence registry answers: the licences as they stand, and changes to them.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LicenceAction, LicenceState } from '../lib/organisation/licences';

export interface LicenceCommand {
  officeId: string;
  action: Exclude<LicenceAction, 'expire' | 'grant'>;
  reason: string;
  by: string;
  /** For a renewal: the new last day of validity, Gregorian YYYY-MM-DD. */
  validUntil?: string;
  /** The key of the request's step that asks: a change under a key already applied changes nothing. */
  key?: string;
}

export const licencesQuery = defineQuery<LicenceState[]>('licences');

/** Suspends, revokes, reinstates or renews an office's licence; answers the licence as it stands. */
export const changeLicenceUpdate = defineUpdate<LicenceState, [LicenceCommand]>('changeLicence');

/** Adds licences the registry does not hold yet (new offices in the file, or granted at run time). */
export const registerLicencesSignal = defineSignal<[LicenceState[]]>('registerLicences');

export const LICENCE_REJECTION = 'LicenceChangeRefused';

/** The registry's workflow id, one per deployment (task queue). */
export const registryIdOf = (taskQueue: string) => `licences-${taskQueue}`;
