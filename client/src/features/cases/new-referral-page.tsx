// Opens a case from a referral and starts the referral & intake process for it, so the first task
// (match or create the person) lands in the team's queue. The server repeats the duplicate check; when the
// child already has an open case the referral can join it (intake starts on that case, no second record).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, apiFetch, useSession } from '../auth';
import { casesApi } from './cases-api';

type Fields = Record<'givenName' | 'familyName' | 'dateOfBirth' | 'nhsNumber' | 'team' | 'referralSource', string>;

const SOURCES = ['police', 'court', 'transfer-in', 'portal', 'other'];

export function NewReferralPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [fields, setFields] = useState<Fields>({ givenName: '', familyName: '', dateOfBirth: '', nhsNumber: '', team: user?.teams[0] ?? '', referralSource: 'police' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [duplicateWarning, setDuplicateWarning] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  const [matches, setMatches] = useState<{ caseId: string; displayName?: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const set = (name: keyof Fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(undefined);
    setErrors({});
    try {
      const body = { ...fields, nhsNumber: fields.nhsNumber || undefined, confirmedNotDuplicate: confirmed || undefined };
      const created = await casesApi.create(body);
      try {
        await apiFetch('POST', `/api/cases/${encodeURIComponent(created.id)}/processes`, {
          processId: 'referral-intake',
          variables: { referralReceivedAt: new Date().toISOString(), referralSource: fields.referralSource },
        });
        navigate(`/cases/${encodeURIComponent(created.id)}`, { state: { notice: 'Referral opened: the intake tasks are in the team queue.' } });
      } catch (err) {
        setMessage(`The case ${created.id} was opened, but the referral process did not start: ${(err as Error).message}. Try again from the case page.`);
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'POSSIBLE_DUPLICATE') {
        setDuplicateWarning(err.message);
        const found = await casesApi.duplicates({ ...fields, nhsNumber: fields.nhsNumber || undefined }).catch(() => []);
        setMatches(found.flatMap((m) => (m.caseId ? [{ caseId: m.caseId, displayName: m.displayName }] : [])));
      } else if (err instanceof ApiError) {
        setErrors(err.errors);
        setMessage(err.message);
      } else setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function joinCase(caseId: string) {
    setBusy(true);
    setMessage(undefined);
    try {
      await casesApi.reRefer(caseId, fields.referralSource);
      navigate(`/cases/${encodeURIComponent(caseId)}`, { state: { notice: 'Referral added to the open case: the intake tasks are in the team queue.' } });
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof Fields, label: string, type = 'text') => (
    <label key={name}>
      {label}
      <input id={`referral-${name}`} type={type} value={fields[name]} onChange={set(name)} aria-invalid={!!errors[name]} aria-describedby={errors[name] ? `referral-${name}-error` : undefined} />
      {errors[name] ? <span id={`referral-${name}-error`} className="field-error" role="alert">{errors[name]}</span> : null}
    </label>
  );

  return (
    <section>
      <h1>New referral</h1>
      <form className="amend-form" onSubmit={submit} noValidate>
        {field('givenName', 'Given name')}
        {field('familyName', 'Family name')}
        {field('dateOfBirth', 'Date of birth', 'date')}
        {field('nhsNumber', 'NHS number (optional)')}
        <label>
          Team
          <select value={fields.team} onChange={set('team')} aria-invalid={!!errors.team}>
            {(user?.teams ?? []).map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          {errors.team ? <span className="field-error" role="alert">{errors.team}</span> : null}
        </label>
        <label>
          Referred by
          <select value={fields.referralSource} onChange={set('referralSource')}>
            {SOURCES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        {duplicateWarning ? (
          <div role="alert" className="field-error" style={{ flexBasis: '100%' }}>
            <p>{duplicateWarning}</p>
            {matches.map((m) => (
              <button key={m.caseId} type="button" disabled={busy} onClick={() => joinCase(m.caseId)}>
                Add this referral to {m.displayName ?? 'case'} ({m.caseId})
              </button>
            ))}
            <label style={{ flexDirection: 'row', gap: '0.5rem' }}>
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I checked: this is a different child
            </label>
          </div>
        ) : null}
        <button type="submit" disabled={busy || (!!duplicateWarning && !confirmed)}>{busy ? 'Opening…' : 'Open referral'}</button>
      </form>
      {message ? <p role="alert">{message}</p> : null}
      <p className="muted"><Link to="/tasks">Back to tasks</Link></p>
    </section>
  );
}
