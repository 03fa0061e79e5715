/**
 * The expression language of service definitions, as the compiled plan carries it: a small
 * JSON tree (no source text, no host code), so a plan replays the same whatever parser runs.
 */

export type BinaryOperator =
  '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

export const FUNCTIONS = ['min', 'max', 'round', 'floor', 'ceil', 'abs'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type Expr =
  | { k: 'literal'; value: number | string | boolean | null }
  | { k: 'field'; path: string[] }
  | { k: 'unary'; op: '-' | '!'; arg: Expr }
  | { k: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
  | { k: 'cond'; test: Expr; then: Expr; else: Expr }
  | { k: 'call'; fn: FunctionName; args: Expr[] };

/** Every field path an expression reads, such as ['area'] or ['parcel', 'area']. */
export function fieldsOf(expr: Expr): string[][] {
  switch (expr.k) {
    case 'literal':
      return [];
    case 'field':
      return [expr.path];
    case 'unary':
      return fieldsOf(expr.arg);
    case 'binary':
      return [...fieldsOf(expr.left), ...fieldsOf(expr.right)];
    case 'cond':
      return [...fieldsOf(expr.test), ...fieldsOf(expr.then), ...fieldsOf(expr.else)];
    case 'call':
      return expr.args.flatMap(fieldsOf);
  }
}
