/**
 * A benchmark's own service, written inline: compiled against the organisation, or the bench
 * stops with every located problem of its text.
 */
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { formatProblem } from '../../lib/definitions/problem';
import type { Organisation } from '../../lib/organisation/organisation';
import type { ServicePlan } from '../../lib/plan/types';

export function compileBenchPlan(file: string, text: string, org: Organisation): ServicePlan {
  const { plan, problems } = compileDefinitionText(file, text, org);
  if (!plan) throw new Error(problems.map(formatProblem).join('\n'));
  return plan;
}
