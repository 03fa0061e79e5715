/** The SLA state as a colour, a shape and a word, so it reads without colour too. */
import { useTranslation } from 'react-i18next';
import type { SlaState } from '../api/types';

const SHAPES: Record<SlaState, string> = { ok: '●', 'at-risk': '▲', breached: '■' };

export function SlaBadge({ sla }: { sla: SlaState }) {
  const { t } = useTranslation();
  return (
    <span className={`sla sla-${sla}`}>
      <span aria-hidden="true">{SHAPES[sla]}</span> {t(`sla.${sla}`)}
    </span>
  );
}
