/**
 * The measures of spread a fairness report gives.
 */
import { fairness, gini } from '../../lib/organisation/fairness';

describe('fairness measures', () => {
  test('when work is spread exactly by capacity, then the ratio is 1 and the Gini 0', () => {
    const report = fairness(
      new Map([
        ['o-a', 20],
        ['o-b', 40],
      ]),
      new Map([
        ['o-a', 10],
        ['o-b', 20],
      ]),
    );
    expect(report.total).toBe(60);
    expect(report.maxMinRatio).toBe(1);
    expect(report.gini).toBeCloseTo(0);
    expect(report.offices[1]).toEqual({
      office: 'o-b',
      requests: 40,
      capacity: 20,
      share: 40 / 60,
      capacityShare: 20 / 30,
    });
  });

  test('when one office has everything, then the Gini nears 1 and the ratio is unbounded', () => {
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75);
    const report = fairness(
      new Map([['o-a', 9]]),
      new Map([
        ['o-a', 10],
        ['o-b', 10],
      ]),
    );
    expect(report.maxMinRatio).toBe(Infinity);
  });
});
