/**
 * The interpreter with the work store switched off, so the benchmark weighs what the store costs
 * a request: the same code, minus the rows it writes.
 */
import { serviceRequest } from '../../workflows/service-request';
import type { RequestInput } from '../../workflows/types';
import type * as benchWorkflows from './index';

// Not async, so that it holds no promise of its own beside the interpreter's while it waits.
export function serviceRequestWithoutStore(input: RequestInput) {
  return serviceRequest(input, { workStore: false });
}

/** Its workflow type, as the benchmarks start it beside the engine's `serviceRequest`. */
export const WITHOUT_STORE = 'serviceRequestWithoutStore' satisfies keyof typeof benchWorkflows;
