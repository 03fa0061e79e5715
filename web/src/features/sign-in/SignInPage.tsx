/**
 * Signing in. With an identity provider, staff sign in there; in development, they may instead
 * choose a person of the organisation. Citizens follow their request with its code and secret.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../shared/api/client';
import { ApiProblem } from '../../shared/api/problem';
import type { PersonToSignIn, Role, SignInOptions } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useFormat } from '../../shared/format';
import { landingOf, useSession } from '../../shared/session';
import { useApi } from '../../shared/use-api';

const ROLE_ORDER: Role[] = ['office', 'department', 'manager', 'inspector', 'admin', 'designer'];

/** Only paths of this app, so a link cannot send a person elsewhere after signing in. */
export const safeNext = (next: string | null): string | undefined =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;

function PeopleList({ onChosen }: { onChosen: (person: PersonToSignIn) => void }) {
  const { t } = useTranslation();
  const { title } = useFormat();
  const people = useApi<{ items: PersonToSignIn[] }>('/api/sign-in/people');
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase();
    return (people.data?.items ?? []).filter(
      (p) =>
        !words ||
        `${p.name.fa} ${p.name.en} ${p.id} ${p.unit.fa} ${p.unit.en} ${t(`roles.${p.role}`)}`
          .toLowerCase()
          .includes(words),
    );
  }, [people.data, filter, t]);
  if (people.loading) return <Loading />;
  if (people.problem) return <ProblemAlert problem={people.problem} />;
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('signIn.development.title')}</h2>
      <p>{t('signIn.development.body')}</p>
      <div className="field">
        <label htmlFor="people-filter">{t('signIn.development.filter')}</label>
        <input id="people-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {ROLE_ORDER.map((role) => {
        const group = shown.filter((p) => p.role === role);
        if (group.length === 0) return null;
        return (
          <section key={role} aria-labelledby={`role-${role}`}>
            <h3 id={`role-${role}`}>{t(`roles.${role}`)}</h3>
            <ul className="people">
              {group.map((person) => (
                <li key={person.id}>
                  <button type="button" onClick={() => onChosen(person)} data-person={person.id}>
                    <strong>{title(person.name)}</strong>
                    <span>{title(person.unit)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signIn } = useSession();
  const options = useApi<SignInOptions>('/api/sign-in');
  const [problem, setProblem] = useState<ApiProblem>();
  const next = safeNext(params.get('next'));

  const choose = async (person: PersonToSignIn) => {
    setProblem(undefined);
    try {
      const { token } = await api.post<{ token: string }>(
        `/api/sign-in/people/${encodeURIComponent(person.id)}/token`,
      );
      const session = await signIn(token, 'development');
      void navigate(next ?? landingOf(session.me.role), { replace: true });
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {}));
    }
  };

  const atProvider = async () => {
    const oidc = options.data?.oidc;
    if (!oidc) return;
    const { userManager } = await import('./oidc');
    await userManager(oidc).signinRedirect({ state: { next: next ?? null } });
  };

  return (
    <section className="narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      {options.loading ? <Loading /> : null}
      <ProblemAlert problem={options.problem ?? problem} />
      {options.data?.oidc ? (
        <section aria-labelledby="provider-heading" className="card">
          <h2 id="provider-heading">{t('signIn.provider.title')}</h2>
          <p>{t('signIn.provider.body')}</p>
          <button type="button" className="primary" onClick={() => void atProvider()}>
            {t('signIn.provider.button')}
          </button>
        </section>
      ) : null}
      {options.data && !options.data.oidc && !options.data.development ? <p>{t('signIn.none')}</p> : null}
      <p className="card">
        {t('signIn.citizen.body')} <Link to="/track">{t('signIn.citizen.link')}</Link>
      </p>
      {options.data?.development ? <PeopleList onChosen={(person) => void choose(person)} /> : null}
    </section>
  );
}
