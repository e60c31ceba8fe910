// Deploying a form, as deploying a process: say why (a comment, stored with the version), check what the
// new version changes against the one deployed now — fields added, removed and changed, by label — and
// only then confirm. Problems are shown in a GOV.UK error summary that links to the comment box and takes
// focus; the server's own refusals (422, 403) land there too.
import { useEffect, useRef, useState } from 'react';
import { diffFormDefinitions, type FormDefinition, type FormDiff } from '../../../../../server/src/forms-core';
import { ApiError, formsApi } from '../forms-api';

type Step =
  | { kind: 'edit' }
  | { kind: 'review'; diff: FormDiff; isNew: boolean }
  | { kind: 'done'; text: string };

const COMMENT_ID = 'form-deploy-comment';

export function DeployPanel({ schema, disabled, onDeployed }: { schema?: FormDefinition; disabled: boolean; onDeployed(): void }) {
  const [comment, setComment] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const [problem, setProblem] = useState<{ message: string; field?: string }>();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => { if (problem) summary.current?.focus(); }, [problem]);
  // A change in the editor makes a review out of date.
  useEffect(() => setStep((s) => (s.kind === 'review' ? { kind: 'edit' } : s)), [schema]);

  const review = async () => {
    setProblem(undefined);
    if (!schema) return;
    if (!comment.trim()) {
      setProblem({ message: 'Enter a comment saying why you are deploying this version of the form', field: COMMENT_ID });
      return;
    }
    try {
      const deployed = await formsApi.getForm(schema.id).then((f) => f.schema, (e) => (e instanceof ApiError && e.status === 404 ? undefined : Promise.reject(e)));
      setStep({ kind: 'review', diff: diffFormDefinitions(deployed, schema), isNew: !deployed });
    } catch (e) {
      setProblem({ message: (e as Error).message });
    }
  };

  const confirm = async () => {
    if (!schema) return;
    setProblem(undefined);
    try {
      const res = await formsApi.deploy(schema, comment);
      setStep({ kind: 'done', text: res.created ? `Deployed "${res.formId}" as version ${res.version}` : `No changes: "${res.formId}" stays at version ${res.version}` });
      if (res.created) setComment('');
      onDeployed();
    } catch (e) {
      const field = e instanceof ApiError && e.errors.comment ? COMMENT_ID : undefined;
      const detail = e instanceof ApiError ? Object.values(e.errors).filter((m) => m !== e.message) : [];
      setProblem({ message: [e instanceof Error ? e.message : String(e), ...detail].join('; '), field });
      setStep({ kind: 'edit' });
    }
  };

  return (
    <div className="form-deploy" data-testid="form-deploy">
      {problem ? (
        <div className="govuk-error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list"><li>{problem.field ? <a href={`#${problem.field}`}>{problem.message}</a> : problem.message}</li></ul>
          </div>
        </div>
      ) : null}
      <div className={problem?.field ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <label className="govuk-label govuk-label--s" htmlFor={COMMENT_ID}>What changed and why</label>
        <p className="govuk-hint" id={`${COMMENT_ID}-hint`}>Kept with the version and shown in its history, as for a process.</p>
        {problem?.field ? <p className="govuk-error-message" id={`${COMMENT_ID}-error`}><span className="visually-hidden">Error: </span>{problem.message}</p> : null}
        <textarea id={COMMENT_ID} className="govuk-textarea" rows={3} maxLength={1000} value={comment} aria-describedby={`${COMMENT_ID}-hint${problem?.field ? ` ${COMMENT_ID}-error` : ''}`}
          onChange={(e) => setComment(e.target.value)} />
      </div>
      {step.kind === 'review' ? (
        <ChangesToConfirm diff={step.diff} isNew={step.isNew} onConfirm={confirm} onCancel={() => setStep({ kind: 'edit' })} />
      ) : (
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" disabled={disabled} onClick={review}>Check changes before deploying</button>
        </div>
      )}
      {step.kind === 'done' ? <p role="status" className="app-saved">{step.text}</p> : null}
    </div>
  );
}

function ChangesToConfirm({ diff, isNew, onConfirm, onCancel }: { diff: FormDiff; isNew: boolean; onConfirm(): void; onCancel(): void }) {
  const none = !diff.added.length && !diff.removed.length && !diff.changed.length;
  return (
    <section aria-labelledby="form-changes-heading" className="form-changes" data-testid="form-changes">
      <h3 id="form-changes-heading">{isNew ? 'A new form' : 'What this version changes'}</h3>
      {none ? <p>No field changes (wording, layout or settings only).</p> : null}
      {diff.added.length ? (<><h4>Fields added ({diff.added.length})</h4><ul>{diff.added.map((l, i) => <li key={i}>{l}</li>)}</ul></>) : null}
      {diff.removed.length ? (<><h4>Fields removed ({diff.removed.length})</h4><ul>{diff.removed.map((l, i) => <li key={i}>{l}</li>)}</ul></>) : null}
      {diff.changed.length ? (
        <>
          <h4>Fields changed ({diff.changed.length})</h4>
          <ul>{diff.changed.map((c, i) => <li key={i}>{c.label}: {c.changes.join('; ')}</li>)}</ul>
        </>
      ) : null}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={onConfirm}>Deploy new version</button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>Back to the designer</button>
      </div>
    </section>
  );
}
