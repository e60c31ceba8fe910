import { Link } from 'react-router-dom';
import { formsApi } from './forms-api';
import { useAsync } from './use-async';

export function FormsListPage({ canDesign }: { canDesign: boolean }) {
  const [forms] = useAsync(() => formsApi.listForms(), []);
  return (
    <section className="forms-page">
      <h1>Forms</h1>
      {canDesign ? <p><Link to="designer">Design a new form</Link></p> : null}
      {forms.state === 'loading' ? <p role="status">Loading forms…</p> : null}
      {forms.state === 'error' ? <p role="alert" className="govuk-error-message">{forms.message}</p> : null}
      {forms.state === 'ready' ? (
        forms.data.length ? (
          <ul className="forms-list">
            {forms.data.map((f) => (
              <li key={f.formId}>
                <Link to={encodeURIComponent(f.formId)}>{f.title ?? f.formId}</Link>{' '}
                <span className="govuk-hint">version {f.version}</span>{' '}
                {canDesign ? <Link to={`designer/${encodeURIComponent(f.formId)}`} aria-label={`Edit ${f.title ?? f.formId} in the designer`}>Edit</Link> : null}
              </li>
            ))}
          </ul>
        ) : <p>No forms are deployed yet.</p>
      ) : null}
    </section>
  );
}
