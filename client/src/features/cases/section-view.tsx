// One tab of a case record: its latest values, each with where it came from (a linked task's
// submission, or who amended it), plus a small form to correct a value when the user may write here.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { casesApi, show, type CaseDto, type SectionDto } from './cases-api';

export interface SectionViewProps {
  caseId: string;
  section: string;
  state?: SectionDto;
  writable: boolean;
  onChanged(next: CaseDto): void;
}

export function SectionView({ caseId, section, state, writable, onChanged }: SectionViewProps) {
  const entries = Object.entries(state?.values ?? {});
  return (
    <div>
      {entries.length === 0 && <p className="muted">Nothing recorded yet.</p>}
      {entries.length > 0 && (
        <table className="section-values">
          <thead><tr><th>Field</th><th>Value</th><th>Source</th></tr></thead>
          <tbody>
            {entries.map(([field, value]) => {
              const src = state?.sources[field];
              return (
                <tr key={field}>
                  <th scope="row">{field}</th>
                  <td>{show(value)}</td>
                  <td className="muted">
                    {src?.taskId ? <Link to={`/tasks/${encodeURIComponent(src.taskId)}`}>{src.formId} v{src.formVersion}</Link> : src ? `amended by ${src.by}` : ''}
                    {src && ` · ${new Date(src.at).toLocaleDateString('en-GB')}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {writable && <AmendForm caseId={caseId} section={section} onChanged={onChanged} />}
    </div>
  );
}

function AmendForm({ caseId, section, onChanged }: Omit<SectionViewProps, 'state' | 'writable'>) {
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      onChanged(await casesApi.amend(caseId, section, { [field]: value || null }, reason));
      setField(''); setValue(''); setReason('');
      setMessage('Saved. The previous value is kept in the history.');
    } catch (err) {
      setErrors((err as { errors?: Record<string, string> }).errors ?? {});
      setMessage((err as Error).message);
    }
  };
  return (
    <form className="amend-form" onSubmit={submit} aria-label={`Correct a ${section} value`}>
      <h3>Correct or add a value</h3>
      <label>Field<input value={field} onChange={(e) => setField(e.target.value)} required /></label>
      {errors[field] && <span className="field-error">{errors[field]}</span>}
      <label>New value (empty clears it)<input value={value} onChange={(e) => setValue(e.target.value)} /></label>
      <label>Reason for the change<input value={reason} onChange={(e) => setReason(e.target.value)} required /></label>
      {errors.reason && <span className="field-error">{errors.reason}</span>}
      <button type="submit">Save change</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
