// "Correct a value": pick a known field of the section (or of the collection's items) by its label, enter
// the new value in an input of the field's type — a date input for dates, a list of the options, a number,
// Yes/No — checked by the same rules as the form that asks for it (forms-core's yup compiler), and give a
// reason (the amendment history is read by the DPO and inspectors). Problems appear in a GOV.UK error
// summary linking to the field, which takes focus.
import { useId, useState, type FormEvent } from 'react';
import { validateSubmission } from '../../../../server/src/forms-core';
import { ErrorSummary } from '../sar/error-summary';
import { casesApi, type CaseDto, type CatalogueFieldDto } from './cases-api';
import { TypedInput, toValue } from './typed-input';

interface AmendFormProps {
  caseId: string;
  section: string;
  /** The fields that may be corrected here, with their labels, types and options. */
  fields: CatalogueFieldDto[];
  onChanged(next: CaseDto): void;
  target?: AmendTarget;
}

/** What an amendment form changes: a flat value of the section, one item, or a new item of a collection. */
export type AmendTarget = { collection: string; itemId?: string; title: string };

export function AmendForm({ caseId, section, fields, onChanged, target }: AmendFormProps) {
  const id = useId().replace(/:/g, '');
  const [key, setKey] = useState('');
  const [raw, setRaw] = useState<string | string[]>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const field = fields.find((f) => f.key === key);
  const ids = { field: `${id}-field`, value: `${id}-value`, reason: `${id}-reason` };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(undefined);
    const found: Record<string, string> = {};
    if (!field) found.field = 'Choose the value to correct';
    if (!reason.trim()) found.reason = 'Give the reason for the change';
    const value = field ? toValue(field, raw) : undefined;
    if (field) {
      const checked = validateSubmission({ id: 'correction', components: [field.component] }, value === undefined ? {} : { [field.key]: value });
      if (!checked.ok) found.value = Object.values(checked.errors)[0] ?? 'Enter a valid value';
    }
    setErrors(found);
    setMessage(undefined);
    if (Object.keys(found).length || !field) return;
    try {
      const changes = { [field.key]: value ?? null };
      onChanged(target
        ? await casesApi.amendItem(caseId, section, target.collection, target.itemId, changes, reason.trim())
        : await casesApi.amend(caseId, section, changes, reason.trim()));
      setKey(''); setRaw(''); setReason('');
      setSaved(`${field.label} saved. The previous value is kept in the history.`);
    } catch (err) {
      const server = (err as { errors?: Record<string, string> }).errors ?? {};
      setErrors(Object.fromEntries(Object.entries(server).map(([k, v]) => [k === 'reason' ? 'reason' : 'value', v])));
      setMessage((err as Error).message);
    }
  };

  const heading = target ? target.title : 'Correct a value';
  if (!fields.length) return null;
  return (
    <form className="amend-form" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <ErrorSummary message={message} errors={errors} idOf={(f) => ids[f as keyof typeof ids] ?? ids.value} />
      <div className={`govuk-form-group${errors.field ? ' govuk-form-group--error' : ''}`}>
        <label htmlFor={ids.field}>Value to correct</label>
        {errors.field && <p className="govuk-error-message" id={`${ids.field}-error`}>{errors.field}</p>}
        <select id={ids.field} value={key} onChange={(e) => { setKey(e.target.value); setRaw(''); }} aria-describedby={errors.field ? `${ids.field}-error` : undefined}>
          <option value="">Choose…</option>
          {fields.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
        </select>
      </div>
      {field && <TypedInput id={ids.value} field={field} value={raw} onChange={setRaw} error={errors.value} />}
      <div className={`govuk-form-group${errors.reason ? ' govuk-form-group--error' : ''}`}>
        <label htmlFor={ids.reason}>Reason for the change</label>
        {errors.reason && <p className="govuk-error-message" id={`${ids.reason}-error`}>{errors.reason}</p>}
        <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} aria-describedby={errors.reason ? `${ids.reason}-error` : undefined} />
      </div>
      <button type="submit">Save the correction</button>
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}
