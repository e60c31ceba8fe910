// Public surface of the reports feature: the shell mounts ReportsPage at /reports (view-reports). The page
// and its charting library load only when someone opens it, so nobody else downloads them.
import { Suspense, lazy } from 'react';

const Page = lazy(() => import('./reports-page').then((m) => ({ default: m.ReportsPage })));

export function ReportsPage() {
  return (
    <Suspense fallback={<p role="status" className="govuk-body">Loading the report…</p>}>
      <Page />
    </Suspense>
  );
}
