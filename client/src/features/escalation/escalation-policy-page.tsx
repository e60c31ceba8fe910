// Managers edit when reminders and escalations go out, without code. Every save is a new version with
// who, when and why; the history is listed below the form.
import { useEffect, useState } from 'react';
import { EscalationApiError, type PolicyDto, escalationApi } from './escalation-api';
import { NotificationPreferencePanel } from './notification-preference-panel';
import { RuleFields } from './rule-fields';
import { useLoad } from './use-load';

export function EscalationPolicyPage() {
  const [current, reload] = useLoad(() => escalationApi.policy(), 'policy');
  const [history, reloadHistory] = useLoad(() => escalationApi.history(), 'history');
  const [draft, setDraft] = useState<PolicyDto | undefined>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (current.state === 'ready') setDraft({ defaults: current.data.defaults, overrides: current.data.overrides });
  }, [current]);

  const save = async () => {
    if (!draft) return;
    setErrors({});
    setMessage('');
    try {
      const saved = await escalationApi.updatePolicy(draft, reason);
      setMessage(`Saved as version ${saved.version}.`);
      setReason('');
      reload();
      reloadHistory();
    } catch (e) {
      const err = e as EscalationApiError;
      setErrors(err.errors ?? {});
      setMessage(err.message);
    }
  };

  if (current.state === 'loading' || !draft) return <p role="status">{current.state === 'error' ? current.message : 'Loading the escalation policy…'}</p>;
  const setOverride = (i: number, o: PolicyDto['overrides'][number]) => setDraft({ ...draft, overrides: draft.overrides.map((x, j) => (j === i ? o : x)) });

  return (
    <section className="escalation-policy-page">
      <h1>Reminders and escalation</h1>
      <p>Counted in working days (Monday to Friday, without England &amp; Wales bank holidays).</p>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <fieldset>
          <legend>Every task (defaults)</legend>
          <RuleFields rule={draft.defaults} onChange={(r) => setDraft({ ...draft, defaults: { ...draft.defaults, ...r } })} errors={errors} path="policy.defaults" idPrefix="defaults" />
        </fieldset>
        {draft.overrides.map((o, i) => (
          <fieldset key={i}>
            <legend>Override {i + 1}</legend>
            <p>
              <label htmlFor={`o${i}-process`}>Process id</label>{' '}
              <input id={`o${i}-process`} value={o.processId} onChange={(e) => setOverride(i, { ...o, processId: e.target.value })} />{' '}
              <label htmlFor={`o${i}-element`}>Task (BPMN element id, optional)</label>{' '}
              <input id={`o${i}-element`} value={o.elementId ?? ''} onChange={(e) => setOverride(i, { ...o, elementId: e.target.value || undefined })} />
            </p>
            <RuleFields rule={o.rule} onChange={(rule) => setOverride(i, { ...o, rule })} errors={errors} path={`policy.overrides.${i}.rule`} optional idPrefix={`o${i}`} />
            <button type="button" onClick={() => setDraft({ ...draft, overrides: draft.overrides.filter((_, j) => j !== i) })}>Remove override</button>
          </fieldset>
        ))}
        <p><button type="button" onClick={() => setDraft({ ...draft, overrides: [...draft.overrides, { processId: '', rule: {} }] })}>Add an override for a process or task</button></p>
        <p>
          <label htmlFor="policy-reason">Why are you changing it?</label><br />
          <textarea id="policy-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} aria-invalid={!!errors.reason} />
          {errors.reason ? <span className="govuk-error-message">{errors.reason}</span> : null}
        </p>
        <p><button type="submit">Save a new version</button></p>
        {message ? <p role="status">{message}</p> : null}
      </form>
      <h2>History</h2>
      {history.state === 'ready' ? (
        <ol reversed>
          {history.data.map((v) => (
            <li key={v.version}>Version {v.version}, {new Date(v.createdAt).toLocaleString('en-GB')} by {v.createdBy}: {v.reason}</li>
          ))}
        </ol>
      ) : <p role="status">{history.state === 'error' ? history.message : 'Loading…'}</p>}
      <NotificationPreferencePanel />
    </section>
  );
}
