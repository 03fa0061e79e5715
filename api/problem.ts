/**
 * Errors as RFC 9457 problem details. Every error the API answers goes through here, so no
 * stack trace or internal message ever leaves the server. Title and detail come in the caller's
 * language (Accept-Language: Persian or English; English without it), see messages.ts.
 */
import { isGrpcServiceError } from '@temporalio/client';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from '../lib/logger';
import { callerLanguage, problemTitle, say, sayErrors, type Language } from './messages';

/** The problem types the API answers with; `type` is `/problems/<slug>`. */
export const PROBLEM_TYPES = {
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'unreadable-body': { status: 400, title: 'The request body cannot be read as its headers describe it' },
  'malformed-request': { status: 400, title: 'The request is not valid HTTP' },
  'invalid-text': { status: 400, title: 'A text holds characters people cannot read' },
  'invalid-request': { status: 400, title: 'The request does not match its schema' },
  'invalid-tracking-code': { status: 400, title: 'Not a valid tracking code' },
  'invalid-task-id': { status: 400, title: 'Not a valid task id' },
  unauthenticated: { status: 401, title: 'Sign in: this needs a bearer token' },
  'invalid-token': { status: 401, title: 'The token is not valid' },
  'token-expired': { status: 401, title: 'The token has expired' },
  'wrong-secret': { status: 401, title: 'The tracking code and secret do not match' },
  forbidden: { status: 403, title: 'Not allowed for this role' },
  'not-assignee': { status: 403, title: 'The task is held by someone else' },
  'not-found': { status: 404, title: 'No such resource' },
  'request-not-found': { status: 404, title: 'No request has this tracking code' },
  'task-not-found': { status: 404, title: 'No such task' },
  'version-not-found': { status: 404, title: 'No such published version' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'task-not-open': { status: 409, title: 'The task is not open' },
  'task-not-claimed': { status: 409, title: 'Nobody has claimed the task' },
  'task-claimed': { status: 409, title: 'Someone else has claimed the task' },
  'idempotency-key-reused': { status: 422, title: 'The Idempotency-Key was used for a different call' },
  'idempotency-key-used': { status: 409, title: 'The Idempotency-Key has started a request already' },
  'nothing-asked': { status: 409, title: 'The request is not waiting on the applicant' },
  'bill-not-due': { status: 409, title: 'The bill is not due' },
  'licence-change-refused': { status: 409, title: 'The licence cannot change so' },
  'invalid-licence-change': { status: 422, title: 'The licence change does not fit the action' },
  'request-not-active': { status: 409, title: 'The request has already ended' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'The request body must be application/json' },
  'unknown-service': { status: 422, title: 'No such service' },
  'unknown-district': { status: 422, title: 'No such district' },
  'office-not-eligible': { status: 422, title: 'The office may not take this request' },
  'intake-not-allowed': { status: 422, title: 'The service cannot be started this way' },
  'invalid-form-data': { status: 422, title: 'The data does not match the form' },
  'outcome-not-allowed': { status: 422, title: 'The step does not allow this outcome' },
  'invalid-definition': { status: 422, title: 'The definition has problems' },
  'task-cannot-move': { status: 422, title: 'The task cannot be moved so' },
  'invalid-deadline-change': { status: 422, title: 'The deadline cannot be changed so' },
  'invalid-received-time': { status: 422, title: 'The request cannot have been received then' },
  'rate-limited': { status: 429, title: 'Too many calls; slow down' },
  'headers-too-large': { status: 431, title: "The request's address or headers are too long" },
  'not-ready': { status: 503, title: 'The service is not ready' },
  'temporal-unavailable': { status: 503, title: 'The workflow service is unavailable' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ProblemSlug = keyof typeof PROBLEM_TYPES;

export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly slug: ProblemSlug,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? PROBLEM_TYPES[slug].title);
  }

  get status(): number {
    return PROBLEM_TYPES[this.slug].status;
  }
}

/** How long a caller told 503 is asked to wait before trying again (`Retry-After`, seconds). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Temporal unreachable or too slow to answer (gRPC 14, 4), or a workflow task that failed for a
 * moment under an update (gRPC 9 naming it; the worker retries it): the caller may try again.
 * The client hands some of these over as they come, others (queries, updates) wrapped in a
 * ServiceError; the cause chain is followed.
 */
