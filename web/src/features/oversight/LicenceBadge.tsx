/** A licence's state as a shape and a word: active ●, suspended ▲, revoked or expired ■. */
import { useTranslation } from 'react-i18next';
import type { LicenceStatus } from '../../shared/api/oversight-types';

const LOOK: Record<LicenceStatus, { shape: string; sla: string }> = {
  active: { shape: '●', sla: 'ok' },
  suspended: { shape: '▲', sla: 'at-risk' },
  revoked: { shape: '■', sla: 'breached' },
  expired: { shape: '■', sla: 'breached' },
};

export function LicenceBadge({ status }: { status: LicenceStatus }) {
  const { t } = useTranslation();
  const look = LOOK[status] ?? LOOK.revoked;
  return (
    <span className={`sla sla-${look.sla}`} data-licence={status}>
      <span aria-hidden="true">{look.shape}</span> {t(`licence.status.${status}`)}
    </span>
  );
}
