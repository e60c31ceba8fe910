// Checkbox, radio, select, checklist and taglist. Option values are compared as strings because the DOM
// only holds strings; the shared schema maps them back onto the declared option values.
import { useField } from 'formik';
import { labelOf } from '../../../../../server/src/forms-core';
import { FieldShell, useA11y } from '../field-shell';
import type { FieldProps } from '../field-types';

export function CheckboxField({ component: c, name, readOnly }: FieldProps) {
  const [field, , helpers] = useField(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {error ? <p id={`${a11y.id}-error`} className="govuk-error-message" role="alert"><span className="govuk-visually-hidden">Error: </span>{error}</p> : null}
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input {...a11y} className="govuk-checkboxes__input" type="checkbox" name={name} checked={field.value === true} disabled={readOnly}
            onChange={(e) => helpers.setValue(e.target.checked)} onBlur={field.onBlur} />
          <label htmlFor={a11y.id} className="govuk-label govuk-checkboxes__label">{labelOf(c)}{c.validate?.required ? <span className="app-required" aria-hidden="true"> *</span> : null}</label>
          {c.description ? <div id={`${a11y.id}-hint`} className="govuk-hint govuk-checkboxes__hint">{c.description}</div> : null}
        </div>
      </div>
    </div>
  );
}

export function RadioField({ component: c, name, readOnly, options = [] }: FieldProps) {
  const [field, , helpers] = useField(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error} asFieldset>
      <div className="govuk-radios govuk-radios--small">
      {options.map((o, i) => (
        <div className="govuk-radios__item" key={String(o.value)}>
          <input className="govuk-radios__input" type="radio" id={`${a11y.id}-${i}`} name={name} value={String(o.value)} checked={String(field.value ?? '') === String(o.value)}
            disabled={readOnly} aria-invalid={a11y['aria-invalid']} onChange={() => helpers.setValue(o.value)} onBlur={field.onBlur} />
          <label className="govuk-label govuk-radios__label" htmlFor={`${a11y.id}-${i}`}>{o.label}</label>
        </div>
      ))}
      </div>
    </FieldShell>
  );
}

export function SelectField({ component: c, name, readOnly, options = [] }: FieldProps) {
  const [field, , helpers] = useField(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error}>
      <select {...a11y} name={name} className="govuk-select" disabled={readOnly} value={field.value == null ? '' : String(field.value)}
        onChange={(e) => helpers.setValue(e.target.value === '' ? null : options.find((o) => String(o.value) === e.target.value)?.value ?? e.target.value)} onBlur={field.onBlur}>
        <option value="">Choose…</option>
        {options.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label}</option>)}
      </select>
    </FieldShell>
  );
}

function useMulti(name: string) {
  const [field, , helpers] = useField<unknown[]>(name);
  const selected = Array.isArray(field.value) ? field.value : [];
  const has = (v: unknown) => selected.some((s) => String(s) === String(v));
  const toggle = (v: unknown) => helpers.setValue(has(v) ? selected.filter((s) => String(s) !== String(v)) : [...selected, v]);
  return { field, selected, has, toggle, helpers };
}

export function ChecklistField({ component: c, name, readOnly, options = [] }: FieldProps) {
  const { field, has, toggle } = useMulti(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error} asFieldset>
      <div className="govuk-checkboxes govuk-checkboxes--small">
      {options.map((o, i) => (
        <div className="govuk-checkboxes__item" key={String(o.value)}>
          <input className="govuk-checkboxes__input" type="checkbox" id={`${a11y.id}-${i}`} name={name} checked={has(o.value)} disabled={readOnly}
            aria-invalid={a11y['aria-invalid']} onChange={() => toggle(o.value)} onBlur={field.onBlur} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={`${a11y.id}-${i}`}>{o.label}</label>
        </div>
      ))}
      </div>
    </FieldShell>
  );
}

/** Chosen tags as removable chips plus a picker of the rest: works with touch and keyboard alike. */
export function TaglistField({ component: c, name, readOnly, options = [] }: FieldProps) {
  const { selected, has, toggle } = useMulti(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  const label = labelOf(c);
  const labelFor = (v: unknown) => options.find((o) => String(o.value) === String(v))?.label ?? String(v);
  return (
    <FieldShell id={a11y.id} label={label} required={c.validate?.required} description={c.description} error={error}>
      <ul className="form-tags" aria-label={`${label}: chosen`}>
        {selected.map((v) => (
          <li key={String(v)} className="govuk-tag govuk-tag--grey form-tag">
            {labelFor(v)}
            {readOnly ? null : <button type="button" className="form-tag__remove" onClick={() => toggle(v)} aria-label={`Remove ${labelFor(v)}`}>×</button>}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <select {...a11y} className="govuk-select" value="" onChange={(e) => e.target.value && toggle(options.find((o) => String(o.value) === e.target.value)?.value ?? e.target.value)}>
          <option value="">Add…</option>
          {options.filter((o) => !has(o.value)).map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label}</option>)}
        </select>
      )}
    </FieldShell>
  );
}
