/**
 * An action the request has not answered within the API's wait (a worker restarting, a step
 * that takes long): the API stops waiting and answers 202 with where to read the request,
 * instead of holding the caller's socket open. The action may still be applied; repeating the
 * call under the same Idempotency-Key never applies it twice.
 */
import type { Reply } from './operation';

export class StillWorking extends Error {
  override name = 'StillWorking';
  constructor(
    readonly trackingCode: string,
    readonly waitedMs: number,
  ) {
    super(`request ${trackingCode} did not answer within ${waitedMs} ms`);
  }
}

/** Where a request is read: the Location of a 202. */
export const requestPath = (trackingCode: string) => `/api/requests/${trackingCode}`;

export function stillWorkingReply(error: StillWorking): Reply {
  const href = requestPath(error.trackingCode);
  return {
    status: 202,
    location: href,
    body: { trackingCode: error.trackingCode, state: 'working', href, waitedSeconds: error.waitedMs / 1000 },
  };
}

/** The 202 of an operation that acts on a request, in the OpenAPI document. */
export const stillWorkingResponse = {
  description:
    "The request did not answer within the API's wait (`PISHKHAN_CALL_WAIT`): the action was passed on and may still be applied. Read the request at `Location`, or repeat the call with the same `Idempotency-Key`, which never applies it twice.",
  schema: {
    type: 'object',
    required: ['trackingCode', 'state', 'href', 'waitedSeconds'],
    additionalProperties: false,
    properties: {
      trackingCode: { type: 'string' },
      state: { const: 'working' },
      href: { type: 'string', description: 'The request, to read until the action shows' },
      waitedSeconds: { type: 'number' },
    },
  },
} as const;
