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
  /**
   * The key of the step that made the change (request, step, visit): a re-run of the step finds
   * its change here and makes no second one.
   */
  key?: string;
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

/** The change a key made already, if any: a re-run of the step that made it is answered with it. */
export function changeUnderKey(licence: LicenceState, key: string | undefined): LicenceChange | undefined {
  return key === undefined ? undefined : licence.history.find((change) => change.key === key);
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

/** The longest a renewal may run: the term the city grants a licence for. */
export const MAX_RENEWAL_YEARS = 5;

/**
 * What is wrong with the new last day of validity a change names, or undefined: only a renewal
 * names one, after today and at most MAX_RENEWAL_YEARS beyond the licence's last day (or today,
 * when that has passed). A suspension or reinstatement keeps the licence's own. Dates are
 * Gregorian YYYY-MM-DD; `show` says them as the caller reads them.
 */
export function validUntilProblem(
  change: { action: LicenceAction; validUntil?: string | undefined },
  licence: { validUntil: string },
  today: string,
  show: (day: string) => string = (day) => day,
): string | undefined {
  const { action, validUntil } = change;
  if (action !== 'renew')
    return validUntil === undefined
      ? undefined
      : `only a renewal sets a new last day of validity; a licence keeps its own when it is ${PAST[action]}`;
  if (validUntil === undefined) return 'a renewal names its new last day of validity (validUntil)';
  if (validUntil <= today) return `a renewal runs past today; ${show(validUntil)} has come already`;
  const from = licence.validUntil > today ? licence.validUntil : today;
  const latest = `${Number(from.slice(0, 4)) + MAX_RENEWAL_YEARS}${from.slice(4)}`;
  if (validUntil > latest)
    return `a licence is renewed for at most ${MAX_RENEWAL_YEARS} years beyond ${show(from)}, until ${show(latest)}; ${show(validUntil)} is later`;
  return undefined;
}

const PAST: Record<LicenceAction, string> = {
  suspend: 'suspended',
  revoke: 'revoked',
  reinstate: 'reinstated',
  renew: 'renewed',
  expire: 'expired',
  grant: 'granted',
};
