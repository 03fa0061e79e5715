/**
 * The expression language of definitions: fees and branch conditions over a request's data.
 */
import { evaluate, ExpressionError, holds } from '../../lib/expressions/evaluate';
import { ExpressionSyntaxError, parseExpression } from '../../lib/expressions/parse';

const run = (text: string, data: Record<string, unknown>) => evaluate(parseExpression(text), data);

describe('expressions', () => {
  test('when a fee formula reads request data, then it computes the amount', () => {
    expect(
      run('round(area * landValue * (floors > 5 ? 1.3 : 1))', {
        area: 420,
        landValue: 50_000_000,
        floors: 7,
      }),
    ).toBe(27_300_000_000);
    expect(run('max(area - 500, 0) * 0.2', { area: 620 })).toBeCloseTo(24);
    expect(run('parcel.area / 2', { parcel: { area: 300 } })).toBe(150);
  });

  test('when a condition combines comparisons, then && || ! and == work on numbers, text and flags', () => {
    expect(holds(parseExpression('floors > 5 || area > 1000'), { floors: 3, area: 1200 })).toBe(true);
    expect(
      holds(parseExpression("use == 'residential' && !historic"), { use: 'residential', historic: false }),
    ).toBe(true);
    expect(holds(parseExpression('area >= 1000'), {})).toBe(false);
  });

  test('when arithmetic meets a missing field or zero, then it fails with a reason', () => {
    expect(() => run('area * 2', {})).toThrow(ExpressionError);
    expect(() => run('area / count', { area: 1, count: 0 })).toThrow('division by zero');
  });

  test('when an expression uses anything beyond the language, then parsing refuses it', () => {
    for (const text of [
      'area >',
      'constructor.constructor("x")()',
      'a[0]',
      'eval(1)',
      'x = 1',
      '[1, 2]',
      'this',
    ]) {
      expect(() => parseExpression(text)).toThrow(ExpressionSyntaxError);
    }
  });

  test('when parsed, then the tree is plain JSON a workflow can carry', () => {
    const tree = parseExpression('min(a, 2) + -b');
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
  });
});
