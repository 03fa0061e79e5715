/** The oversight pages, one link each: the dashboard, the SLA lists, offices and licences. */
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const PAGES = [
  { to: '/oversight', key: 'dashboard', end: true },
  { to: '/oversight/sla', key: 'sla', end: false },
  { to: '/oversight/offices', key: 'offices', end: false },
  { to: '/oversight/licences', key: 'licences', end: false },
];

export function OversightNav() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('oversight.nav.label')}>
      {PAGES.map((page) => (
        <NavLink key={page.to} to={page.to} end={page.end}>
          {t(`oversight.nav.${page.key}`)}
        </NavLink>
      ))}
    </nav>
  );
}
