// Opens a case from a referral and starts the referral & intake process for it, so the first task
// (match or create the person) lands in the team's queue, prefilled with what the referral recorded (its
// start variables carry the first form's keys: referral-start-variables.ts). Problems are listed in a
// GOV.UK error summary linking to their fields; an age outside 10 to 17 is a warning to confirm, not an
// error. The server repeats every check; a likely duplicate is named by the child's name and links to the
// existing case (or, for another team's record, says only that it exists and offers break glass).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, apiFetch, useSession } from '../auth';
import { formatDate, teamName } from '../../shell/format';
import { referralAgeWarning } from '../../../../server/src/domain/cases/referral-age';
import { REFERRAL_PROCESS_ID, REFERRAL_SOURCES, referralStartVariables } from '../../../../server/src/domain/cases/referral-start-variables';
import { ErrorSummary } from '../sar/error-summary';
import { casesApi } from './cases-api';
import { DuplicateMatches, findMatches, type Match } from './referral-duplicates';

type Fields = Record<'givenName' | 'familyName' | 'dateOfBirth' | 'nhsNumber' | 'team' | 'referralSource', string>;

const LABELS: Record<keyof Fields, string> = {
  givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth', nhsNumber: 'NHS number (optional)',
  team: 'Team', referralSource: 'Referred by',
};
const idOf = (name: string) => `referral-${name}`;
/** Today in London, as the server's referral date is (YYYY-MM-DD). */
const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

function check(f: Fields, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.givenName.trim()) errors.givenName = 'Enter the given name';
  if (!f.familyName.trim()) errors.familyName = 'Enter the family name';
  if (!f.dateOfBirth) errors.dateOfBirth = 'Enter the date of birth';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(f.dateOfBirth)) errors.dateOfBirth = 'Date of birth must be a real date';
  else if (f.dateOfBirth > today) errors.dateOfBirth = 'Date of birth must be today or in the past';
  if (!f.team) errors.team = 'Choose the team that will hold the case';
  return errors;
}

export function NewReferralPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [entered, setFields] = useState<Fields>({ givenName: '', familyName: '', dateOfBirth: '', nhsNumber: '', team: '', referralSource: 'police' });
  // The session may arrive after the first render: the team defaults to the person's first team.
  const fields: Fields = { ...entered, team: entered.team || user?.teams[0] || '' };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [ageWarning, setAgeWarning] = useState<string>();
  const [ageConfirmed, setAgeConfirmed] = useState(false);
  const [matches, setMatches] = useState<Match[]>();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const warningBox = useRef<HTMLDivElement>(null);
  useEffect(() => { if (ageWarning && !ageConfirmed) warningBox.current?.focus(); }, [ageWarning, ageConfirmed]);

  const set = (name: keyof Fields) => (e: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [name]: e.target.value }));
    if (name === 'dateOfBirth') { setAgeWarning(undefined); setAgeConfirmed(false); }
    if (name !== 'team' && name !== 'referralSource') { setMatches(undefined); setConfirmed(false); }
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(undefined);
    const today = londonToday();
    const found = check(fields, today);
    setErrors(found);
    if (Object.keys(found).length) return;
    const warning = referralAgeWarning(fields.dateOfBirth, today);
    setAgeWarning(warning);
    if (warning && !ageConfirmed) return;
    setBusy(true);
    try {
      const body = { ...fields, nhsNumber: fields.nhsNumber || undefined, confirmedNotDuplicate: confirmed || undefined };
      const created = await casesApi.create(body);
      try {
        await apiFetch('POST', `/api/cases/${encodeURIComponent(created.id)}/processes`, {
          processId: REFERRAL_PROCESS_ID, variables: referralStartVariables(fields, new Date()),
        });
        navigate(`/cases/${encodeURIComponent(created.id)}`, { state: { notice: 'Referral opened: the intake tasks are in the team queue.' } });
      } catch (err) {
        setMessage(`The case for ${fields.givenName} ${fields.familyName} was opened, but the referral process did not start: ${(err as Error).message}. Start it again from the case page.`);
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'POSSIBLE_DUPLICATE') {
        setMatches(await findMatches({ ...fields, nhsNumber: fields.nhsNumber || undefined }).catch(() => []));
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

  const field = (name: keyof Fields, type = 'text', hint?: string) => (
    <div className={`govuk-form-group${errors[name] ? ' govuk-form-group--error' : ''}`} key={name}>
      <label className="govuk-label govuk-label--s" htmlFor={idOf(name)}>{LABELS[name]}</label>
      {hint ? <div id={`${idOf(name)}-hint`} className="govuk-hint">{hint}</div> : null}
      {errors[name] ? <p id={`${idOf(name)}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{errors[name]}</p> : null}
      <input className={type === 'date' ? 'govuk-input govuk-input--width-10' : 'govuk-input'} id={idOf(name)} name={name} type={type} value={fields[name]} onChange={set(name)} aria-invalid={!!errors[name]}
        autoComplete="off" aria-describedby={[hint ? `${idOf(name)}-hint` : '', errors[name] ? `${idOf(name)}-error` : ''].filter(Boolean).join(' ') || undefined} />
    </div>
  );
  const mustConfirm = (!!matches?.length && !confirmed) || (!!ageWarning && !ageConfirmed);

  return (
    <section className="new-referral">
      <h1>New referral</h1>
      <ErrorSummary message={Object.keys(errors).length ? message : undefined} errors={errors} idOf={idOf} />
      <form className="referral-form" onSubmit={submit} noValidate>
        {field('givenName')}
        {field('familyName')}
        {field('dateOfBirth', 'date', 'The child’s date of birth, for example 14 March 2010')}
        {field('nhsNumber', 'text', '10 digits, if known')}
        <div className={`govuk-form-group${errors.team ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor={idOf('team')}>{LABELS.team}</label>
          {errors.team ? <p id={`${idOf('team')}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{errors.team}</p> : null}
          <select className="govuk-select" id={idOf('team')} value={fields.team} onChange={set('team')} aria-invalid={!!errors.team}>
            {(user?.teams ?? []).map((t) => <option key={t} value={t}>{teamName(t)}</option>)}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor={idOf('referralSource')}>{LABELS.referralSource}</label>
          <select className="govuk-select" id={idOf('referralSource')} value={fields.referralSource} onChange={set('referralSource')}>
            {REFERRAL_SOURCES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </div>
        {ageWarning ? (
          <div className="govuk-inset-text referral-warning" role="group" aria-labelledby="age-warning-heading" tabIndex={-1} ref={warningBox}>
            <h2 className="govuk-heading-s" id="age-warning-heading">Check the date of birth</h2>
            <p>{ageWarning} (born {formatDate(fields.dateOfBirth)}).</p>
            <div className="govuk-checkboxes govuk-checkboxes--small">
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id="age-confirmed" type="checkbox" checked={ageConfirmed} onChange={(e) => setAgeConfirmed(e.target.checked)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="age-confirmed">The date of birth is right: open the referral</label>
              </div>
            </div>
          </div>
        ) : null}
        {matches ? (
          <DuplicateMatches matches={matches} busy={busy} onJoin={joinCase} confirmed={confirmed} onConfirm={setConfirmed} />
        ) : null}
        <button type="submit" className="govuk-button" disabled={busy || mustConfirm}>{busy ? 'Opening…' : 'Open referral'}</button>
      </form>
      {message && !Object.keys(errors).length ? <p role="alert">{message}</p> : null}
      <p className="muted"><Link to="/cases">Back to cases</Link></p>
    </section>
  );
}
