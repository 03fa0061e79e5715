/**
 * Connections to Temporal: a client for the API, a native connection for workers. Waits for
 * a server that is still starting, so processes can start in any order.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';

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

export async function connectClient(
  address: string,
  namespace: string,
): Promise<{ connection: Connection; client: Client }> {
  const connection = await retry(`cannot reach Temporal at ${address}`, () =>
    Connection.connect({ address }),
  );
  return { connection, client: new Client({ connection, namespace }) };
}

export function connectWorker(address: string): Promise<NativeConnection> {
  return retry(`cannot reach Temporal at ${address}`, () => NativeConnection.connect({ address }));
}
