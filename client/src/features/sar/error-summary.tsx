// GOV.UK error summary: a heading, then one link per problem to its field; focused when it appears.
import { useEffect, useRef } from 'react';

export function ErrorSummary({ message, errors, idOf }: { message?: string; errors: Record<string, string>; idOf: (field: string) => string }) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => { if (message || entries.length) box.current?.focus(); }, [message, entries.length]);
  if (!message && !entries.length) return null;
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={box}>
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        {message && !entries.length ? <p>{message}</p> : null}
        <ul className="govuk-list govuk-error-summary__list">{entries.map(([field, text]) => <li key={field}><a href={`#${idOf(field)}`}>{text}</a></li>)}</ul>
      </div>
    </div>
  );
}
