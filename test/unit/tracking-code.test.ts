/**
 * Tracking codes a citizen reads out: a mistyped digit is caught before any lookup.
 */
import { isTrackingCode, newTrackingCode, trackingCodeOfTask } from '../../lib/tracking-code';

describe('tracking codes', () => {
  test('when codes are issued, then they are twelve digits and pass their own check', () => {
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      expect(code).toMatch(/^[1-9]\d{11}$/);
      expect(isTrackingCode(code)).toBe(true);
    }
  });

  test('when any single digit is mistyped, then the check digit catches it', () => {
    const code = newTrackingCode();
    for (let position = 0; position < 12; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === code[position]) continue;
        const typo = code.slice(0, position) + String(digit) + code.slice(position + 1);
        expect(isTrackingCode(typo)).toBe(false);
      }
    }
  });

  test('when a task id is read, then its request is found in it', () => {
    const code = newTrackingCode();
    expect(trackingCodeOfTask(`${code}-3`)).toBe(code);
    expect(trackingCodeOfTask('abc-3')).toBeUndefined();
    expect(trackingCodeOfTask(`${code}`)).toBeUndefined();
  });
});
