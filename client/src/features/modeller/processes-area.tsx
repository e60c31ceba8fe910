// The Processes area, mounted by the shell at /processes/*. The list is light; the modeller and the
// diff view (bpmn-js, the properties panel, @camunda/linting: about a megabyte) load in their own chunk
// only when a manager opens them, so practitioners' pages stay small.
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { ProcessesListPage } from './processes-list-page';

const ModellerPage = lazy(() => import('./modeller-page').then((m) => ({ default: m.ModellerPage })));
const DiffPage = lazy(() => import('./diff-page').then((m) => ({ default: m.DiffPage })));

const loading = (page: ReactNode) => <Suspense fallback={<p role="status">Loading the modeller…</p>}>{page}</Suspense>;

export function ProcessesArea() {
  return (
    <Routes>
      <Route index element={<ProcessesListPage />} />
      <Route path="new" element={loading(<ModellerPage />)} />
      <Route path=":processId" element={loading(<ModellerPage />)} />
      <Route path=":processId/diff" element={loading(<DiffPage />)} />
    </Routes>
  );
}
