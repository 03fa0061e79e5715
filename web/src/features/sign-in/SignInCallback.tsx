/** Where the identity provider sends a person back: the code is traded for tokens, then home. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api/client';
import { ApiProblem } from '../../shared/api/problem';
import type { SignInOptions } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { landingOf, useSession } from '../../shared/session';
import { userManager } from './oidc';
import { safeNext } from './SignInPage';

export default function SignInCallback() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const [problem, setProblem] = useState<ApiProblem>();
  const started = useRef(false);

  useEffect(() => {
    // The code can be traded once: a second run (React's strict mode) would fail.
    if (started.current) return;
    started.current = true;
    (async () => {
      const options = await api.get<SignInOptions>('/api/sign-in');
      if (!options.oidc) throw new ApiProblem(0, 'no-provider', undefined, {});
      const user = await userManager(options.oidc).signinRedirectCallback();
      const session = await signIn(user.access_token, 'oidc');
      const state = user.state as { next?: string | null } | undefined;
      void navigate(safeNext(state?.next ?? null) ?? landingOf(session.me.role), { replace: true });
    })().catch((error: unknown) =>
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'sign-in-failed', undefined, {})),
    );
  }, [navigate, signIn]);

  return (
    <section className="narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.callback.title')}</PageHeading>
      {problem ? (
        <>
          <ProblemAlert problem={problem} />
          <Link to="/sign-in">{t('signIn.callback.again')}</Link>
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}
