/** Pages for some roles only: others are sent to sign in, or told the page is not theirs. */
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../shared/api/types';
import { Loading, PageHeading } from '../shared/components/Page';
import { landingOf, useSession } from '../shared/session';

export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const { session, restoring } = useSession();
  const location = useLocation();
  if (restoring) return <Loading />;
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (!roles.includes(session.me.role))
    return (
      <section>
        <PageHeading title={t('access.notYours.title')}>{t('access.notYours.title')}</PageHeading>
        <p>{t('access.notYours.body')}</p>
        <Link to={landingOf(session.me.role)}>{t('access.notYours.home')}</Link>
      </section>
    );
  return <Outlet />;
}
