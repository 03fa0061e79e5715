/**
 * Waits until `done` holds or `ms` have passed, and answers whether `done` held: what
 * `condition(done, ms)` does, with fewer promises pending while it waits. A request waits in the
 * worker's cache for days at a time, and the SDK keeps a stack for each promise pending.
 */
import { CancellationScope, condition, sleep } from '@temporalio/workflow';
import { startedAtRevision, WATCH_IN_WAIT_REVISION } from './request-patches';
import type { RequestInput } from './types';

export function conditionWithin(done: () => boolean, ms: number): Promise<boolean> {
  return waitWithin(
    done,
    ms,
    () => undefined,
    (held) => held,
  );
}

/**
 * `conditionWithin` for a wait that has more to do the moment it ends: `ended` runs once,
 * whichever way the wait ends (cancelled too), and the wait answers `answer(held)`, both before
 * its promise settles. Each is a `.then` less, and so a promise less pending while it waits.
 */
export function waitWithin<T>(
  done: () => boolean,
  ms: number,
  ended: () => void,
  answer: (held: boolean) => T,
): Promise<T> {
  if (done()) {
    ended();
    return Promise.resolve(answer(true));
  }
  return CancellationScope.cancellable(
    () =>
      new Promise<T>((resolve, reject) => {
        const scope = CancellationScope.current();
        let over = false;
        // Whichever comes first answers; cancelling the scope then drops the timer or the condition.
        const finish = (held: boolean) => {
          if (over) return;
          over = true;
          ended();
          resolve(answer(held));
          scope.cancel();
        };
        const fail = (error: Error) => {
          if (over) return;
          over = true;
          ended();
          reject(error);
        };
        sleep(ms).then(() => finish(false), fail);
        condition(done).then(() => finish(true), fail);
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
