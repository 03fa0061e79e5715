/**
 * The workflows of the benchmarks: the interpreter, a hand-written chain beside it, the
 * interpreter without the work store, and stand-ins for requests as visibility used to see them.
 */
export { serviceRequest } from '../../workflows';
export { handWrittenChain } from './hand-written-chain';
export { serviceRequestWithoutStore } from './without-store';
export { visibleRequest } from './visible-request';
