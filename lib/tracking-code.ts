/**
 * Tracking codes citizens read out over the phone: twelve digits, the last a Luhn check digit,
 * so a mistyped digit is caught before any lookup. Task ids are `<tracking code>-<n>`.
 */
import { createHash, randomInt } from 'node:crypto';

const FORMAT = /^\d{12}$/;

function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function newTrackingCode(): string {
  // The first digit is never 0, so codes keep their length wherever they are typed as numbers.
  const body = String(randomInt(1, 10)) + String(randomInt(0, 10_000_000_000)).padStart(10, '0');
  return body + String(luhnDigit(body));
}

export function isTrackingCode(code: string): boolean {
  return FORMAT.test(code) && code[0] !== '0' && luhnDigit(code.slice(0, 11)) === Number(code[11]);
}

/** The tracking code inside a task id, or undefined when the id is not one of ours. */
export function trackingCodeOfTask(taskId: string): string | undefined {
  const match = /^(\d{12})-(\d{1,6})$/.exec(taskId);
  return match?.[1] && isTrackingCode(match[1]) ? match[1] : undefined;
}

export const workflowIdOf = (trackingCode: string) => `request-${trackingCode}`;

/** The tracking code a seed always gives: a retried start with the same idempotency key finds its request. */
export function trackingCodeFor(seed: string): string {
  const hash = createHash('sha256').update(seed).digest();
  const first = String((hash.readUInt32BE(0) % 9) + 1);
  const rest = String(hash.readBigUInt64BE(4) % 10_000_000_000n).padStart(10, '0');
  const body = first + rest;
  return body + String(luhnDigit(body));
}
