/**
 * Breaches by district and domain: a heat map (districts down, domains across), and the same
 * numbers as a table, the worst district first, each district leading to its breaches now.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DistrictCell } from '../../shared/api/oversight-types';
import { HeatMap } from '../../shared/charts/HeatMap';
import { titleOf, useDirectory } from '../../shared/directory';
import { useFormat } from '../../shared/format';
import { districtTotals, domainsOf, percent } from './dashboard-data';

export function DistrictGrid({ cells }: { cells: DistrictCell[] }) {
  const { t } = useTranslation();
  const { title, number, digits, language } = useFormat();
  const directory = useDirectory();
  const rows = useMemo(() => districtTotals(cells), [cells]);
  const domains = useMemo(() => domainsOf(cells), [cells]);
  const byDistrict = useMemo(() => new Map(rows.map((row) => [row.district, row])), [rows]);
  const rtl = language === 'fa';
  const districtName = (id: string) => title(titleOf(directory, 'district', id));
  const domainName = (id: string) => t(`domains.${id}`, { defaultValue: id });

  return (
    <section aria-labelledby="districts-heading" className="card">
      <h2 id="districts-heading">{t('dashboard.districts.title')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('dashboard.none')}</p>
      ) : (
        <>
          <HeatMap
            id="district-grid"
            caption={t('dashboard.districts.caption')}
            rows={rows.map((row) => ({ key: row.district, label: districtName(row.district) }))}
            columns={domains.map((domain) => ({ key: domain, label: domainName(domain) }))}
            value={(district, domain) => byDistrict.get(district)?.byDomain[domain] ?? 0}
            format={digits}
            rtl={rtl}
            table={{
              columns: [
                t('dashboard.districts.district'),
                t('dashboard.districts.breaches'),
                t('dashboard.districts.onTime'),
                ...domains.map(domainName),
              ],
              rows: rows.map((row) => {
                const rate = percent(row.tasksOnTime, row.tasksDone);
                return [
                  districtName(row.district),
                  number(row.breaches),
                  rate === undefined ? '—' : t('dashboard.percent', { n: digits(rate) }),
                  ...domains.map((d) => number(row.byDomain[d] ?? 0)),
                ];
              }),
            }}
          />
          <table className="worst">
            <caption>{t('dashboard.districts.worst')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.districts.district')}</th>
                <th scope="col">{t('dashboard.districts.breaches')}</th>
                <th scope="col">{t('dashboard.districts.onTime')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 5).map((row) => {
                const rate = percent(row.tasksOnTime, row.tasksDone);
                return (
                  <tr key={row.district} data-district={row.district}>
                    <th scope="row">
                      <Link to={`/oversight/sla?list=breaches&district=${row.district}`}>
                        {districtName(row.district)}
                      </Link>
                    </th>
                    <td>{number(row.breaches)}</td>
                    <td>{rate === undefined ? '—' : t('dashboard.percent', { n: digits(rate) })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
