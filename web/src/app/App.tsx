/**
 * The routes, by who uses them: sign-in and tracking for anyone, the worklist, tasks, intake,
 * search and notifications for office and department staff, the dashboard, SLA lists, offices and
 * licences for managers and inspectors, and the services and their editor for process designers.
 * The worklist, where staff land, comes with the first load; every other page is a
 * chunk of its own, loaded when first opened.
 */
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '../shared/components/Page';
import { landingOf, useSession } from '../shared/session';
import WorklistPage from '../features/worklist/WorklistPage';
import { RequireRole } from './RequireRole';
import { Shell } from './Shell';

const SignInPage = lazy(() => import('../features/sign-in/SignInPage'));
const SignInCallback = lazy(() => import('../features/sign-in/SignInCallback'));
const TaskPage = lazy(() => import('../features/task/TaskPage'));
const RequestPage = lazy(() => import('../features/task/RequestPage'));
const SearchPage = lazy(() => import('../features/search/SearchPage'));
const CatalogPage = lazy(() => import('../features/intake/CatalogPage'));
const IntakePage = lazy(() => import('../features/intake/IntakePage'));
const ReceiptPage = lazy(() => import('../features/intake/ReceiptPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const OpenRequestPage = lazy(() => import('../features/tracking/OpenRequestPage'));
const TrackingPage = lazy(() => import('../features/tracking/TrackingPage'));
const DashboardPage = lazy(() => import('../features/oversight/DashboardPage'));
const SlaListsPage = lazy(() => import('../features/oversight/SlaListsPage'));
const OfficesPage = lazy(() => import('../features/oversight/OfficesPage'));
const OfficePage = lazy(() => import('../features/oversight/OfficePage'));
const LicenceLogPage = lazy(() => import('../features/oversight/LicenceLogPage'));
const ServicesPage = lazy(() => import('../features/design/ServicesPage'));
const EditorPage = lazy(() => import('../features/design/EditorPage'));
const NotFoundPage = lazy(() => import('../features/home/NotFoundPage'));

const STAFF = ['office', 'department'] as const;
const READERS = ['office', 'department', 'manager', 'inspector', 'admin'] as const;

function Landing() {
  const { session, restoring } = useSession();
  if (restoring) return <Loading />;
  return <Navigate to={session ? landingOf(session.me.role) : '/sign-in'} replace />;
}

export function App() {
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<Landing />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-in/callback" element={<SignInCallback />} />
          <Route path="/track" element={<OpenRequestPage />} />
          <Route path="/track/:code" element={<TrackingPage />} />
          <Route element={<RequireRole roles={READERS} />}>
            <Route path="/work" element={<WorklistPage />} />
            <Route path="/work/tasks/:taskId" element={<TaskPage />} />
            <Route path="/requests/:code" element={<RequestPage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
          </Route>
          <Route element={<RequireRole roles={STAFF} />}>
            <Route path="/intake" element={<CatalogPage />} />
            <Route path="/intake/:serviceId" element={<IntakePage />} />
            <Route path="/intake/receipt/:code" element={<ReceiptPage />} />
          </Route>
          <Route element={<RequireRole roles={['manager', 'inspector', 'admin']} />}>
            <Route path="/oversight" element={<DashboardPage />} />
            <Route path="/oversight/sla" element={<SlaListsPage />} />
            <Route path="/oversight/offices" element={<OfficesPage />} />
            <Route path="/oversight/offices/:officeId" element={<OfficePage />} />
            <Route path="/oversight/licences" element={<LicenceLogPage />} />
          </Route>
          <Route element={<RequireRole roles={['designer']} />}>
            <Route path="/design" element={<ServicesPage />} />
            <Route path="/design/new" element={<EditorPage />} />
            <Route path="/design/services/:serviceId" element={<EditorPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
