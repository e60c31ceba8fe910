// The cases area, mounted by the shell at /cases/*: one case record per route.
import { Route, Routes } from 'react-router-dom';
import { CasePage } from './case-page';
import './cases.css';

export function CasesArea() {
  return (
    <Routes>
      <Route index element={<p>Open a case from a task, or follow a case reference link.</p>} />
      <Route path=":caseId" element={<CasePage />} />
    </Routes>
  );
}
