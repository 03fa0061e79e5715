/**
 * What the page the app opens on reads first, started as soon as the scripts run: a person who
 * opens their worklist or the dashboard waits for their work once, not for the scripts, then
 * the first render, then the reads. Only with a kept session: otherwise the page is sign-in.
 */
import { readEarly } from '../shared/api/early-reads';
import { loadServices } from '../shared/catalog';
import { hasKeptSession } from '../shared/session';
import { rangeChoiceOf, rangeOf } from '../features/oversight/dashboard-data';
import { firstViewPaths } from '../features/oversight/use-reports';
import { filtersFrom, worklistPath } from '../features/worklist/worklist-query';

export function startFirstReads(location: { pathname: string; search: string }): void {
  if (!hasKeptSession()) return;
  const params = new URLSearchParams(location.search);
  if (location.pathname === '/work') {
    readEarly(worklistPath(filtersFrom(params)));
    void loadServices().catch(() => undefined);
  }
  if (location.pathname === '/oversight') {
    // The page's own chunk loads beside its reads.
    void import('../features/oversight/DashboardPage');
    const paths = firstViewPaths(rangeOf(rangeChoiceOf(params), Date.now()));
    for (const path of Object.values(paths)) readEarly(path);
  }
}
