/**
 * Parses the expression text of a definition (`area * 1200000`, `floors > 5 || area > 1000`)
 * into the plan's expression tree, accepting only the small language the docs describe.
 */
import jsep from 'jsep';
import { FUNCTIONS, type BinaryOperator, type Expr, type FunctionName } from './ast';

const BINARY: ReadonlySet<string> = new Set<BinaryOperator>([
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
]);

export class ExpressionSyntaxError extends Error {
  override name = 'ExpressionSyntaxError';
  constructor(
    message: string,
    /** Character offset in the expression text, when known. */
    readonly index: number | undefined,
  ) {
    super(message);
  }
}

/** jsep types node fields loosely; names and operators are strings. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function memberPath(node: jsep.Expression): string[] | undefined {
  if (node.type === 'Identifier') return [text(node.name)];
  if (node.type === 'MemberExpression' && !node.computed) {
    const object = memberPath(node.object as jsep.Expression);
    const property = node.property as jsep.Expression;
    if (object && property.type === 'Identifier') return [...object, text(property.name)];
  }
  return undefined;
}

function convert(node: jsep.Expression): Expr {
  switch (node.type) {
    case 'Literal': {
      const value = node.value;
      if (value === null || ['number', 'string', 'boolean'].includes(typeof value)) {
        return { k: 'literal', value: value as number | string | boolean | null };
      }
      throw new ExpressionSyntaxError(`unsupported literal ${text(node.raw)}`, undefined);
    }
    case 'Identifier':
    case 'MemberExpression': {
      const path = memberPath(node);
      if (!path)
        throw new ExpressionSyntaxError('only plain field names such as parcel.area are allowed', undefined);
      return { k: 'field', path };
    }
    case 'UnaryExpression': {
      const op = text(node.operator);
      if (op === '+') return convert(node.argument as jsep.Expression);
      if (op !== '-' && op !== '!')
        throw new ExpressionSyntaxError(`unsupported operator '${op}'`, undefined);
      return { k: 'unary', op, arg: convert(node.argument as jsep.Expression) };
    }
    case 'BinaryExpression': {
      let op = text(node.operator);
      if (op === '===') op = '==';
      if (op === '!==') op = '!=';
      if (!BINARY.has(op)) throw new ExpressionSyntaxError(`unsupported operator '${op}'`, undefined);
      return {
        k: 'binary',
        op: op as BinaryOperator,
        left: convert(node.left as jsep.Expression),
        right: convert(node.right as jsep.Expression),
      };
    }
    case 'ConditionalExpression':
      return {
        k: 'cond',
        test: convert(node.test as jsep.Expression),
        then: convert(node.consequent as jsep.Expression),
        else: convert(node.alternate as jsep.Expression),
      };
    case 'CallExpression': {
      const callee = node.callee as jsep.Expression;
      const name = callee.type === 'Identifier' ? text(callee.name) : '';
      if (!(FUNCTIONS as readonly string[]).includes(name)) {
        throw new ExpressionSyntaxError(
          `unknown function '${name || '?'}'; available: ${FUNCTIONS.join(', ')}`,
          undefined,
        );
      }
      const args = (node.arguments as jsep.Expression[]).map(convert);
      const unary = name !== 'min' && name !== 'max';
      if (unary ? args.length !== 1 : args.length < 1) {
        throw new ExpressionSyntaxError(
          `${name}() takes ${unary ? 'one argument' : 'one or more arguments'}`,
          undefined,
        );
      }
      return { k: 'call', fn: name as FunctionName, args };
    }
    default:
      throw new ExpressionSyntaxError(`unsupported syntax (${node.type})`, undefined);
  }
}

export function parseExpression(text: string): Expr {
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (error) {
    const { message, index } = error as { message: string; index?: number };
    throw new ExpressionSyntaxError(message.replace(/ at character \d+$/, ''), index);
  }
  return convert(tree);
}
