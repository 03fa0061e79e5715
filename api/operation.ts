/**
 * Every endpoint is declared once, as an operation: path, who may call it, the JSON Schemas of
 * its parameters, body and answers. The same declaration mounts the route, validates what comes
 * in and what goes out, writes the audit entry of a state-changing call, and becomes a path of
 * the OpenAPI document. There is no second description to drift from the code.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '../lib/logger';
import { appendAudit } from './audit/audit-entry';
import type { AuditEntry, AuditLog } from './audit/audit-log';
import type { Actor } from './auth/actor';
import type { Role } from './auth/claims';
import { BODY_LIMIT } from './limits';
import { ProblemError, type ProblemSlug } from './problem';
import { readableValue } from '../lib/text/readable-text';
import { StillWorking, stillWorkingReply, stillWorkingResponse } from './still-working';
import { fieldErrors } from './validation';

export type JsonSchema = object;

export interface OperationSpec {
  /** The operationId, also the action named in audit entries. */
  id: string;
  method: 'get' | 'post';
  /** OpenAPI form: `/api/requests/{trackingCode}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Anyone; anyone with a valid token; or only these roles. */
  access: 'public' | 'signed-in' | readonly Role[];
  params?: Record<string, JsonSchema>;
  query?: JsonSchema;
  /** A JSON body, or a definition's YAML text. */
  body?: JsonSchema | 'yaml';
  /** Takes an `Idempotency-Key` header: a retried call changes nothing twice. */
  idempotent?: boolean;
  /** Acts through a request's workflow: past the API's wait it answers 202 (see still-working.ts). */
  waits?: boolean;
  responses: Record<number, { description: string; schema?: JsonSchema }>;
  /** The problems it may answer beyond those every operation may. */
  problems?: ProblemSlug[];
}

export interface Call {
  req: Request;
  actor: Actor | undefined;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** What the call is about, for its audit entry; handlers add what they learn. */
  target: AuditEntry['target'];
}

export interface Reply {
  status?: number;
  body: unknown;
  location?: string;
}

export type Handler = (call: Call) => Promise<Reply> | Reply;

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];

/** Roles as people read them in a refusal. */
const ROLE_WORDS: Record<Role, { many: string; one: string }> = {
  designer: { many: 'process designers', one: 'a process designer' },
  office: { many: 'office staff', one: 'office staff' },
  department: { many: 'department staff', one: 'department staff' },
  manager: { many: 'managers', one: 'a manager' },
  inspector: { many: 'inspectors', one: 'an inspector' },
  admin: { many: 'administrators', one: 'an administrator' },
  citizen: { many: 'the applicant', one: 'the applicant' },
};

