/**
 * Building a query with its filters: each value becomes a numbered parameter, never text in the SQL.
 */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value; answers its placeholder (`$3`). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Whose work a reader may see: holders by principal, and outside agencies only in one district. */
export interface HolderScope {
  /** Every holder's work: managers, inspectors and admins. */
  everyone?: boolean;
  principals: string[];
  /** Agencies a per-district department follows up, with the district its staff serve. */
  agencies?: { principals: string[]; district?: string };
}

/**
 * The condition that a principal (column `column`, a task's holder or a notification's recipient)
 * is within the scope; `districtColumn` is the district of the request it belongs to.
 */
export function holderCondition(
  scope: HolderScope,
  params: Params,
  column = 't.holder',
  districtColumn = 't.district',
): string {
  if (scope.everyone) return 'TRUE';
  const parts = [`${column} = ANY(${params.add(scope.principals)}::text[])`];
  const agencies = scope.agencies;
  if (agencies && agencies.principals.length > 0) {
    const inDistrict = agencies.district ? ` AND ${districtColumn} = ${params.add(agencies.district)}` : '';
    parts.push(`(${column} = ANY(${params.add(agencies.principals)}::text[])${inDistrict})`);
  }
  return `(${parts.join(' OR ')})`;
}
