// The pieces the teams page's forms share: a GOV.UK form group with its error, a select, and a form that
// shows an error summary linked to its fields and says what was done.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../auth/api-fetch';
import { ErrorSummary } from '../sar/error-summary';

export function Group({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>{label}</label>
      {hint ? <div id={`${id}-hint`} className="govuk-hint">{hint}</div> : null}
      {error ? <p id={`${id}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{error}</p> : null}
      {children}
    </div>
  );
}

export function Select({ id, value, onChange, options, error }: {
  id: string; value: string; onChange(v: string): void; options: { value: string; label: string }[]; error?: string;
}) {
  return (
    <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
}

/** A form whose submit calls the server; field errors come back beside the fields and in the summary. */
export function useTeamForm(prefix: string, done: (words: string) => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const idOf = (field: string) => `${prefix}-${field}`;
  const submit = (run: () => Promise<string>) => async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage(undefined);
    try {
      done(await run());
    } catch (err) {
      setMessage((err as Error).message);
      setErrors(err instanceof ApiError ? err.errors : {});
    }
  };
  const summary = <ErrorSummary message={message} errors={errors} idOf={idOf} />;
  return { errors, idOf, submit, summary };
}

/** GOV.UK small checkboxes in a fieldset: the options ticked are `chosen`. */
export function Checkboxes({ id, legend, error, options, chosen, toggle }: {
  id: string; legend: string; error?: string; options: { value: string; label: string }[]; chosen: readonly string[]; toggle(value: string): void;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" id={id}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {error ? <p className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{error}</p> : null}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((o) => (
            <div className="govuk-checkboxes__item" key={o.value}>
              <input className="govuk-checkboxes__input" id={`${id}-${o.value}`} type="checkbox" checked={chosen.includes(o.value)} onChange={() => toggle(o.value)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** "1 case", "2 cases": counts in words. */
export const some = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
