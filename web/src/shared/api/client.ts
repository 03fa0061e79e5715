/**
 * Calls to the API, from the same origin: the signed-in person's bearer token on every call,
 * problem details turned into ApiProblem, and a signal to sign in again when the token is no
 * longer good.
 */
import { currentLanguage } from '../../i18n';
import { ApiProblem, problemFrom, type ProblemBody } from './problem';

type TokenSource = () => string | undefined;

let tokenOf: TokenSource = () => undefined;
let onSignedOut: () => void = () => {};

/** Where calls find the token, and what happens when the API no longer takes it. */
export function setTokenSource(source: TokenSource, signedOut: () => void): void {
  tokenOf = source;
  onSignedOut = signedOut;
}

export interface CallOptions {
  /** A token other than the session's: the applicant's, for their request. */
  token?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  options: CallOptions,
): Promise<T> {
  const token = options.token ?? tokenOf();
  // Problems come back in the language the person chose (Persian until they switch).
  const language = currentLanguage();
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem(0, 'network', undefined, {});
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const problem = problemFrom(response.status, parsed as ProblemBody | undefined);
    if ((problem.slug === 'token-expired' || problem.slug === 'invalid-token') && !options.token)
      onSignedOut();
    throw problem;
  }
  // An action the request did not answer within the API's wait: it was passed on, so the page
  // goes on with the request as it reads now.
  if (response.status === 202 && isStillWorking(parsed))
    return call<T>('GET', parsed.href, undefined, { ...options, idempotencyKey: undefined });
  return parsed as T;
}

function isStillWorking(body: unknown): body is { state: 'working'; href: string } {
  const answer = body as { state?: unknown; href?: unknown } | undefined;
  return answer?.state === 'working' && typeof answer.href === 'string';
}

export const api = {
  get: <T>(path: string, options: CallOptions = {}) => call<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options: CallOptions = {}) =>
    call<T>('POST', path, body ?? {}, options),
};

/** A query string from the values that are set. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A fresh key, so a retried submission changes nothing twice. */
export const newIdempotencyKey = (): string => `web-${crypto.randomUUID()}`;
