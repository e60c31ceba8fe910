// A GOV.UK form group with its error message above the control, for the admin forms that keep their errors by
// field (agreements, subscriptions): the group turns red and the message is read before the field.
import type { ReactNode } from 'react';

export const fieldGroup = (errors: Record<string, string>, idOf: (field: string) => string) => (field: string, children: ReactNode) => (
  <div className={`govuk-form-group${errors[field] ? ' govuk-form-group--error' : ''}`}>
    {errors[field] ? <p id={`${idOf(field)}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{errors[field]}</p> : null}
    {children}
  </div>
);
