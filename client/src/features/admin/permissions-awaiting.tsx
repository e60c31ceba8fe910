// The permission change asked for last that needed a second administrator (it widened its author's own access
// to children's data): while it awaits, who asked, when, why and its effect, and — for any other administrator —
// approve or reject with a reason. The author is told another administrator must decide (the server refuses
// them too). Once decided: who decided, when and why.
import { useState } from 'react';
import { ApiError } from '../auth';
import { formatDateTime } from '../../shell/format';
import { PermissionsEffect } from './permissions-effect';
import { permissionsApi, type ChangeRequestDto } from './permissions-api';

interface Props {
  request: ChangeRequestDto;
  /** The signed-in administrator's id: the author of the change may not decide it. */
  me?: string;
  onDecided(request: ChangeRequestDto): void | Promise<void>;
}

export function PermissionsAwaiting({ request, me, onDecided }: Props) {
  const [decision, setDecision] = useState<'approve' | 'reject'>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (request.state !== 'awaiting') {
    const outcome = request.state === 'approved' ? `approved by ${request.decidedByName} and put in force as version ${request.version}` : `rejected by ${request.decidedByName}`;
    return (
      <p className="govuk-inset-text" data-testid="permissions-last-request">
        The change {request.requestedByName} asked for on {formatDateTime(request.requestedAt)} was {outcome} on {formatDateTime(request.decidedAt!)}: {request.decisionReason}
      </p>
    );
  }

  async function send() {
    setBusy(true);
    setErrors({});
    try {
      await onDecided((await permissionsApi.decide(request.id, decision!, reason)).request);
    } catch (err) {
      setErrors(err instanceof ApiError && Object.keys(err.errors).length ? err.errors : { form: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }
  const problems = Object.entries(errors);
  const mine = request.requestedBy === me;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="permissions-awaiting-title" data-testid="permissions-awaiting">
      <h2 className="govuk-heading-m" id="permissions-awaiting-title">A change is awaiting approval</h2>
      <p className="govuk-body">
        {request.requestedByName} asked for this change on {formatDateTime(request.requestedAt)}: “{request.reason}”. It is not in force, and no other change can be saved, until another administrator approves or rejects it.
      </p>
      <PermissionsEffect preview={request} title="What it would change" testId="permissions-awaiting-effect" />
      <ul className="govuk-list govuk-list--bullet">{request.changes.map((c) => <li key={`${c.role}-${c.change}`}>{c.role}: {c.change}</li>)}</ul>
      {mine ? (
        <p className="govuk-inset-text">You asked for this change, so another administrator must approve or reject it.</p>
      ) : (
        <>
          {problems.length > 0 && (
            <div className="govuk-error-summary" role="alert" aria-labelledby="decision-error-title">
              <h3 className="govuk-error-summary__title" id="decision-error-title">There is a problem</h3>
              <ul className="govuk-list govuk-error-summary__list">{problems.map(([k, m]) => <li key={k}><a href={`#decision-${k === 'reason' ? 'reason' : 'approve'}`}>{m}</a></li>)}</ul>
            </div>
          )}
          <fieldset className={`govuk-fieldset govuk-form-group${errors.decision ? ' govuk-form-group--error' : ''}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Do you approve this permission change?</legend>
            {errors.decision && <p className="govuk-error-message">{errors.decision}</p>}
            <div className="govuk-radios govuk-radios--small">
              {([['approve', 'Yes, approve it and put it in force'], ['reject', 'No, reject it']] as const).map(([value, label]) => (
                <div className="govuk-radios__item" key={value}>
                  <input className="govuk-radios__input" type="radio" id={`decision-${value}`} name="permission-decision" checked={decision === value} onChange={() => setDecision(value)} />
                  <label className="govuk-label govuk-radios__label" htmlFor={`decision-${value}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className={`govuk-form-group${errors.reason ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="decision-reason">Reason for your decision (kept in the audit)</label>
            {errors.reason && <p className="govuk-error-message">{errors.reason}</p>}
            <textarea className="govuk-textarea" id="decision-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="button" className="govuk-button" disabled={busy} onClick={() => void send()}>Send your decision</button>
        </>
      )}
    </section>
  );
}
