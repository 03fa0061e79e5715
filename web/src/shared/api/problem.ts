/**
 * The API's errors (RFC 9457 problem details) as the web app reads them: the problem's slug,
 * which names its message in the catalogs, and the fields it concerns, each with the kind of
 * fault, so the page can say it in the reader's language next to the field.
 */

/** What is wrong with one field, in words the catalogs have: errors.field.<fault>. */
export type FieldFault = 'required' | 'unknown' | 'invalid';

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: unknown[];
}

export class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(
    readonly status: number,
    /** `wrong-secret` for type `/problems/wrong-secret`; `network` when the API was not reached. */
    readonly slug: string,
    readonly detail: string | undefined,
    /** Field path (`data.area`, `applicant.nationalId`) to what is wrong with it. */
    readonly fields: Record<string, FieldFault>,
  ) {
    super(detail ?? slug);
  }
}

/** A fault from one entry of `errors`: `{ path, message }` from a request's schema, or a form's sentence. */
function faultOf(message: string): FieldFault {
  if (/required|missing/i.test(message)) return 'required';
  if (/unknown field/i.test(message)) return 'unknown';
  return 'invalid';
}

/** The field an entry of `errors` concerns: its `path`, or the one a form check names. */
function pathOf(entry: unknown): { path: string; message: string } | undefined {
  if (typeof entry === 'object' && entry !== null && 'path' in entry) {
    const { path, message } = entry as { path: unknown; message?: unknown };
    return typeof path === 'string'
      ? { path, message: typeof message === 'string' ? message : '' }
      : undefined;
  }
  if (typeof entry !== 'string') return undefined;
  const named = /field '([^']+)'/.exec(entry) ?? /^([A-Za-z0-9_.]+): /.exec(entry);
  return named?.[1] ? { path: named[1], message: entry } : undefined;
}

export function problemFrom(status: number, body: ProblemBody | undefined): ApiProblem {
  const slug = body?.type?.replace(/^.*\/problems\//, '') || `http-${status}`;
  const fields: Record<string, FieldFault> = {};
  for (const entry of body?.errors ?? []) {
    const found = pathOf(entry);
    if (found && found.path !== '(body)') fields[found.path] = faultOf(found.message);
  }
  return new ApiProblem(status, slug, body?.detail, fields);
}

/** The faults under one prefix (`data.`), keyed by the rest of the path. */
export function fieldsUnder(problem: ApiProblem | undefined, prefix: string): Record<string, FieldFault> {
  if (!problem) return {};
  const under: Record<string, FieldFault> = {};
  for (const [path, fault] of Object.entries(problem.fields)) {
    if (prefix === '') under[path] = fault;
    else if (path.startsWith(prefix)) under[path.slice(prefix.length)] = fault;
  }
  return under;
}
