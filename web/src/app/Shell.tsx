/**
 * What every page shares: a link past the navigation, the city's name, the links of the
 * signed-in person's role, the unread notifications, the language switch, and signing out.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { setLanguage } from '../i18n';
import type { Notifications, Role } from '../shared/api/types';
import { useFormat } from '../shared/format';
import { useSession } from '../shared/session';
import { useApi } from '../shared/use-api';

const LINKS: Partial<Record<Role, { to: string; key: string }[]>> = {
  office: [
    { to: '/work', key: 'nav.worklist' },
    { to: '/intake', key: 'nav.intake' },
    { to: '/search', key: 'nav.search' },
  ],
  department: [
    { to: '/work', key: 'nav.worklist' },
    { to: '/intake', key: 'nav.intake' },
    { to: '/search', key: 'nav.search' },
  ],
  manager: [
    { to: '/oversight', key: 'nav.oversight' },
    { to: '/search', key: 'nav.search' },
  ],
  inspector: [
    { to: '/oversight', key: 'nav.oversight' },
    { to: '/search', key: 'nav.search' },
  ],
  admin: [{ to: '/oversight', key: 'nav.oversight' }],
  designer: [{ to: '/design', key: 'nav.design' }],
};

const WITH_NOTIFICATIONS: Role[] = ['office', 'department', 'manager', 'inspector', 'admin'];

function UnreadLink() {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const unread = useApi<Notifications>('/api/notifications?unread=true&pageSize=1').data?.unread;
  return (
    <NavLink to="/notifications">
      {t('nav.notifications')}
      {unread ? (
        <span
          className="count"
          aria-label={t('notifications.unreadCount', { count: unread, n: digits(unread) })}
        >
          {digits(unread)}
        </span>
      ) : null}
    </NavLink>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { title } = useFormat();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const role = session?.me.role;
  const other = i18n.language === 'en' ? 'fa' : 'en';

  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
          {session ? <span className="city"> · {title(session.me.city.title)}</span> : null}
        </Link>
        <nav aria-label={t('nav.label')}>
          {(role ? (LINKS[role] ?? []) : [{ to: '/track', key: 'nav.track' }]).map((link) => (
            <NavLink key={link.to} to={link.to}>
              {t(link.key)}
            </NavLink>
          ))}
          {role && WITH_NOTIFICATIONS.includes(role) ? <UnreadLink /> : null}
        </nav>
        <div className="who">
          <button type="button" className="link" lang={other} onClick={() => setLanguage(other)}>
            {t('nav.otherLanguage')}
          </button>
          {session ? (
            <>
              <span className="person">
                {session.me.name ?? session.me.sub}
                {session.me.unit ? <small> · {title(session.me.unit)}</small> : null}
              </span>
              <button
                type="button"
                className="link"
                onClick={() => {
                  signOut();
                  void navigate('/sign-in');
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
