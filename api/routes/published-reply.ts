/**
 * The answer to a publication, whether the designer sent a YAML file or a draft from the editor:
 * every problem of the definition (422), or the version made (201) or found unchanged (200).
 */
import type { PublishResult } from '../../lib/definitions/designer';
import type { Problem } from '../../lib/definitions/problem';
import type { Call, Reply } from '../operation';
import { ProblemError } from '../problem';

export function publishedReply(call: Call, result: PublishResult | { problems: Problem[] }): Reply {
  if ('problems' in result)
    throw new ProblemError('invalid-definition', `${result.problems.length} problem(s) in the definition`, {
      problems: result.problems,
    });
  call.target.serviceId = result.serviceId;
  return {
    status: result.created ? 201 : 200,
    location: `/api/definitions/${result.serviceId}/versions/${result.version}`,
    body: result,
  };
}
