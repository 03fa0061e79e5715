/**
 * The OpenAPI 3.1 document, built from the declared operations and the problem types: the
 * schemas in it are the very objects the server validates with.
 */
import { PROBLEM_TYPES, RETRY_AFTER_SECONDS, type ProblemSlug } from './problem';
import * as answer from './answers';
import type { OperationSpec } from './operation';
import { codecAnswer, codecBody } from './routes/codec';

/**
 * What any call may be answered: too many calls, an address or headers too long, a token that is
 * sent must be good (on public operations too), the workflow service away, an internal error.
 */
const COMMON: ProblemSlug[] = [
  'rate-limited',
  'headers-too-large',
  'invalid-token',
  'token-expired',
  'temporal-unavailable',
  'internal',
];

const RETRY_AFTER_HEADER = {
  description: `Seconds to wait before trying again (${RETRY_AFTER_SECONDS}).`,
  schema: { type: 'integer', minimum: 1 },
};

const LOCATION_HEADER = {
  description: 'The request, to read until the action shows',
  schema: { type: 'string' },
};

function problemResponses(spec: OperationSpec): Record<string, unknown> {
  const slugs = new Set<ProblemSlug>([...COMMON, ...(spec.problems ?? [])]);
  if (spec.params || spec.query || (spec.body && spec.body !== 'yaml') || spec.idempotent)
    slugs.add('invalid-request');
  if (spec.body) {
    slugs.add('unsupported-media-type');
    slugs.add('payload-too-large');
    slugs.add('unreadable-body');
    if (spec.body !== 'yaml') {
      slugs.add('malformed-json');
      slugs.add('invalid-text');
    }
  }
  if (spec.access !== 'public') slugs.add('unauthenticated');
  if (Array.isArray(spec.access)) slugs.add('forbidden');
  const byStatus = new Map<number, ProblemSlug[]>();
  for (const slug of slugs) {
    const { status } = PROBLEM_TYPES[slug];
    byStatus.set(status, [...(byStatus.get(status) ?? []), slug]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .filter(([status]) => !(status in spec.responses))
      .map(([status, list]) => [
        String(status),
        {
          description: list.map((slug) => `\`/problems/${slug}\`: ${PROBLEM_TYPES[slug].title}`).join('; '),
          ...(status === 503 ? { headers: { 'Retry-After': RETRY_AFTER_HEADER } } : {}),
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      ]),
  );
}

function operation(spec: OperationSpec) {
  const parameters = [
    ...Object.entries(spec.params ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema,
    })),
    ...Object.entries(
      (spec.query as { properties?: Record<string, object> } | undefined)?.properties ?? {},
    ).map(([name, schema]) => ({
      name,
      in: 'query',
      required: ((spec.query as { required?: string[] }).required ?? []).includes(name),
      schema,
    })),
    ...(spec.idempotent
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'A retried call with the same key changes nothing twice and gets the first answer.',
            schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,100}$' },
          },
        ]
      : []),
  ];
  const access =
    spec.access === 'public'
      ? 'Anyone.'
      : spec.access === 'signed-in'
        ? 'Anyone signed in.'
        : `Roles: ${spec.access.join(', ')}.`;
  return {
    operationId: spec.id,
    summary: spec.summary,
    description: [spec.description, access].filter(Boolean).join('\n\n'),
    tags: [spec.tag],
    ...(spec.access === 'public' ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content:
              spec.body === 'yaml'
                ? { 'application/yaml': { schema: { type: 'string' } } }
                : { 'application/json': { schema: spec.body } },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(spec.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(status === '202' ? { headers: { Location: LOCATION_HEADER } } : {}),
            ...(r.schema ? { content: { 'application/json': { schema: r.schema } } } : {}),
          },
        ]),
      ),
      ...problemResponses(spec),
    },
  };
}

export function openApiDocument(specs: OperationSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) (paths[spec.path] ??= {})[spec.method] = operation(spec);
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  paths['/metrics'] = {
    get: {
      operationId: 'metrics',
      summary: 'Prometheus metrics',
      description:
        "The metrics token (`PISHKHAN_METRICS_TOKEN`) as a bearer token, or an administrator's token.",
      tags: ['Operations'],
      responses: {
        200: {
          description: 'Metrics in the Prometheus text format',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
        401: problem('No token, or not a valid one'),
        403: problem('Neither the metrics token nor an administrator'),
        431: problem('The address or headers are too long'),
      },
    },
  };
  paths['/codec/decode'] = {
    post: {
      operationId: 'codecDecode',
      summary: "Decode what Temporal holds, for Temporal's Web UI and CLI",
      description:
        "Temporal's remote codec protocol: the payloads of a history, encrypted under the deployment's payload keys, come back as they were before. A payload under a key the deployment no longer has comes back as it was sent. Each call is audited.\n\nRoles: manager, admin.",
      tags: ['Operations'],
      requestBody: { required: true, content: { 'application/json': { schema: codecBody } } },
      responses: {
        200: {
          description: 'The payloads, decoded',
          content: { 'application/json': { schema: codecAnswer } },
        },
        400: problem('The body is not payloads in base64, or not JSON'),
        401: problem('No token, or not a valid one'),
        403: problem('Neither a manager nor an administrator'),
        413: problem('The body is over 4 MB'),
        415: problem('The body is not application/json'),
        429: problem('Too many calls'),
        431: problem('The address or headers are too long'),
      },
    },
  };
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'openApi',
      summary: 'This document',
      tags: ['Operations'],
      security: [],
      responses: {
        200: {
          description: 'The OpenAPI 3.1 document',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        401: problem('A token was sent, and it is not a valid one'),
        429: problem('Too many calls'),
        431: problem('The address or headers are too long'),
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'pishkhan',
      version,
      description:
        "Municipal services as durable workflows: start and follow requests, work the offices' and departments' worklists, watch SLAs, manage licences and definitions. Errors are RFC 9457 problem details; each `type` is a path under `/problems/`.",
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: ['Requests', 'Tasks', 'SLA', 'Organisation', 'Reports', 'Definitions', 'Audit', 'Operations'].map(
      (name) => ({ name }),
    ),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'HS256 tokens with `sub`, `role` (designer, office, department, manager, inspector, admin, citizen) and the binding (`office`; `department`, `district`, `roles`; `trackingCode`). `npm run pishkhan -- token <person>` mints one for a person of the organisation; applicants get theirs from `POST /api/requests/{trackingCode}/access`.',
        },
      },
      schemas: { Problem: answer.problem },
    },
  };
}
