/**
 * Why the task is where it is: who holds it and who it escalates to, and for work a rule gave
 * to an office, every office considered, whether it was eligible, its load against its capacity,
 * and the winner. Moves outside the escalation ladder are listed with their reasons.
 */
import { useTranslation } from 'react-i18next';
import type { CurrentTask } from '../../shared/api/types';
import { useFormat } from '../../shared/format';

export function Routing({ task }: { task: CurrentTask }) {
  const { t } = useTranslation();
  const { title, digits, date, number } = useFormat();
  const decision = task.decision;
  return (
    <section aria-labelledby="routing-heading" className="card">
      <h2 id="routing-heading">{t('routing.title')}</h2>
      <dl className="pairs">
        <div>
          <dt>{t('routing.holder')}</dt>
          <dd>{title(task.assignee.title)}</dd>
        </div>
        {task.supervisor ? (
          <div>
            <dt>{t('routing.supervisor')}</dt>
            <dd>{title(task.supervisor.title)}</dd>
          </div>
        ) : null}
      </dl>
      {task.routing ? (
        <p className="muted" lang="en" dir="ltr">
          {task.routing}
        </p>
      ) : null}
      {decision ? (
        <>
          <p>
            {t('routing.rule')} {t(`routing.tiers.${decision.tier}`)}
          </p>
          <table>
            <caption>{t('routing.candidates')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('routing.office')}</th>
                <th scope="col">{t('routing.eligible')}</th>
                <th scope="col">{t('routing.load')}</th>
              </tr>
            </thead>
            <tbody>
              {decision.candidates.map((candidate) => (
                <tr
                  key={candidate.office}
                  className={candidate.office === decision.winner ? 'winner' : undefined}
                >
                  <td>
                    {digits(candidate.office)}
                    {candidate.office === decision.winner ? ` · ${t('routing.winner')}` : null}
                  </td>
                  <td>
                    {candidate.eligible ? t('common.yes') : t('common.no')}
                    {candidate.reason ? (
                      <div className="muted" lang="en" dir="ltr">
                        {candidate.reason}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {candidate.load !== undefined && candidate.capacity !== undefined
                      ? t('routing.loadOf', {
                          load: number(candidate.load),
                          capacity: number(candidate.capacity),
                        })
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {task.moves && task.moves.length > 0 ? (
        <ul>
          {task.moves.map((move) => (
            <li key={move.at.at}>
              {t('routing.moved', {
                from: title(move.from.title),
                to: title(move.to.title),
                at: date(move.at),
              })}{' '}
              <span dir="auto">{move.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
