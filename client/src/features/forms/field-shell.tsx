// Label, hint and error around one input, wired for screen readers: the label is bound to the input,
// the input is aria-invalid and described by the hint and the error, and the error is announced.
import { getIn, useFormikContext } from 'formik';
import type { ReactNode } from 'react';
import { fieldId } from './form-values';
import { useReportedPaths } from './reported-errors';

export interface FieldA11y {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

/** The error to show for a field: reported by the last submit and not yet corrected (never on blur). */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormikContext<Record<string, unknown>>();
  const error = getIn(errors, name);
  return useReportedPaths().has(name) && typeof error === 'string' ? error : undefined;
}

export function useA11y(name: string, description: string | undefined, required: boolean | undefined): { a11y: FieldA11y; error?: string } {
  const error = useFieldError(name);
  const id = fieldId(name);
  const describedBy = [description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { error, a11y: { id, 'aria-invalid': Boolean(error), ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(required ? { 'aria-required': true } : {}) } };
}

interface ShellProps {
  id: string;
  label: string;
  required?: boolean;
  description?: string;
  error?: string;
  /** Radio buttons and checklists: a fieldset with a legend instead of a label. */
  asFieldset?: boolean;
  children: ReactNode;
}

export function FieldShell({ id, label, required, description, error, asFieldset, children }: ShellProps) {
  const title = (
    <>
      {label}
      {required ? <span className="app-required" aria-hidden="true"> *</span> : null}
    </>
  );
  const extras = (
    <>
      {description ? <p id={`${id}-hint`} className="govuk-hint">{description}</p> : null}
      {error ? <p id={`${id}-error`} className="govuk-error-message" role="alert">{error}</p> : null}
    </>
  );
  if (asFieldset) {
    return (
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset id={id} tabIndex={-1} className="govuk-fieldset" aria-describedby={[description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{title}</legend>
        {extras}
        {children}
      </fieldset>
      </div>
    );
  }
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>{title}</label>
      {extras}
      {children}
    </div>
  );
}
