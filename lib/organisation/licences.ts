/**
 * Office licences as they stand at run time: issued by the organisation file, then suspended,
 * revoked, reinstated, renewed or expired, each change kept with who, when and why. Pure, so
 * the licence registry workflow and the routing activity share it.
 */
import type { Office } from '../generated/organisation';

export type LicenceStatus = 'active' | 'suspended' | 'revoked' | 'expired';
export type LicenceAction = 'suspend' | 'revoke' | 'reinstate' | 'renew' | 'expire' | 'grant';

export interface LicenceChange {
  at: string;
  action: LicenceAction;
  status: LicenceStatus;
  reason: string;
  by: string;
  /** The new end of validity, for a renewal or a grant (Gregorian YYYY-MM-DD). */
  validUntil?: string;
}

export interface LicenceState {
  officeId: string;
  number: string;
  status: LicenceStatus;
  /** Last day of validity, Gregorian YYYY-MM-DD. */
  validUntil: string;
  /** Why the status is what it is, when it is not active. */
  reason?: string;
  history: LicenceChange[];
  /** The office itself, for offices licensed at run time (the file has the others). */
  office?: Office;
}

/** Status on a date: an active licence past its last day has expired. */
export function statusOn(licence: LicenceState, today: string): LicenceStatus {
  return licence.status === 'active' && today > licence.validUntil ? 'expired' : licence.status;
}

/** Which actions each status allows: revocation is final; a new licence takes an application. */
export const ALLOWED: Record<LicenceStatus, LicenceAction[]> = {
  active: ['suspend', 'revoke', 'renew', 'expire'],
  suspended: ['reinstate', 'revoke', 'renew'],
  expired: ['renew', 'revoke'],
  revoked: [],
};

/** The status an action leads to. */
export function statusAfter(action: LicenceAction, current: LicenceStatus): LicenceStatus {
  switch (action) {
    case 'suspend':
      return 'suspended';
    case 'revoke':
      return 'revoked';
    case 'expire':
      return 'expired';
    case 'reinstate':
    case 'grant':
      return 'active';
    case 'renew':
      // A renewal extends validity; a suspended licence stays suspended until reinstated.
      return current === 'suspended' ? 'suspended' : 'active';
  }
}
