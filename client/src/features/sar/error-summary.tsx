// GOV.UK error summary: a heading, then one link per problem to its field; focused when it appears.
import { useEffect, useRef } from 'react';

export function ErrorSummary({ message, errors, idOf }: { message?: string; errors: Record<string, string>; idOf: (field: string) => string }) {
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => { if (message || entries.length) box.current?.focus(); }, [message, entries.length]);
  if (!message && !entries.length) return null;
  return (
    <div className="form-error-summary" role="alert" tabIndex={-1} ref={box}>
      <h2>There is a problem</h2>
      {message && !entries.length ? <p>{message}</p> : null}
      <ul>{entries.map(([field, text]) => <li key={field}><a href={`#${idOf(field)}`}>{text}</a></li>)}</ul>
    </div>
  );
}
