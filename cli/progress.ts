/**
 * Progress of long work on the console. On a terminal, one line redrawn in place every second: a
 * bar, how many of how many, the time taken and about how long is left. Elsewhere (a pipe, a log
 * file) a line at each tenth of the way, so a log keeps ten lines, not hundreds.
 */

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

const BAR_WIDTH = 24;
const CLEAR_LINE = '\r\x1b[K';

/** `45 s`, `2 min 05 s`. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export class Progress {
  private done = 0;
  private tenthsShown = 0;
  private readonly startedAt: number;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    /** What is being done, and what is counted: `Seeding the demo`, `requests`. */
    private readonly what: string,
    private readonly unit: string,
    private readonly total: number,
    private readonly out: ProgressOutput = process.stdout,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
    if (out.isTTY) {
      // Redrawn each second even when nothing is done, so the clock shows the work is alive.
      this.timer = setInterval(() => this.draw(), 1000);
      this.timer.unref();
      this.draw();
    }
  }

  update(done: number): void {
    this.done = done;
    if (this.out.isTTY) return this.draw();
    const tenths = this.total > 0 ? Math.floor((done * 10) / this.total) : 10;
    if (tenths > this.tenthsShown) {
      this.tenthsShown = tenths;
      this.out.write(`${this.line()}\n`);
    }
  }

  /** Takes the bar away; answers how long the work took (ms). */
  finish(): number {
    if (this.timer) clearInterval(this.timer);
    if (this.out.isTTY) this.out.write(CLEAR_LINE);
    return this.now() - this.startedAt;
  }

  line(): string {
    const { done, total } = this;
    const elapsed = this.now() - this.startedAt;
    const filled = total > 0 ? Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH)) : BAR_WIDTH;
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
    const left =
      done > 0 && done < total ? `, about ${duration((elapsed / done) * (total - done))} left` : '';
    return `${this.what} ${bar} ${done}/${total} ${this.unit}, ${duration(elapsed)}${left}`;
  }

  private draw(): void {
    this.out.write(`${CLEAR_LINE}${this.line()}`);
  }
}
