/**
 * Temporal out of reach is "try again" (503), however the client reports it: a gRPC error as it
 * came, or one wrapped in a ServiceError (queries and updates). The cluster suite meets both
 * while its Temporal server restarts.
 */
import { ServiceError } from '@temporalio/client';
import { unavailableProblem } from '../../api/problem';

/** A gRPC error as @grpc/grpc-js makes it. */
function grpcError(code: number, details = 'No connection established'): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

test('when Temporal cannot be reached, then the problem is temporal-unavailable, wrapped or not', () => {
  const wrapped = new ServiceError('Failed to query Workflow', { cause: grpcError(14) });
  expect([unavailableProblem(grpcError(14))?.status, unavailableProblem(wrapped)?.slug]).toEqual([
    503,
    'temporal-unavailable',
  ]);
});

test('when Temporal answers with another error, then it is not taken for unavailable', () => {
  const notFound = new ServiceError('Failed to query Workflow', { cause: grpcError(5) });
  expect([unavailableProblem(notFound), unavailableProblem(new Error('boom'))]).toEqual([
    undefined,
    undefined,
  ]);
});

test('when a workflow task failed for a moment under an update, then it is temporal-unavailable too; another failed precondition is not', () => {
  const transient = new ServiceError('Update failed', {
    cause: grpcError(9, 'unexpected workflow task failure: something went wrong'),
  });
  const other = new ServiceError('Update failed', {
    cause: grpcError(9, 'workflow execution already completed'),
  });
  expect([unavailableProblem(transient)?.slug, unavailableProblem(other)]).toEqual([
    'temporal-unavailable',
    undefined,
  ]);
});

test('when the connection error is deeper in the cause chain, then it is still found', () => {
  const deep = new ServiceError('Failed to start', { cause: new Error('wrapped', { cause: grpcError(14) }) });
  expect(unavailableProblem(deep)?.status).toBe(503);
});
