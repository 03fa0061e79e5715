/**
 * What is breached, about to breach, or escalated now: one list at a time, narrowed by district
 * and office, each task with its request, its step, who holds it and who let it breach, how late
 * it is and where its escalation ladder stands. A tracking code opens the request's timeline.
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { query } from '../../shared/api/client';
import type { SlaItem } from '../../shared/api/oversight-types';
import type { Page } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { Pager } from '../../shared/components/Pager';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { SlaBadge } from '../../shared/components/SlaBadge';
import { Deadline } from '../../shared/components/TimeLeft';
import { titleOf, useDirectory } from '../../shared/directory';
import { useFormat } from '../../shared/format';
import { useSession } from '../../shared/session';
import { useApi } from '../../shared/use-api';
import { OversightNav } from './OversightNav';

const LISTS = ['breaches', 'at-risk', 'escalations'] as const;
type List = (typeof LISTS)[number];
const PAGE_SIZE = 50;

function Ladder({ item }: { item: SlaItem }) {
  const { t } = useTranslation();
  const { title, digits } = useFormat();
  const directory = useDirectory();
  if (!item.escalationLevel) return <span className="muted">{t('slaLists.ladder.none')}</span>;
  return (
    <span className="escalated">
      {t('slaLists.ladder.level', { level: digits(item.escalationLevel) })}
      {item.escalatedTo?.length
        ? ` · ${item.escalatedTo.map((p) => title(titleOf(directory, 'principal', p))).join('، ')}`
        : null}
    </span>
  );
}

export default function SlaListsPage() {
  const { t } = useTranslation();
  const { title, digits, number } = useFormat();
  const { session } = useSession();
  const directory = useDirectory();
  const [params, setParams] = useSearchParams();
  const list: List = (LISTS as readonly string[]).includes(params.get('list') ?? '')
    ? (params.get('list') as List)
    : 'breaches';
  const district = params.get('district') ?? '';
  const office = params.get('office') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const found = useApi<Page<SlaItem>>(
    `/api/sla/${list}${query({ district, office, page, pageSize: PAGE_SIZE })}`,
  );
  const items = found.data?.items ?? [];
  return (
    <section>
      <PageHeading title={t(`slaLists.${list}.title`)}>{t('slaLists.title')}</PageHeading>
      <OversightNav />
      <div className="tabs" role="group" aria-label={t('slaLists.which')}>
        {LISTS.map((name) => (
          <button key={name} type="button" aria-pressed={name === list} onClick={() => set('list', name)}>
            {t(`slaLists.${name}.title`)}
          </button>
        ))}
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="sla-district">{t('slaLists.district')}</label>
          <select id="sla-district" value={district} onChange={(e) => set('district', e.target.value)}>
            <option value="">{t('slaLists.allDistricts')}</option>
            {(session?.me.districts ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {title(d.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sla-office">{t('slaLists.office')}</label>
          <select id="sla-office" value={office} onChange={(e) => set('office', e.target.value)}>
            <option value="">{t('slaLists.allOffices')}</option>
            {(directory?.offices ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {title(o.title)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ProblemAlert problem={found.problem} />
      {found.loading && !found.data ? <Loading /> : null}
      {found.data ? (
        <p className="count-note" role="status">
          {t('slaLists.total', { n: number(found.data.total) })}
        </p>
      ) : null}
      {found.data && items.length === 0 ? <p className="empty">{t(`slaLists.${list}.empty`)}</p> : null}
      {items.length > 0 ? (
        <table className="tasks sla-list">
          <caption className="visually-hidden">{t(`slaLists.${list}.title`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('slaLists.request')}</th>
              <th scope="col">{t('slaLists.step')}</th>
              <th scope="col">{t('slaLists.district')}</th>
              <th scope="col">{t('slaLists.holder')}</th>
              {list === 'breaches' ? <th scope="col">{t('slaLists.letBreach')}</th> : null}
              <th scope="col">{t('slaLists.deadline')}</th>
              <th scope="col">{t('slaLists.ladder.title')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.taskId}>
                <th scope="row">
                  <Link to={`/requests/${item.trackingCode}`} className="code">
                    {digits(item.trackingCode)}
                  </Link>
                  <div className="muted">{title(item.service?.title)}</div>
                </th>
                <td>{title(item.title)}</td>
                <td>{title(titleOf(directory, 'district', item.district))}</td>
                <td>{title(item.assignee.title)}</td>
                {list === 'breaches' ? (
                  <td data-let-breach>
                    {item.breachedHolder ? title(titleOf(directory, 'principal', item.breachedHolder)) : '—'}
                  </td>
                ) : null}
                <td>
                  <Deadline deadline={item.deadline} left={item.left} /> <SlaBadge sla={item.sla} />
                </td>
                <td>
                  <Ladder item={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {found.data ? (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={found.data.total}
          onPage={(next) => set('page', String(next))}
        />
      ) : null}
    </section>
  );
}
