// Another administrator's decision on a change awaiting approval — a permission version or an administrator's
// own account — with a reason: the error summary links to the field it names. Shared by the permissions page
// and the users page (the same decision route, the same approval process).
import { useState } from 'react';
import { ApiError } from '../auth';
import { permissionsApi, type ChangeRequestDto } from './permissions-api';

interface Props {
  requestId: string;
  /** Makes the fields' ids unique when several changes wait on one page. */
  idPrefix: string;
  legend: string;
  approveLabel: string;
  onDecided(request: ChangeRequestDto): void | Promise<void>;
}

export function ApprovalDecision({ requestId, idPrefix, legend, approveLabel, onDecided }: Props) {
  const [decision, setDecision] = useState<'approve' | 'reject'>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    setErrors({});
    try {
      await onDecided((await permissionsApi.decide(requestId, decision!, reason)).request);
    } catch (err) {
      setErrors(err instanceof ApiError && Object.keys(err.errors).length ? err.errors : { form: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }
  const problems = Object.entries(errors);
  return (
    <>
      {problems.length > 0 && (
        <div className="govuk-error-summary" role="alert" aria-labelledby={`${idPrefix}-error-title`}>
          <h3 className="govuk-error-summary__title" id={`${idPrefix}-error-title`}>There is a problem</h3>
          <ul className="govuk-list govuk-error-summary__list">{problems.map(([k, m]) => <li key={k}><a href={`#${idPrefix}-${k === 'reason' ? 'reason' : 'approve'}`}>{m}</a></li>)}</ul>
        </div>
      )}
      <fieldset className={`govuk-fieldset govuk-form-group${errors.decision ? ' govuk-form-group--error' : ''}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {errors.decision && <p className="govuk-error-message">{errors.decision}</p>}
        <div className="govuk-radios govuk-radios--small">
          {([['approve', approveLabel], ['reject', 'No, reject it']] as const).map(([value, label]) => (
            <div className="govuk-radios__item" key={value}>
              <input className="govuk-radios__input" type="radio" id={`${idPrefix}-${value}`} name={`${idPrefix}-decision`} checked={decision === value} onChange={() => setDecision(value)} />
              <label className="govuk-label govuk-radios__label" htmlFor={`${idPrefix}-${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className={`govuk-form-group${errors.reason ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor={`${idPrefix}-reason`}>Reason for your decision (kept in the audit)</label>
        {errors.reason && <p className="govuk-error-message">{errors.reason}</p>}
        <textarea className="govuk-textarea" id={`${idPrefix}-reason`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="button" className="govuk-button" disabled={busy} onClick={() => void send()}>Send your decision</button>
    </>
  );
}
