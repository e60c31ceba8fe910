// The forms area of the app, mounted by the shell at /forms/*: list, fill/resume, designer. The designer
// (form-js editor, large) is loaded only when a manager opens it.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FormPage } from './form-page';
import { FormsListPage } from './forms-list-page';
import './forms.css';

const FormDesignerPage = lazy(() => import('./designer/form-designer-page').then((m) => ({ default: m.FormDesignerPage })));

export function FormsArea() {
  return (
    <Routes>
      <Route index element={<FormsListPage />} />
      <Route path="designer" element={<Suspense fallback={<p role="status">Loading the designer…</p>}><FormDesignerPage /></Suspense>} />
      <Route path="designer/:formId" element={<Suspense fallback={<p role="status">Loading the designer…</p>}><FormDesignerPage /></Suspense>} />
      <Route path=":formId" element={<FormPage />} />
    </Routes>
  );
}
