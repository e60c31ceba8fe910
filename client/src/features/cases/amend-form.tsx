// The small form that corrects a value of a case section, amends one item of a collection or adds an
// item, always with a reason (the amendment history is read by the DPO and inspectors).
import { useState, type FormEvent } from 'react';
import { casesApi, type CaseDto } from './cases-api';

interface AmendFormProps {
  caseId: string;
  section: string;
  onChanged(next: CaseDto): void;
  target?: AmendTarget;
}

/** What an amendment form changes: a flat value of the section, one item, or a new item of a collection. */
export type AmendTarget = { collection: string; itemId?: string; title: string };

export function AmendForm({ caseId, section, onChanged, target }: AmendFormProps) {
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    try {
      const changes = { [field]: value || null };
      onChanged(target
        ? await casesApi.amendItem(caseId, section, target.collection, target.itemId, changes, reason)
        : await casesApi.amend(caseId, section, changes, reason));
      setField(''); setValue(''); setReason('');
      setMessage('Saved. The previous value is kept in the history.');
    } catch (err) {
      setErrors((err as { errors?: Record<string, string> }).errors ?? {});
      setMessage((err as Error).message);
    }
  };
  const heading = target ? target.title : 'Correct or add a value';
  return (
    <form className="amend-form" onSubmit={submit} aria-label={target ? target.title : `Correct a ${section} value`}>
      <h3>{heading}</h3>
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
