/** An outcome's words: from the step's plan, else the catalogs' standard ones, else its id. */
import type { TFunction } from 'i18next';
import type { Plan, Title } from '../../shared/api/types';

export function outcomeWords(
  plan: Plan | undefined,
  stepId: string | undefined,
  outcome: string,
  t: TFunction,
  title: (title: Title) => string,
): string {
  // The applicant's view names no step: any step of the plan with this outcome says it.
  const steps = stepId ? [plan?.steps[stepId]] : Object.values(plan?.steps ?? {});
  const own = steps.find((step) => step?.outcomes?.[outcome])?.outcomes?.[outcome]?.title;
  return own ? title(own) : t(`outcomes.${outcome}`, { defaultValue: outcome });
}
