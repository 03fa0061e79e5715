/**
 * What to stop, in the reverse of the order things were started: the last started stops first.
 * A stop that fails does not keep the others from stopping.
 */
export class Stops {
  private readonly pending: (() => Promise<unknown>)[] = [];

  add(stop: () => Promise<unknown>): void {
    this.pending.push(stop);
  }

  async stopAll(): Promise<void> {
    for (let stop = this.pending.pop(); stop; stop = this.pending.pop()) await stop().catch(() => {});
  }
}
