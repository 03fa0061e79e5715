/**
 * A citizen's secret for a request: derived from the tracking code under the server's key, so
 * nothing needs storing and a retried start hands out the same secret. Changing the key changes
 * every secret; see docs/operations.md.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function citizenSecret(key: string, trackingCode: string): string {
  return createHmac('sha256', key).update(`citizen-secret:${trackingCode}`).digest('base64url').slice(0, 16);
}

export function isCitizenSecret(key: string, trackingCode: string, given: string): boolean {
  const expected = Buffer.from(citizenSecret(key, trackingCode));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
