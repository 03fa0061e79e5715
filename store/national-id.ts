/**
 * National ids are personal data: the store keeps only a keyed hash of each, enough to find a
 * request by an exact id and useless for listing whose requests are there.
 */
import { createHmac } from 'node:crypto';

/** The id as digits only; Persian and Arabic-Indic digits read as their Latin twins. */
export function normaliseNationalId(id: string): string {
  return id
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\D/g, '');
}

export function nationalIdHash(key: string, id: string): string {
  return createHmac('sha256', key).update(normaliseNationalId(id)).digest('hex');
}
