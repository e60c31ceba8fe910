// A form-js definition rendered with Formik. Validation is the shared validateSubmission (the same
// compiled yup schema the server runs), so the browser can never accept what the API will refuse.
// onSubmit receives the validated value (coerced, hidden fields stripped); if it rejects with field
// errors (a 422 from the API) they are shown on their fields. Errors are shown when the person submits,
// never when they leave a field (reported-errors.tsx says why).
import { Form, Formik, useFormikContext, type FormikErrors } from 'formik';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import {
  buildScope, computeExpressions, validateSubmission, valuesForConditions, type FieldErrors, type FormDefinition,
} from '../../../../server/src/forms-core';
import { ComponentsView } from './components-view';
import { FormFilesProvider, type FormFiles } from './form-files';
import { fieldId, initialValuesFor, toFormikErrors } from './form-values';
import { flattenErrors, ReportedErrors, useReportedPaths } from './reported-errors';

export interface FormRendererProps {
  form: FormDefinition;
  /** Process variables the form may read (valuesKey options, conditions). */
  variables?: Record<string, unknown>;
  /** Previously saved answers (a resumed draft). */
  initialData?: Record<string, unknown>;
  onSubmit(value: Record<string, unknown>): Promise<void>;
  /** Raw, unvalidated values: drafts are saved as typed. */
  onSaveDraft?(values: Record<string, unknown>): Promise<void>;
  submitLabel?: string;
  /** Extra buttons (e.g. discard draft). */
  actions?: ReactNode;
  now?: Date;
  /** The case whose documents store takes filepicker files, and the server's documentPreview answers (task page). */
  files?: FormFiles;
}

interface Status { formLevel?: string; saved?: string }

export function FormRenderer({ form, variables, initialData, onSubmit, onSaveDraft, submitLabel = 'Submit', actions, now, files }: FormRendererProps) {
  const initialValues = useMemo(() => initialValuesFor(form, initialData, variables), [form, initialData, variables]);
  const context = { variables, now, acceptFiles: Boolean(files) };
  return (
    <FormFilesProvider form={form} files={files}>
    <Formik<Record<string, unknown>>
      initialValues={initialValues}
      enableReinitialize
      // Errors are reported on submit (reported-errors.tsx); validating on blur would only cost time.
      validateOnBlur={false}
      validate={(values) => {
        const result = validateSubmission(form, values, context);
        return result.ok ? {} : (toFormikErrors(result.errors).nested as FormikErrors<Record<string, unknown>>);
      }}
      onSubmit={async (values, helpers) => {
        const result = validateSubmission(form, values, context);
        if (!result.ok) return;
        try {
          helpers.setStatus({});
          await onSubmit(result.value);
        } catch (e) {
          const errors = (e as { errors?: FieldErrors }).errors ?? {};
          const { nested, formLevel } = toFormikErrors(errors);
          helpers.setErrors(nested as FormikErrors<Record<string, unknown>>);
          helpers.setStatus({ formLevel: formLevel ?? (e as Error).message } satisfies Status);
        }
      }}
    >
      {({ values, isSubmitting, status, setStatus }) => {
        // Conditions and templates see expressions as the schema computes them (form-schema-compiler.ts).
        const typed = computeExpressions(form.components, valuesForConditions(form.components, values), variables);
        return (
          <Form className="form-renderer" noValidate aria-label={form.id}>
            <ReportedErrors>
              <ErrorSummary status={status as Status | undefined} />
              <ComponentsView components={form.components} base="" local={typed} scope={buildScope(variables, typed)} variables={variables} root={typed} />
              {(status as Status | undefined)?.saved ? <p role="status" className="app-saved">{(status as Status).saved}</p> : null}
              <div className="govuk-button-group">
                <button type="submit" className="govuk-button" disabled={isSubmitting}>{submitLabel}</button>
                {onSaveDraft ? (
                  <button type="button" className="govuk-button govuk-button--secondary" disabled={isSubmitting} onClick={async () => {
                    try {
                      await onSaveDraft(values);
                      setStatus({ saved: `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}` });
                    } catch (e) {
                      setStatus({ formLevel: (e as Error).message });
                    }
                  }}>Save draft</button>
                ) : null}
                {actions}
              </div>
            </ReportedErrors>
          </Form>
        );
      }}
    </Formik>
    </FormFilesProvider>
  );
}

/**
 * After a submit attempt: every problem reported then and not yet corrected, each linking to its field
 * (GOV.UK error summary).
 */
function ErrorSummary({ status }: { status?: Status }) {
  const { errors, submitCount, isSubmitting } = useFormikContext<Record<string, unknown>>();
  const box = useRef<HTMLDivElement>(null);
  const reported = useReportedPaths();
  const flat = flattenErrors(errors).filter(([path]) => reported.has(path));
  const show = submitCount > 0 && (flat.length > 0 || Boolean(status?.formLevel));
  // After a refused submit, move focus to the summary (GOV.UK pattern) so keyboard and screen-reader
  // users start from the list of problems, each a link to its field. Once per submit: a field made wrong
  // again while correcting must not pull focus away from it.
  const focusedFor = useRef(0);
  useEffect(() => {
    if (!show || isSubmitting || focusedFor.current === submitCount) return;
    focusedFor.current = submitCount;
    box.current?.focus();
  }, [show, isSubmitting, submitCount]);
  if (!show) return null;
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={box}>
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        {status?.formLevel ? <p>{status.formLevel}</p> : null}
        <ul className="govuk-list govuk-error-summary__list">
          {flat.map(([path, message]) => <li key={path}><a href={`#${fieldId(path)}`}>{message}</a></li>)}
        </ul>
      </div>
    </div>
  );
}
