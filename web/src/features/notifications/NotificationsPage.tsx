/**
 * The signed-in person's notifications, from the units they belong to: reminders, breaches,
 * escalations, moved tasks, ended requests. Each leads to its task or request; they can be
 * marked read one by one or all at once.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../../shared/api/client';
import { ApiProblem } from '../../shared/api/problem';
import type { Notification, Notifications } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { Pager } from '../../shared/components/Pager';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useFormat } from '../../shared/format';
import { useApi } from '../../shared/use-api';

const PAGE_SIZE = 50;

function target(item: Notification): string {
  return item.taskId ? `/work/tasks/${item.taskId}` : `/requests/${item.trackingCode}`;
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const { title, date, digits } = useFormat();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useApi<Notifications>(
    `/api/notifications${query({ unread: unreadOnly ? 'true' : undefined, page, pageSize: PAGE_SIZE })}`,
  );
  const [problem, setProblem] = useState<ApiProblem>();

  const mark = async (path: string) => {
    setProblem(undefined);
    try {
      await api.post(path);
      list.reload();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, 'network', undefined, {}));
    }
  };

  return (
    <section>
      <PageHeading title={t('notifications.title')}>{t('notifications.title')}</PageHeading>
      <div className="actions">
        <label className="choice">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              setUnreadOnly(event.target.checked);
              setPage(1);
            }}
          />
          {t('notifications.unreadOnly')}
        </label>
        <button
          type="button"
          disabled={!list.data?.unread}
          onClick={() => void mark('/api/notifications/read-all')}
        >
          {t('notifications.readAll')}
        </button>
      </div>
      <ProblemAlert problem={list.problem ?? problem} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p className="empty">{t('notifications.none')}</p> : null}
      <ul className="notifications">
        {(list.data?.items ?? []).map((item) => (
          <li key={item.id} className={item.read ? 'read' : 'unread'}>
            <span className={`kind kind-${item.kind}`}>{t(`notifications.kinds.${item.kind}`)}</span>
            <Link to={target(item)}>{title(item.message)}</Link>
            <div className="muted">
              <time dateTime={item.at.at}>{date(item.at)}</time> ·{' '}
              <span className="code">{digits(item.trackingCode)}</span>
            </div>
            {!item.read ? (
              <button
                type="button"
                className="link"
                onClick={() => void mark(`/api/notifications/${item.id}/read`)}
              >
                {t('notifications.markRead')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} /> : null}
    </section>
  );
}
