// The forms area of the app, mounted by the shell at /forms/*: list, fill/resume, designer. The designer
// (form-js editor, large) is loaded only when a manager opens it.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { FormPage } from './form-page';
import { FormsListPage } from './forms-list-page';
import './forms.css';

const FormDesignerPage = lazy(() => import('./designer/form-designer-page').then((m) => ({ default: m.FormDesignerPage })));

/**
 * `canDesign`: the session's 'deploy-form' permission, passed by the app (FormsAreaForSession). Only those who
 * may deploy are offered the designer; the server refuses a deploy by anyone else whatever is shown. The
 * forms test harness, which has no sessions, mounts the area as it is.
 */
export function FormsArea({ canDesign = true }: { canDesign?: boolean }) {
  const designer = canDesign ? <Suspense fallback={<p role="status">Loading the designer…</p>}><FormDesignerPage /></Suspense> : <NotForYou />;
  return (
    <Routes>
      <Route index element={<FormsListPage canDesign={canDesign} />} />
      <Route path="designer" element={designer} />
      <Route path="designer/:formId" element={designer} />
      <Route path=":formId" element={<FormPage />} />
    </Routes>
  );
}

/** The forms area in the app, offering the designer only to those who may deploy forms. */
export function FormsAreaForSession() {
  const session = useSession();
  return <FormsArea canDesign={session.can('deploy-form')} />;
}

function NotForYou() {
  return (
    <section>
      <h1>Not available</h1>
      <p>Designing forms is for team managers and administrators. Ask your team manager if a form needs to change.</p>
    </section>
  );
}
