/**
 * The workflows of the benchmarks: the interpreter, a hand-written chain beside it, the
 * interpreter without the work store, stand-ins for requests as visibility used to see them, and a
 * workflow that only sleeps until an instant.
 */
export { licenceRegistry, serviceRequest } from '../../workflows';
export { handWrittenChain } from './hand-written-chain';
export { serviceRequestWithoutStore } from './without-store';
export { visibleRequest } from './visible-request';
export { sleepUntil } from './sleep-until';
