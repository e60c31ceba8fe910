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
    <div className={`form-field form-checkbox${error ? ' form-field-invalid' : ''}`}>
      <input {...a11y} type="checkbox" name={name} checked={field.value === true} disabled={readOnly}
        onChange={(e) => helpers.setValue(e.target.checked)} onBlur={field.onBlur} />
      <label htmlFor={a11y.id} className="form-label">{labelOf(c)}{c.validate?.required ? <span className="form-required" aria-hidden="true"> *</span> : null}</label>
      {c.description ? <p id={`${a11y.id}-hint`} className="form-hint">{c.description}</p> : null}
      {error ? <p id={`${a11y.id}-error`} className="form-error" role="alert">{error}</p> : null}
    </div>
  );
}

export function RadioField({ component: c, name, readOnly, options = [] }: FieldProps) {
  const [field, , helpers] = useField(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error} asFieldset>
      {options.map((o, i) => (
        <div className="form-option" key={String(o.value)}>
          <input type="radio" id={`${a11y.id}-${i}`} name={name} value={String(o.value)} checked={String(field.value ?? '') === String(o.value)}
            disabled={readOnly} aria-invalid={a11y['aria-invalid']} onChange={() => helpers.setValue(o.value)} onBlur={field.onBlur} />
          <label htmlFor={`${a11y.id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </FieldShell>
  );
}

export function SelectField({ component: c, name, readOnly, options = [] }: FieldProps) {
  const [field, , helpers] = useField(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error}>
      <select {...a11y} name={name} className="form-input" disabled={readOnly} value={field.value == null ? '' : String(field.value)}
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
      {options.map((o, i) => (
        <div className="form-option" key={String(o.value)}>
          <input type="checkbox" id={`${a11y.id}-${i}`} name={name} checked={has(o.value)} disabled={readOnly}
            aria-invalid={a11y['aria-invalid']} onChange={() => toggle(o.value)} onBlur={field.onBlur} />
          <label htmlFor={`${a11y.id}-${i}`}>{o.label}</label>
        </div>
      ))}
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
          <li key={String(v)} className="form-tag">
            {labelFor(v)}
            {readOnly ? null : <button type="button" onClick={() => toggle(v)} aria-label={`Remove ${labelFor(v)}`}>×</button>}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <select {...a11y} className="form-input" value="" onChange={(e) => e.target.value && toggle(options.find((o) => String(o.value) === e.target.value)?.value ?? e.target.value)}>
          <option value="">Add…</option>
          {options.filter((o) => !has(o.value)).map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label}</option>)}
        </select>
      )}
    </FieldShell>
  );
}
