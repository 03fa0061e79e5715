/** One page of the worklist: each task with its request, step, deadline, SLA state and holder. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DefinitionSummary, Place, WorkItem } from '../../shared/api/types';
import { SlaBadge } from '../../shared/components/SlaBadge';
import { Deadline } from '../../shared/components/TimeLeft';
import { useFormat } from '../../shared/format';

export function TaskTable(props: {
  items: WorkItem[];
  me: string;
  services: DefinitionSummary[] | undefined;
  districts: Place[];
}) {
  const { t } = useTranslation();
  const { title, digits } = useFormat();
  const serviceTitle = (item: WorkItem) =>
    title(item.service?.title ?? props.services?.find((s) => s.id === item.serviceId)?.title) ||
    item.serviceId;
  const districtTitle = (id: string) => title(props.districts.find((d) => d.id === id)?.title) || id;
  return (
    <table className="tasks">
      <caption className="visually-hidden">{t('worklist.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('worklist.table.request')}</th>
          <th scope="col">{t('worklist.table.step')}</th>
          <th scope="col">{t('worklist.table.district')}</th>
          <th scope="col">{t('worklist.table.deadline')}</th>
          <th scope="col">{t('worklist.table.sla')}</th>
          <th scope="col">{t('worklist.table.holder')}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={item.taskId}>
            <td>
              <Link to={`/work/tasks/${item.taskId}`} className="code">
                {digits(item.trackingCode)}
              </Link>
              <div className="muted">{serviceTitle(item)}</div>
            </td>
            <td>
              {title(item.title)}
              {item.escalationLevel ? (
                <div className="escalated">
                  {t('worklist.escalated', { n: digits(item.escalationLevel) })}
                </div>
              ) : null}
            </td>
            <td>{districtTitle(item.district)}</td>
            <td>
              <Deadline deadline={item.deadline} left={item.left} />
            </td>
            <td>
              <SlaBadge sla={item.sla} />
            </td>
            <td>
              {!item.claimedBy
                ? t('worklist.holder.pool')
                : item.claimedBy === props.me
                  ? t('worklist.holder.me')
                  : t('worklist.holder.other', { who: item.claimedBy.replace(/^[a-z]+:/, '') })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
