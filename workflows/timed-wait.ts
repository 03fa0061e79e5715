/**
 * Waits until `done` holds or `ms` have passed, and answers whether `done` held: what
 * `condition(done, ms)` does, with fewer promises pending while it waits. A request waits in the
 * worker's cache for days at a time, and the SDK keeps a stack for each promise pending.
 */
import { CancellationScope, condition, sleep } from '@temporalio/workflow';

export function conditionWithin(done: () => boolean, ms: number): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  return CancellationScope.cancellable(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const scope = CancellationScope.current();
        // Whichever comes first answers; cancelling the scope then drops the timer or the condition.
        const answer = (held: boolean) => {
          resolve(held);
          scope.cancel();
        };
        sleep(ms).then(() => answer(false), reject);
        condition(done).then(() => answer(true), reject);
      }),
  );
}
