/**
 * A problem the API answered, in the reader's language: the catalog's sentence for its type,
 * and the server's own detail beneath it for whoever needs to report it.
 */
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/problem';

export function problemMessageKey(slug: string): string {
  return `problems.${slug}`;
}

export function ProblemAlert({ problem, id }: { problem: ApiProblem | undefined; id?: string }) {
  const { t } = useTranslation();
  if (!problem) return null;
  const message = t(problemMessageKey(problem.slug), { defaultValue: t('problems.unknown') });
  return (
    <div className="alert" role="alert" id={id}>
      <p>{message}</p>
      {problem.detail && problem.slug !== 'network' ? (
        <details>
          <summary>{t('problems.detailsForSupport')}</summary>
          <p lang="en" dir="ltr">
            {problem.detail}
          </p>
        </details>
      ) : null}
    </div>
  );
}
