/**
 * One process of the deployment, started and watched by the supervisor: its output appended to
 * a log file, started when its readiness check passes, stopped with a signal and a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';

export interface ProcessSpec {
  /** How the supervisor names it: postgres, temporal, worker-1, api-2, ... */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  /** Run as this user (PostgreSQL refuses to run as root). */
  user?: { uid: number; gid: number };
  /** Passes once the process is ready to serve; polled until the deadline. */
  ready: (output: string) => Promise<boolean> | boolean;
  readyTimeoutMs?: number;
  /** The signal that stops it cleanly; SIGTERM unless it says otherwise. */
  stopSignal?: NodeJS.Signals;
}

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Stops it with its stop signal, then SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
  /** Ends it at once, the way a crash or a power cut would. */
  kill(): Promise<void>;
  /** Resolves when it has exited, for whatever reason. */
  exited: Promise<void>;
  running(): boolean;
}

const SETPRIV = '/usr/bin/setpriv';

/** The last output of a process, for the message when it fails to start. */
const TAIL_CHARS = 4000;

/** Resolves when the child has exited (at once if it has). */
export function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startProcess(spec: ProcessSpec): Promise<ManagedProcess> {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const log = createWriteStream(spec.logFile, { flags: 'a' });
  log.write(`\n--- ${new Date().toISOString()} ${spec.name}: ${spec.command} ${spec.args.join(' ')}\n`);
  // With setpriv (util-linux), the process gets its stop signal if the supervisor dies, however
  // it dies: no deployment outlives the process that started it.
  const [command, args] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', spec.stopSignal ?? 'SIGTERM', '--', spec.command, ...spec.args]]
    : [spec.command, spec.args];
  const child = spawn(command, args, {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own: Ctrl-C reaches the supervisor only, which stops each in its turn.
    detached: true,
    ...(spec.user ?? {}),
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = exitOf(child).then(() => new Promise<void>((resolve) => log.end(resolve)));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const failure = (why: string) =>
    new Error(`${spec.name} ${why}; its log is ${spec.logFile}. Last output:\n${output.trim()}`);
  const deadline = Date.now() + (spec.readyTimeoutMs ?? 60_000);
  for (;;) {
    const error = await Promise.race([spawnError, new Promise((r) => setTimeout(r, 0, undefined))]);
    if (error instanceof Error) throw failure(`could not start: ${error.message}`);
    if (child.exitCode !== null || child.signalCode !== null)
      throw failure(`exited at start (${child.exitCode ?? child.signalCode})`);
    if (await Promise.resolve(spec.ready(output)).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw failure(`was not ready within ${Math.round((spec.readyTimeoutMs ?? 60_000) / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name: spec.name,
    pid: child.pid ?? -1,
    logFile: spec.logFile,
    exited,
    running,
    async stop(graceMs = 30_000) {
      if (!running()) return exited;
      child.kill(spec.stopSignal ?? 'SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** True when something accepts TCP connections on the port. */
export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
