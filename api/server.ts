/**
 * Starts and stops the HTTP server around the express app.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from './app';

export interface WebServer {
  server: Server;
  url: string;
}

export function startWebServer(deps: AppDeps, port: number, host = '127.0.0.1'): Promise<WebServer> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address() as AddressInfo;
      resolve({ server, url: `http://${host}:${address.port}` });
    });
  });
}

export function stopWebServer(web: WebServer): Promise<void> {
  return new Promise((resolve, reject) => {
    web.server.close((error) => (error ? reject(error) : resolve()));
    web.server.closeAllConnections();
  });
}
