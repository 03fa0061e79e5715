/**
 * Calls to Temporal that an activity makes (queries of the licence registry and of requests,
 * updates that move work) give up when the activity is cancelled. A worker shutting down stops
 * polling its own workflows, so such a call would otherwise wait for the server's timeout (about
 * 30 s) and hold the shutdown past its grace time.
 */
import type { Client } from '@temporalio/client';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

export function temporalCallsEndWithActivity(client: Client): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      execute: (input, next) => client.withAbortSignal(ctx.cancellationSignal, () => next(input)),
    },
  });
}
