/**
 * The stated rule for giving office work out, and its explanation.
 */
import { chooseFairly, type OfficeStanding, type Tier } from '../../lib/organisation/fair-routing';

const office = (
  officeId: string,
  load: number,
  capacity: number,
  districts = ['d01'],
  barred?: string,
): OfficeStanding => ({
  officeId,
  districts,
  capacity,
  load,
  ...(barred ? { barred } : {}),
});
const tiers: Tier[] = [
  { name: 'district', districts: ['d01'] },
  { name: 'neighbours', districts: ['d02', 'd03'] },
  { name: 'city', districts: ['d01', 'd02', 'd03', 'd04'] },
];

describe('fair routing', () => {
  test('when offices differ in load, then the lowest load relative to capacity wins', () => {
    const decision = chooseFairly({
      trackingCode: '100000000008',
      stepId: 'intake',
      district: 'd01',
      tiers,
      offices: [office('o-a', 10, 20), office('o-b', 6, 10), office('o-c', 9, 30)],
    });
    expect(decision.winner).toBe('o-c');
    expect(decision.tier).toBe('district');
    expect(decision.candidates.map((c) => [c.office, c.ratio])).toEqual([
      ['o-a', 0.5],
      ['o-b', 0.6],
      ['o-c', 0.3],
    ]);
    expect(decision.why).toContain('o-c has the lowest load');
  });

  test('when offices tie, then the rotation on the tracking code decides, the same way every time', () => {
    const offices = [office('o-a', 0, 10), office('o-b', 0, 10), office('o-c', 0, 10)];
    const pick = (code: string) =>
      chooseFairly({ trackingCode: code, stepId: 'intake', district: 'd01', tiers, offices }).winner;
    expect(pick('100000000008')).toBe(pick('100000000008'));
    const winners = new Set(
      Array.from({ length: 60 }, (_, i) => pick(`1000000${String(i).padStart(5, '0')}`)),
    );
    expect(winners).toEqual(new Set(['o-a', 'o-b', 'o-c']));
  });

  test('when no office of the district is eligible, then the neighbours are searched, then the city, then the supervisor', () => {
    const suspended = office('o-a', 0, 10, ['d01'], 'licence suspended: fees taken outside the treasury');
    const neighbour = office('o-n', 5, 10, ['d02']);
    let decision = chooseFairly({
      trackingCode: '1',
      stepId: 's',
      district: 'd01',
      tiers,
      offices: [suspended, neighbour],
    });
    expect(decision).toEqual(expect.objectContaining({ winner: 'o-n', tier: 'neighbours' }));
    expect(decision.candidates[0]).toEqual({
      office: 'o-a',
      eligible: false,
      reason: 'licence suspended: fees taken outside the treasury',
    });
    decision = chooseFairly({
      trackingCode: '1',
      stepId: 's',
      district: 'd01',
      tiers,
      offices: [suspended, office('o-far', 1, 10, ['d04'])],
    });
    expect(decision).toEqual(expect.objectContaining({ winner: 'o-far', tier: 'city' }));
    decision = chooseFairly({ trackingCode: '1', stepId: 's', district: 'd01', tiers, offices: [suspended] });
    expect(decision).toEqual(expect.objectContaining({ tier: 'supervisor' }));
    expect(decision.winner).toBeUndefined();
  });

  test('when the work is taken away from an office, then that office is not chosen again', () => {
    const decision = chooseFairly({
      trackingCode: '1',
      stepId: 's',
      district: 'd01',
      tiers,
      offices: [office('o-a', 0, 10), office('o-b', 9, 10)],
      exclude: ['o-a'],
    });
    expect(decision.winner).toBe('o-b');
    expect(decision.candidates[0]?.reason).toBe('the work is being taken away from it');
  });
});