/** `office staff, department staff or managers`. */
export function inWords(roles: readonly Role[]): string {
  const words = roles.map((role) => ROLE_WORDS[role].many);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

/** The body with its texts in NFC, or a 400 naming each text people could not read as sent. */
function readableBody(value: unknown): unknown {
  const { value: readable, problems } = readableValue(value);
  if (problems.length === 0) return readable;
  const errors = problems.map((problem) => ({
    path: problem.path.join('.') || '(body)',
    message: problem.message,
  }));
  throw new ProblemError('invalid-text', `body: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, {
    errors,
  });
}

export const actorOf = (res: Response): Actor | undefined => res.locals.actor as Actor | undefined;

export class OperationRegistry {
  readonly specs: OperationSpec[] = [];
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: false });

  constructor(
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    /** Answer 500 when an answer breaks its schema (development, tests), or only log it. */
    private readonly strictResponses: boolean,
  ) {
    addFormats(this.ajv);
  }

  private compile(schema: JsonSchema): ValidateFunction {
    return this.ajv.compile(schema as Record<string, unknown>);
  }

  mount(router: Router, declared: OperationSpec, handler: Handler): void {
    const spec = declared.waits
      ? { ...declared, responses: { ...declared.responses, 202: stillWorkingResponse } }
      : declared;
    this.specs.push(spec);
    const params = spec.params
      ? this.compile({
          type: 'object',
          properties: spec.params,
          required: Object.keys(spec.params),
        })
      : undefined;
    const query = spec.query ? this.compile(spec.query) : undefined;
    const body = spec.body && spec.body !== 'yaml' ? this.compile(spec.body) : undefined;
    const answers = new Map(
      Object.entries(spec.responses)
        .filter(([, r]) => r.schema)
        .map(([status, r]) => [Number(status), this.compile(r.schema as JsonSchema)]),
    );
    const expressPath = spec.path.replace(/\{([A-Za-z]+)\}/g, ':$1');
    const yaml = express.text({ type: YAML_TYPES, limit: BODY_LIMIT });

    const run = async (req: Request, res: Response) => {
      res.locals.operation = spec.id;
      const actor = actorOf(res);
      const call: Call = {
        req,
        actor,
        params: req.params as Record<string, string>,
        query: { ...(req.query as Record<string, string>) },
        body: req.body as unknown,
        target: {},
      };
      let reply: Reply;
      try {
        this.authorise(spec, actor);
        this.check(params, call.params, 'invalid-request', 'path');
        this.check(query, call.query, 'invalid-request', 'query');
        if (spec.body === 'yaml') {
          if (!req.is(YAML_TYPES) || typeof req.body !== 'string')
            throw new ProblemError('unsupported-media-type', 'Send the definition as application/yaml.');
        } else if (body) {
          if (!req.is('application/json'))
            throw new ProblemError('unsupported-media-type', 'Send the body as application/json.');
          call.body = readableBody(call.body);
          this.check(body, call.body, 'invalid-request', 'body');
        }
        reply = await Promise.resolve(handler(call)).catch((error: unknown) => {
          if (error instanceof StillWorking) return stillWorkingReply(error);
          throw error;
        });
      } catch (error) {
        // A refused or failed change is audited too, before the problem is answered.
        if (spec.method === 'post') {
          const problem = error instanceof ProblemError ? error : new ProblemError('internal');
          await this.record(spec, call, res, problem.status, problem.slug);
        }
        throw error;
      }
      const status = reply.status ?? 200;
      const validate = answers.get(status);
      if (validate && !validate(reply.body)) {
        const errors = fieldErrors(validate);
        this.logger.error({ operation: spec.id, status, errors }, 'answer does not match its schema');
        if (this.strictResponses)
          throw new ProblemError('internal', `The answer of ${spec.id} did not match its schema.`, {
            errors,
          });
      }
      // The change is in the audit trail before its caller hears of it.
      if (spec.method === 'post') await this.record(spec, call, res, status);
      if (reply.location) res.location(reply.location);
      if (status === 204) res.status(204).end();
      else res.status(status).json(reply.body);
    };

    const chain = spec.body === 'yaml' ? [yaml] : [];
    router[spec.method](expressPath, ...chain, run);
  }

  private authorise(spec: OperationSpec, actor: Actor | undefined): void {
    if (spec.access === 'public') return;
    if (!actor) throw new ProblemError('unauthenticated', `${spec.summary}: send a bearer token.`);
    if (spec.access === 'signed-in') return;
    if (!spec.access.includes(actor.role)) {
      throw new ProblemError(
        'forbidden',
        `${spec.summary}: only ${inWords(spec.access)} may do this; you are signed in as ${ROLE_WORDS[actor.role].one}.`,
      );
    }
  }

  private check(
    validate: ValidateFunction | undefined,
    value: unknown,
    slug: ProblemSlug,
    where: string,
  ): void {
    if (!validate || validate(value)) return;
    const errors = fieldErrors(validate);
    throw new ProblemError(slug, `${where}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, {
      errors,
    });
  }

  /** Writes the audit entry of a call; a failure to write is logged, never hides the answer. */
  private async record(
    spec: OperationSpec,
    call: Call,
    res: Response,
    status: number,
    problem?: string,
  ): Promise<void> {
    const { req, actor, params } = call;
    try {
      await appendAudit(this.audit, req, res, {
        actor,
        action: spec.id,
        target: {
          ...(params.trackingCode ? { trackingCode: params.trackingCode } : {}),
          ...(params.taskId ? { taskId: params.taskId } : {}),
          ...(params.officeId ? { officeId: params.officeId } : {}),
          ...(params.serviceId ? { serviceId: params.serviceId } : {}),
          ...call.target,
        },
        status,
        ...(problem ? { problem } : {}),
      });
    } catch (error) {
      this.logger.error({ err: error, operation: spec.id }, 'could not write the audit entry');
    }
  }
}
