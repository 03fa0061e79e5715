/** How many tasks the list holds in each SLA state; each count filters the list to its state. */
import { useTranslation } from 'react-i18next';
import type { SlaState, WorklistCounts } from '../../shared/api/types';
import { useFormat } from '../../shared/format';

const STATES: SlaState[] = ['breached', 'at-risk', 'ok'];

export function Counts(props: {
  counts: WorklistCounts;
  sla: SlaState | undefined;
  onSla: (sla?: SlaState) => void;
}) {
  const { t } = useTranslation();
  const { digits } = useFormat();
  const { counts } = props;
  return (
    <div className="counts" role="group" aria-label={t('worklist.counts.label')}>
      <button type="button" aria-pressed={props.sla === undefined} onClick={() => props.onSla(undefined)}>
        <span className="number">{digits(counts.total)}</span> {t('worklist.counts.total')}
      </button>
      {STATES.map((sla) => (
        <button
          key={sla}
          type="button"
          className={`count-${sla}`}
          aria-pressed={props.sla === sla}
          onClick={() => props.onSla(sla)}
        >
          <span className="number">{digits(counts.bySla[sla] ?? 0)}</span> {t(`sla.${sla}`)}
        </button>
      ))}
      <span className="count-note">
        {t('worklist.counts.claimed', { n: digits(counts.claimed) })} ·{' '}
        {t('worklist.counts.unclaimed', { n: digits(counts.unclaimed) })}
        {counts.escalatedToMe !== undefined
          ? ` · ${t('worklist.counts.escalatedToMe', { n: digits(counts.escalatedToMe) })}`
          : null}
      </span>
    </div>
  );
}
