// GOV.UK error summary for the document upload: "There is a problem", then one link per problem to its
// field; focused when it appears so a keyboard or screen reader user lands on it.
import { useEffect, useRef } from 'react';

export function DocumentsErrorSummary({ message, errors, idOf }: { message?: string; errors: Record<string, string>; idOf: (field: string) => string }) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const key = `${message ?? ''}|${entries.map(([f, m]) => `${f}:${m}`).join('|')}`;
  useEffect(() => {
    if (message || entries.length) box.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!message && !entries.length) return null;
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="documents-error-title">
      <h2 className="govuk-error-summary__title" id="documents-error-title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        {message && !entries.length ? <p>{message}</p> : null}
        <ul className="govuk-list govuk-error-summary__list">{entries.map(([field, text]) => <li key={field}><a href={`#${idOf(field)}`}>{text}</a></li>)}</ul>
      </div>
    </div>
  );
}
