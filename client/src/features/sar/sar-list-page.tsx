// The DPO's subject access requests: the list with due dates, and recording a new request as received.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../auth/api-fetch';
import { ErrorSummary } from './error-summary';
import { formatDate } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { sarApi, STEP_WORDS, type SarSummaryDto } from './sar-api';

type Field = 'requesterName' | 'requesterRelationship' | 'receivedOn' | 'subject.givenName' | 'subject.familyName' | 'subject.otherNames' | 'subject.dateOfBirth' | 'subject.nhsNumber';
const idOf = (f: string) => `sar-${f.replace('subject.', '')}`;

export function SarListPage() {
  const [items, setItems] = useState<SarSummaryDto[]>([]);
  const [v, setV] = useState<Record<string, string>>({ requesterRelationship: 'self', receivedOn: new Date().toISOString().slice(0, 10) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const navigate = useNavigate();
  useEffect(() => { sarApi.list().then((r) => setItems(r.items), (e: Error) => setMessage(e.message)); }, []);
  const set = (k: string) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const subject = {
      givenName: v['subject.givenName'] ?? '', familyName: v['subject.familyName'] ?? '',
      otherNames: (v['subject.otherNames'] ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      dateOfBirth: v['subject.dateOfBirth'] ?? '', nhsNumber: (v['subject.nhsNumber'] ?? '').replace(/\s/g, ''),
    };
    try {
      const { key } = await sarApi.start({ receivedOn: v.receivedOn, requesterName: v.requesterName ?? '', requesterRelationship: v.requesterRelationship, subject });
      navigate(key);
    } catch (err) {
      setErrors(err instanceof ApiError ? err.errors : {});
      setMessage((err as Error).message);
    }
  }

  const input = (f: Field, label: string, type = 'text', hint?: string) => (
    <div className={`govuk-form-group${errors[f] ? ' govuk-form-group--error' : ''}`}>
      <label htmlFor={idOf(f)}>{label}</label>
      {hint ? <p className="govuk-hint" id={`${idOf(f)}-hint`}>{hint}</p> : null}
      {errors[f] ? <p className="govuk-error-message" id={`${idOf(f)}-error`}>{errors[f]}</p> : null}
      {f === 'subject.otherNames'
        ? <textarea id={idOf(f)} value={v[f] ?? ''} onChange={set(f)} aria-describedby={hint ? `${idOf(f)}-hint` : undefined} />
        : <input id={idOf(f)} type={type} value={v[f] ?? ''} onChange={set(f)} aria-invalid={!!errors[f]} aria-describedby={hint ? `${idOf(f)}-hint` : undefined} />}
    </div>
  );

  return (
    <section>
      <h1>Subject access requests</h1>
      <ErrorSummary message={message} errors={errors} idOf={idOf} />
      <h2>Requests</h2>
      {items.length === 0 ? <p>There are no requests yet.</p> : (
        <ScrollRegion label="Requests">
          <table>
            <thead><tr><th>Person</th><th>Received</th><th>Due</th><th>Where it is</th></tr></thead>
            <tbody>{items.map((s) => (
              <tr key={s.key}>
                <td><Link to={s.key}>{s.subjectName}</Link></td><td>{formatDate(s.receivedOn)}</td>
                <td>{s.due ? formatDate(s.due) : 'Not yet counted'}{s.extended ? ' (extended)' : ''}</td>
                <td>{s.state === 'active' ? s.activeSteps.map((a) => STEP_WORDS[a] ?? a).join(', ') : 'Closed'}</td>
              </tr>
            ))}</tbody>
          </table>
        </ScrollRegion>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="sar-start-heading">
        <h2 id="sar-start-heading">Record a new request</h2>
        {input('requesterName', 'Name of the person asking')}
        <div className={`govuk-form-group${errors.requesterRelationship ? ' govuk-form-group--error' : ''}`}>
          <label htmlFor={idOf('requesterRelationship')}>Who is asking</label>
          <select id={idOf('requesterRelationship')} value={v.requesterRelationship} onChange={set('requesterRelationship')}>
            <option value="self">The child or young adult themselves</option>
            <option value="parent-for-child">A parent or carer, for a child who lacks competence</option>
            <option value="representative">A representative with the child&apos;s written authority</option>
          </select>
        </div>
        {input('receivedOn', 'Date the request was received', 'date')}
        <h3>Who the request is about</h3>
        {input('subject.givenName', 'Given name')}
        {input('subject.familyName', 'Family name')}
        {input('subject.otherNames', 'Other names they are or were known by', 'text', 'One name on each line')}
        {input('subject.dateOfBirth', 'Date of birth', 'date')}
        {input('subject.nhsNumber', 'NHS number (if known)', 'text', '10 digits')}
        <button type="submit">Record the request</button>
      </form>
    </section>
  );
}
