/**
 * The worklist, a task inbox: the unit's pool and the tasks the person claimed, what was
 * escalated to them, filters and a search, counts per SLA state, soonest deadline first, a
 * page of fifty at a time.
 */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SlaState, Worklist } from '../../shared/api/types';
import { Loading, PageHeading } from '../../shared/components/Page';
import { Pager } from '../../shared/components/Pager';
import { ProblemAlert } from '../../shared/components/ProblemAlert';
import { useServices } from '../../shared/catalog';
import { useFormat } from '../../shared/format';
import { useSignedIn } from '../../shared/session';
import { useApi } from '../../shared/use-api';
import { Counts } from './Counts';
import { Filters } from './Filters';
import { TaskTable } from './TaskTable';
import {
  filtersFrom,
  PAGE_SIZE,
  paramsOf,
  worklistPath,
  type View,
  type WorklistFilters,
} from './worklist-query';

const VIEWS: View[] = ['pool', 'mine', 'all', 'escalated'];

export default function WorklistPage() {
  const { t } = useTranslation();
  const { title, digits } = useFormat();
  const { me } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const list = useApi<Worklist>(worklistPath(filters));
  const services = useServices();

  const change = (next: Partial<WorklistFilters>) =>
    setParams(paramsOf({ ...filters, page: 1, ...next }), { replace: false });
  const heading = me.unit ? t('worklist.titleOf', { unit: title(me.unit) }) : t('worklist.title');

  return (
    <section>
      <PageHeading title={t('worklist.title')}>{heading}</PageHeading>
      <div className="tabs" role="group" aria-label={t('worklist.views.label')}>
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            aria-pressed={filters.view === view}
            onClick={() => change({ view })}
          >
            {t(`worklist.views.${view}`)}
          </button>
        ))}
      </div>
      <Filters filters={filters} districts={me.districts} onChange={change} />
      {list.data ? (
        <Counts counts={list.data.counts} sla={filters.sla} onSla={(sla?: SlaState) => change({ sla })} />
      ) : null}
      <ProblemAlert problem={list.problem} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p className="empty">{t(`worklist.empty.${filters.view}`)}</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <p className="muted" aria-live="polite">
            {t('worklist.showing', { n: digits(list.data.items.length), total: digits(list.data.total) })}
          </p>
          <TaskTable
            items={list.data.items}
            me={`${me.role}:${me.sub}`}
            services={services}
            districts={me.districts}
          />
          <Pager
            page={filters.page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(page) => setParams(paramsOf({ ...filters, page }))}
          />
        </>
      ) : null}
    </section>
  );
}
