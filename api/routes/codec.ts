/**
 * The codec endpoint of the Temporal Web UI and CLI (Temporal's remote codec protocol): `POST
 * /codec/decode` turns the encrypted payloads they show into what they hold. It opens personal
 * data, so it is authorised like the API (a manager's or an administrator's token, which the UI
 * passes on when it signs in at the same identity provider), each call is in the audit trail,
 * and only the configured origins of the UI may call it from a browser (CORS). There is no
 * `/codec/encode`: people read what Temporal holds, they do not write to it, and an encoder
 * would let whoever holds a token make commands that pass for the API's (see sealed-updates.ts).
 */
import type { Payload, PayloadCodec } from '@temporalio/common';
import Ajv2020 from 'ajv/dist/2020';
import express, { Router, type Request, type Response } from 'express';
import { appendAudit } from '../audit/audit-entry';
import type { AuditLog } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { actorOf } from '../operation';
import { ProblemError } from '../problem';
import { CODEC_HEADERS, corsPolicy } from '../protection';

/** Histories carry large inputs (a request's plan): the UI sends many of them at once. */
const CODEC_BODY_LIMIT = '4mb';
const MAX_PAYLOADS = 1_000;
const READERS: readonly Actor['role'][] = ['manager', 'admin'];

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const base64 = { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' } as const;

/** Temporal's payloads as JSON: each metadata value and the data in base64. */
const payloadList = (required: string[]) =>
  ({
    type: 'object',
    required: ['payloads'],
    properties: {
      payloads: {
        type: 'array',
        maxItems: MAX_PAYLOADS,
        items: {
          type: 'object',
          required,
          properties: { metadata: { type: 'object', additionalProperties: base64 }, data: base64 },
        },
      },
    },
  }) as const;

/** What the UI or CLI sends, and what it gets back; the OpenAPI document publishes both. */
export const codecBody = payloadList([]);
export const codecAnswer = payloadList(['metadata', 'data']);

const validBody = new Ajv2020({ strict: true }).compile<{ payloads: JsonPayload[] }>(codecBody);

function payloadsOf(body: unknown): Payload[] {
  if (!validBody(body))
    throw new ProblemError(
      'invalid-request',
      `Send { "payloads": [{ "metadata": { name: base64 }, "data": base64 }] }, at most ${MAX_PAYLOADS} of them.`,
    );
  return body.payloads.map((entry) => ({
    metadata: Object.fromEntries(
      Object.entries(entry.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value, 'base64')]),
    ),
    data: Buffer.from(entry.data ?? '', 'base64'),
  }));
}

const asJson = (payload: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([name, value]) => [
      name,
      Buffer.from(value).toString('base64'),
    ]),
  ),
  data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
});

export function codecRoutes(codec: PayloadCodec, audit: AuditLog, origins: readonly string[]): Router {
  const router = Router();
  router.use(corsPolicy(origins, CODEC_HEADERS));

  const serve =
    (action: 'codecDecode', convert: (payloads: Payload[]) => Promise<Payload[]>) =>
    async (req: Request, res: Response) => {
      const actor = actorOf(res);
      res.locals.operation = action;
      if (!actor) throw new ProblemError('unauthenticated', 'Send a bearer token.');
      if (!READERS.includes(actor.role))
        throw new ProblemError('forbidden', 'Only managers and administrators read what Temporal holds.');
      if (!req.is('application/json'))
        throw new ProblemError('unsupported-media-type', 'Send the body as application/json.');
      const payloads = await convert(payloadsOf(req.body));
      await appendAudit(audit, req, res, { actor, action, status: 200 });
      res.json({ payloads: payloads.map(asJson) });
    };

  const json = express.json({ limit: CODEC_BODY_LIMIT, strict: true });
  // A payload under a key this deployment no longer has stays as it is: the UI shows it sealed.
  router.post(
    '/codec/decode',
    json,
    serve('codecDecode', (p) =>
      Promise.all(
        p.map((one) =>
          codec.decode([one]).then(
            ([decoded]) => decoded ?? one,
            () => one,
          ),
        ),
      ),
    ),
  );
  return router;
}
