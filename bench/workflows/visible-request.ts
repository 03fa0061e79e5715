/**
 * A stand-in for a request as visibility used to see it: started with the search attributes and
 * the memo of open tasks a request published, then waiting until the benchmark ends it.
 */
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export const endStandIn = defineSignal('end');

export async function visibleRequest(): Promise<void> {
  let ended = false;
  setHandler(endStandIn, () => {
    ended = true;
  });
  await condition(() => ended);
}
