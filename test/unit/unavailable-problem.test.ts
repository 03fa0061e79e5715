/**
 * Temporal out of reach is "try again" (503), however the client reports it: a gRPC error as it
 * came, or one wrapped in a ServiceError (queries and updates). The cluster suite meets both
 * while its Temporal server restarts.
 */
import { ServiceError } from '@temporalio/client';
import { unavailableProblem } from '../../api/problem';

/** A gRPC error as @grpc/grpc-js makes it. */
function grpcError(code: number): Error {
  return Object.assign(new Error(`${code} UNAVAILABLE: No connection established`), {
    code,
    details: 'No connection established',
    metadata: {},
  });
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
