/**
 * Waits until `done` holds or `ms` have passed, and answers whether `done` held: what
 * `condition(done, ms)` does, with fewer promises pending while it waits. A request waits in the
 * worker's cache for days at a time, and the SDK keeps a stack for each promise pending.
 */
import { CancellationScope, condition, sleep } from '@temporalio/workflow';
import { startedAtRevision, WATCH_IN_WAIT_REVISION } from './request-patches';
import type { RequestInput } from './types';

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

/** A timed wait of a request: the lean one from revision 2, `condition`'s for requests started before. */
export function requestCondition(
  input: Pick<RequestInput, 'engineRevision'>,
  done: () => boolean,
  ms: number,
): Promise<boolean> {
  return startedAtRevision(input, WATCH_IN_WAIT_REVISION) ? conditionWithin(done, ms) : condition(done, ms);
}
