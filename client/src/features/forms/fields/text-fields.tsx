// Text, multi-line text and number inputs. Values stay as typed (strings) in Formik; the shared schema
// coerces them (numbers become numbers) when validating and submitting.
import { useField } from 'formik';
import { labelOf } from '../../../../../server/src/forms-core';
import { FieldShell, useA11y } from '../field-shell';
import type { FieldProps } from '../field-types';

export function TextField({ component: c, name, readOnly }: FieldProps) {
  const [field] = useField(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  const type = c.validate?.validationType === 'email' ? 'email' : c.validate?.validationType === 'phone' ? 'tel' : 'text';
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error}>
      <input {...field} {...a11y} value={field.value ?? ''} type={type} readOnly={readOnly} className="govuk-input"
        autoComplete={type === 'email' ? 'email' : type === 'tel' ? 'tel' : 'off'} maxLength={c.validate?.maxLength} />
    </FieldShell>
  );
}

export function TextArea({ component: c, name, readOnly }: FieldProps) {
  const [field] = useField(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error}>
      <textarea {...field} {...a11y} value={field.value ?? ''} readOnly={readOnly} rows={4} className="govuk-textarea" />
    </FieldShell>
  );
}

export function NumberField({ component: c, name, readOnly }: FieldProps) {
  const [field] = useField(name);
  const { a11y, error } = useA11y(name, c.description, c.validate?.required);
  return (
    <FieldShell id={a11y.id} label={labelOf(c)} required={c.validate?.required} description={c.description} error={error}>
      {/* type=text + inputMode: type=number silently drops invalid input, hiding the error from the user. */}
      <input {...field} {...a11y} value={field.value ?? ''} type="text" inputMode="decimal" readOnly={readOnly} className="govuk-input govuk-input--width-10" />
    </FieldShell>
  );
}
