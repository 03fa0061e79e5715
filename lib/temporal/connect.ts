/**
 * Connections to Temporal: a client for the API, a native connection for workers. Waits for
 * a server that is still starting, so processes can start in any order. Every client encrypts
 * what it sends with the payload codec and seals the commands it sends (sealed-updates.ts). A client connection
 * closes only once the calls under way have their answers: the client retries failed calls on
 * timers, and a retry that fires after the channel is gone would take the process down.
 */
import type { Interceptor, StatusObject } from '@grpc/grpc-js';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import { InterceptingCall } from '@grpc/grpc-js';
import { sealUpdates } from './sealed-updates';

/** How long closing waits for the calls under way before it closes regardless. */
const DRAIN_MS = 10_000;

async function retry<T>(what: string, attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export interface ClientConnection {
  connection: Connection;
  client: Client;
  /** Stops retrying, waits (a bounded while) for the calls under way, then closes. */
  close(): Promise<void>;
}

/** A client that encrypts with the codec and seals its updates, on a connection made elsewhere. */
export function sealedClient(connection: Connection, namespace: string, codec: PayloadCodec): Client {
  return new Client({
    connection,
    namespace,
    dataConverter: { payloadCodecs: [codec] },
    interceptors: { workflow: [sealUpdates] },
  });
}

export async function connectClient(
  address: string,
  namespace: string,
  codec: PayloadCodec,
): Promise<ClientConnection> {
  let closing = false;
  let inFlight = 0;
  // Five attempts over about 2 s (0.1, 0.2, 0.4, 0.8 s apart): enough for a blip, short enough
  // that a caller hears 503 and when to try again within 5 s instead of waiting out an outage.
  const defaults = defaultGrpcRetryOptions({ maxAttempts: 5, factor: 2, maxJitter: 0.2 });
  /** Counts calls from their start to their final status, retries included. */
  const counting: Interceptor = (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        inFlight++;
        next(metadata, {
          onReceiveStatus(status: StatusObject, passOn: (s: StatusObject) => void) {
            inFlight--;
            passOn(status);
          },
        });
      },
    });
  const retrying = makeGrpcRetryInterceptor({
    ...defaults,
    retryableDecider: (attempt, status) => !closing && defaults.retryableDecider(attempt, status),
  });
  const connection = await retry(`cannot reach Temporal at ${address}`, () =>
    Connection.connect({ address, interceptors: [counting, retrying] }),
  );
  return {
    connection,
    client: sealedClient(connection, namespace, codec),
    async close() {
      closing = true;
      const deadline = Date.now() + DRAIN_MS;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await connection.close();
    },
  };
}

export function connectWorker(address: string): Promise<NativeConnection> {
  return retry(`cannot reach Temporal at ${address}`, () => NativeConnection.connect({ address }));
}