export function unavailableProblem(error: unknown): ProblemError | undefined {
  let grpc: unknown = error;
  for (let depth = 0; depth < 5 && !isGrpcServiceError(grpc) && grpc instanceof Error; depth++)
    grpc = grpc.cause;
  if (!isGrpcServiceError(grpc)) return undefined;
  const code = Number(grpc.code);
  const transient = code === 9 && /workflow task fail/i.test(`${grpc.details} ${grpc.message}`);
  if (code === 4 || code === 14 || transient)
    return new ProblemError(
      'temporal-unavailable',
      'The workflow service cannot be reached; try again in a moment.',
    );
  return undefined;
}

export function problemBody(
  slug: ProblemSlug,
  detail?: string,
  instance?: string,
  extensions: Record<string, unknown> = {},
  language: Language = 'en',
) {
  const { status, title } = PROBLEM_TYPES[slug];
  return {
    type: `/problems/${slug}`,
    title: problemTitle(slug, title, language),
    status,
    ...(detail ? { detail: say(detail, language) } : {}),
    ...(instance ? { instance } : {}),
    ...extensions,
    ...('errors' in extensions ? { errors: sayErrors(extensions.errors, language) } : {}),
    // A refused definition lists its problems, each located, said as the errors are.
    ...('problems' in extensions ? { problems: sayErrors(extensions.problems, language) } : {}),
  };
}

/** Errors express's body parser raises, by their `type`. */
const PARSER_ERRORS: Record<string, ProblemSlug> = {
  'entity.parse.failed': 'malformed-json',
  'entity.too.large': 'payload-too-large',
  'encoding.unsupported': 'unsupported-media-type',
  'charset.unsupported': 'unsupported-media-type',
};

/** A body the parser could not decode (compressed otherwise than it says): the caller's fault. */
function unreadable(error: unknown): ProblemSlug | undefined {
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return status === 400 && expose === true ? 'unreadable-body' : undefined;
}

/** What must happen before a refusal is answered (its audit entry), given the problem. */
export type BeforeAnswer = (req: Request, res: Response, problem: ProblemError) => Promise<void>;

export function problemHandler(logger: Logger, beforeAnswer?: BeforeAnswer): ErrorRequestHandler {
  return async (error: unknown, req, res, _next) => {
    let problem: ProblemError;
    const unavailable = error instanceof ProblemError ? undefined : unavailableProblem(error);
    if (error instanceof ProblemError) {
      problem = error;
    } else if (unavailable) {
      problem = unavailable;
    } else {
      const parserSlug = PARSER_ERRORS[(error as { type?: string }).type ?? ''] ?? unreadable(error);
      if (parserSlug) {
        problem = new ProblemError(
          parserSlug,
          parserSlug === 'unreadable-body'
            ? `The body is not encoded as its Content-Encoding (${req.get('content-encoding') ?? 'none'}) says.`
            : undefined,
        );
      } else {
        logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
        problem = new ProblemError(
          'internal',
          'The server could not complete the request; it has been logged.',
        );
      }
    }
    if (beforeAnswer) {
      try {
        await beforeAnswer(req, res, problem);
      } catch (failure) {
        logger.error({ err: failure, url: req.originalUrl }, 'could not record the refusal');
      }
    }
    if (problem.status === 401) res.set('WWW-Authenticate', 'Bearer realm="pishkhan"');
    if (problem.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res.locals.problem = problem.slug;
    const requestId = typeof res.locals.requestId === 'string' ? { requestId: res.locals.requestId } : {};
    const language = callerLanguage(req);
    res
      .status(problem.status)
      .type('application/problem+json')
      .set({ 'Content-Language': language, Vary: 'Accept-Language' })
      .json(
        problemBody(
          problem.slug,
          problem.detail,
          req.originalUrl,
          { ...problem.extensions, ...requestId },
          language,
        ),
      );
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ProblemError('not-found', `Nothing at ${req.method} ${req.path}`));
};

/** Documents each problem type at its own URI, so `type` dereferences to an explanation. */
export const describeProblem: RequestHandler = (req, res, next) => {
  const slug = String(req.params.slug) as ProblemSlug;
  if (!Object.hasOwn(PROBLEM_TYPES, slug)) return next();
  const { status, title } = PROBLEM_TYPES[slug];
  const language = callerLanguage(req);
  res
    .set({ 'Content-Language': language, Vary: 'Accept-Language' })
    .json({ type: `/problems/${slug}`, title: problemTitle(slug, title, language), status });
};
