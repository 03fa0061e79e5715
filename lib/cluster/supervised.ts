/**
 * A process the supervisor keeps running: started again when it exits without being asked to
 * (a crash, an out-of-memory kill, kill -9), with a growing pause if it keeps failing, the way
 * systemd's Restart=on-failure or Kubernetes would on several machines.
 */
import type { ManagedProcess } from './managed-process';

const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;
/** Up this long, a process is healthy again and the pause starts over. */
const STABLE_AFTER_MS = 60_000;

export class Supervised {
  private current: ManagedProcess | undefined;
  private stopping = false;
  private pauseMs = FIRST_PAUSE_MS;
  private restarting: Promise<void> | undefined;
  /** How often it was started again after exiting on its own. */
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly start: () => Promise<ManagedProcess>,
    private readonly say: (line: string) => void,
  ) {}

  get process(): ManagedProcess | undefined {
    return this.current;
  }

  /** Starts it and keeps it running until `stop`. */
  async run(): Promise<ManagedProcess> {
    this.stopping = false;
    const started = await this.start();
    this.current = started;
    // Asked to stop while it was starting again.
    if (this.stopping) await started.stop();
    const since = Date.now();
    void started.exited.then(() => {
      if (this.stopping || this.current !== started) return;
      if (Date.now() - since > STABLE_AFTER_MS) this.pauseMs = FIRST_PAUSE_MS;
      this.say(`${this.name} exited on its own; starting it again in ${Math.round(this.pauseMs / 1000)} s`);
      this.restarting = this.again();
    });
    return started;
  }

  private async again(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
    this.pauseMs = Math.min(this.pauseMs * 2, LONGEST_PAUSE_MS);
    if (this.stopping) return;
    try {
      await this.run();
      this.restarts++;
      this.say(`${this.name} is running again`);
    } catch (error) {
      this.say(`${this.name} did not start again: ${(error as Error).message}`);
      if (!this.stopping) this.restarting = this.again();
    }
  }

  /** Resolves once a restart under way has finished (tests wait for the process to be back). */
  async settled(): Promise<void> {
    while (this.restarting) {
      const pending = this.restarting;
      await pending;
      if (this.restarting === pending) this.restarting = undefined;
    }
  }

  async stop(graceMs?: number): Promise<void> {
    this.stopping = true;
    await this.current?.stop(graceMs);
  }

  /** Stops it and starts it again, as asked (not counted as a restart). */
  async restart(graceMs?: number): Promise<ManagedProcess> {
    await this.stop(graceMs);
    return this.run();
  }
}
