// Fill in a form: start fresh or resume a draft (?draft=<id>), save drafts, submit. A task or case page
// can embed it with taskId/caseId so submissions and drafts are filed against them.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formsApi, type DraftDto, type FormVersionDto, type SubmissionDto } from './forms-api';
import { FormRenderer } from './form-renderer';
import { useAsync } from './use-async';

interface Loaded { form: FormVersionDto; draft?: DraftDto; drafts: DraftDto[] }

export interface FormPageProps {
  formId?: string;
  taskId?: string;
  caseId?: string;
  variables?: Record<string, unknown>;
  onSubmitted?(submission: SubmissionDto): void;
}

export function FormPage(props: FormPageProps) {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const formId = props.formId ?? params.formId ?? '';
  const draftId = search.get('draft') ?? undefined;
  const [submitted, setSubmitted] = useState<SubmissionDto>();
  const [loaded, setLoaded] = useAsync<Loaded>(async () => {
    const draft = draftId ? await formsApi.getDraft(draftId) : undefined;
    const [form, drafts] = await Promise.all([formsApi.getForm(formId, draft?.version), formsApi.listDrafts(formId)]);
    return { form, draft, drafts };
  }, [formId, draftId]);

  if (submitted) {
    return (
      <section className="forms-page" aria-live="polite">
        <h1>Form submitted</h1>
        <p>Thank you. Reference <code data-testid="submission-id">{submitted.id}</code> (version {submitted.version}).</p>
        <p><Link to="..">Back to forms</Link></p>
      </section>
    );
  }
  if (loaded.state === 'loading') return <p role="status">Loading the form…</p>;
  if (loaded.state === 'error') return <p role="alert" className="govuk-error-message">{loaded.message}</p>;
  const { form, draft, drafts } = loaded.data;
  const refs = { taskId: props.taskId ?? draft?.taskId, caseId: props.caseId ?? draft?.caseId };
  const otherDrafts = drafts.filter((d) => d.id !== draft?.id);

  return (
    <section className="forms-page">
      <p className="govuk-hint">{form.formId} · version {form.version}{draft ? ` · draft saved ${new Date(draft.updatedAt).toLocaleString('en-GB')}` : ''}</p>
      {otherDrafts.length ? (
        <details className="form-drafts">
          <summary>{`Your drafts of this form (${otherDrafts.length})`}</summary>
          <ul>
            {otherDrafts.map((d) => (
              <li key={d.id}><Link to={`?draft=${encodeURIComponent(d.id)}`}>{`Resume draft saved ${new Date(d.updatedAt).toLocaleString('en-GB')}`}</Link></li>
            ))}
          </ul>
        </details>
      ) : null}
      <FormRenderer
        key={draft?.id ?? 'new'}
        form={form.schema}
        variables={props.variables}
        initialData={draft?.data}
        onSubmit={async (value) => {
          const submission = draft
            ? await formsApi.submitDraft(draft.id, value)
            : await formsApi.submit(form.formId, { data: value, version: form.version, ...refs });
          setSubmitted(submission);
          props.onSubmitted?.(submission);
        }}
        onSaveDraft={async (values) => {
          if (draft) {
            const updated = await formsApi.updateDraft(draft.id, values);
            // Keep the data the form was started with: new initial values would reset Formik's state.
            setLoaded({ ...loaded.data, draft: { ...draft, updatedAt: updated.updatedAt } });
          } else {
            const created = await formsApi.createDraft({ formId: form.formId, version: form.version, data: values, ...refs });
            setSearch({ draft: created.id }, { replace: true });
          }
        }}
        actions={draft ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={async () => {
            await formsApi.discardDraft(draft.id);
            setSearch({}, { replace: true });
          }}>Discard draft</button>
        ) : null}
      />
    </section>
  );
}
