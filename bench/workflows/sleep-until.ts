/**
 * The least a deadline can cost: a workflow that sleeps until an instant and ends. The deadline
 * burst benchmark weighs the escalations of requests against it.
 */
import { sleep } from '@temporalio/workflow';

export async function sleepUntil(instant: string): Promise<void> {
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await sleep(ms);
}
