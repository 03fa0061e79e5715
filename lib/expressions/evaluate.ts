/**
 * Evaluates compiled expressions over a request's data. Pure and deterministic, so workflow
 * code may call it; it never runs host code.
 */
import type { Expr } from './ast';

export type Value = number | string | boolean | null | undefined;

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

function read(data: Readonly<Record<string, unknown>>, path: string[]): Value {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  if (current === null || ['number', 'string', 'boolean'].includes(typeof current)) return current as Value;
  return undefined;
}

function num(value: Value, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ExpressionError(
      `${what} needs a number, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
    );
  }
  return value;
}

function compare(op: string, a: Value, b: Value): boolean {
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  // An ordering against a missing value is false rather than an error: "area > 1000" on a
  // request without an area simply does not hold.
  if (a === undefined || a === null || b === undefined || b === null) return false;
  if (typeof a !== typeof b) return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

export function evaluate(expr: Expr, data: Readonly<Record<string, unknown>>): Value {
  switch (expr.k) {
    case 'literal':
      return expr.value;
    case 'field':
      return read(data, expr.path);
    case 'unary': {
      const arg = evaluate(expr.arg, data);
      return expr.op === '!' ? !arg : -num(arg, 'unary minus');
    }
    case 'cond':
      return evaluate(expr.test, data) ? evaluate(expr.then, data) : evaluate(expr.else, data);
    case 'call': {
      const args = expr.args.map((arg) => num(evaluate(arg, data), `${expr.fn}()`));
      switch (expr.fn) {
        case 'min':
          return Math.min(...args);
        case 'max':
          return Math.max(...args);
        case 'round':
          return Math.round(args[0] ?? NaN);
        case 'floor':
          return Math.floor(args[0] ?? NaN);
        case 'ceil':
          return Math.ceil(args[0] ?? NaN);
        case 'abs':
          return Math.abs(args[0] ?? NaN);
      }
      break;
    }
    case 'binary': {
      const { op } = expr;
      if (op === '&&') return evaluate(expr.left, data) && evaluate(expr.right, data);
      if (op === '||') return evaluate(expr.left, data) || evaluate(expr.right, data);
      const left = evaluate(expr.left, data);
      const right = evaluate(expr.right, data);
      if (['<', '<=', '>', '>=', '==', '!='].includes(op)) return compare(op, left, right);
      const a = num(left, `'${op}'`);
      const b = num(right, `'${op}'`);
      switch (op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          if (b === 0) throw new ExpressionError('division by zero');
          return a / b;
        case '%':
          if (b === 0) throw new ExpressionError('division by zero');
          return a % b;
      }
    }
  }
  throw new ExpressionError(`unsupported expression`);
}

/** Evaluates a condition: anything but false, 0, '', null or a missing value holds. */
export function holds(expr: Expr, data: Readonly<Record<string, unknown>>): boolean {
  return Boolean(evaluate(expr, data));
}
