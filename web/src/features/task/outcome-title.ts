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
  const own = stepId ? plan?.steps[stepId]?.outcomes?.[outcome]?.title : undefined;
  return own ? title(own) : t(`outcomes.${outcome}`, { defaultValue: outcome });
}
