/**
 * The workflows of the history benchmark: the interpreter, and a hand-written chain beside it.
 */
export { serviceRequest } from '../../workflows';
export { handWrittenChain } from './hand-written-chain';
