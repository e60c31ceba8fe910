// Public surface of the reports feature: the shell mounts ReportsPage at /reports/* (view-reports): the
// timeliness report at /reports, the key performance indicators at /reports/kpis. The pages and their
// charting library load only when someone opens them, so nobody else downloads them.
import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router-dom';

const Timeliness = lazy(() => import('./reports-page').then((m) => ({ default: m.ReportsPage })));
const Kpis = lazy(() => import('./kpi-page').then((m) => ({ default: m.KpiPage })));

export function ReportsPage() {
  return (
    <Suspense fallback={<p role="status" className="govuk-body">Loading the report…</p>}>
      <Routes>
        <Route index element={<Timeliness />} />
        <Route path="kpis" element={<Kpis />} />
      </Routes>
    </Suspense>
  );
}
