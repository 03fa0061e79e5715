/**
 * The embedded Temporal dev server: the Temporal CLI from tools/bin, keeping its state in a
 * SQLite file, with the Web UI. Used when TEMPORAL_ADDRESS is not set.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { exitOf, portOpen } from '../cluster/managed-process';
import { repoPath } from '../paths';

export const TEMPORAL_CLI = repoPath('tools/bin/temporal');

export interface DevServerOptions {
  dbFile: string;
  port: number;
  uiPort: number;
  namespace: string;
  logFile?: string;
  /**
   * In a process group of its own, so a terminal's Ctrl-C reaches only the process that started
   * it, which stops it last, after the calls under way are answered. That process then stops it
   * whenever it exits.
   */
  ownProcessGroup?: boolean;
}

export interface DevServer {
  address: string;
  uiUrl: string;
  /** Its process id, for what it costs (the cluster benchmark reads its CPU time). */
  pid: number;
  stop: () => Promise<void>;
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  if (!existsSync(TEMPORAL_CLI)) {
    throw new Error(
      'The Temporal CLI is not installed: run scripts/install-temporal.sh (npm start does it).',
    );
  }
  if (await portOpen(options.port)) {
    throw new Error(
      `Port ${options.port} is already in use. If a Temporal server runs there, set TEMPORAL_ADDRESS=127.0.0.1:${options.port} to use it; otherwise set TEMPORAL_PORT.`,
    );
  }
  mkdirSync(dirname(options.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    options.dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    '--log-format',
    'json',
  ];
  const child = spawn(TEMPORAL_CLI, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.ownProcessGroup ? { detached: true } : {}),
  });
  if (options.ownProcessGroup) process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const deadline = Date.now() + 60_000;
  while (!(await portOpen(options.port))) {
    if (child.exitCode !== null) throw new Error(`The Temporal dev server exited at start:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The Temporal dev server did not listen on ${options.port} within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    pid: child.pid ?? -1,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitOf(child);
      clearTimeout(timer);
    },
  };
}
