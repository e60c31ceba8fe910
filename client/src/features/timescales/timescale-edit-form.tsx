// Edit one timescale with a reason. The server validates again and answers with field errors as data;
// a duration can change unit between durations, a count or frequency keeps its unit.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../auth';
import { DURATION_UNITS, UNIT_LABELS, timescalesApi, type TimescaleDto, type TimescaleSetDto } from './timescales-api';

interface Props {
  timescale: TimescaleDto;
  onSaved(next: TimescaleSetDto): void;
  onCancel(): void;
}

export function TimescaleEditForm({ timescale, onSaved, onCancel }: Props) {
  const [value, setValue] = useState(String(timescale.value));
  const [unit, setUnit] = useState(timescale.unit);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const isDuration = (DURATION_UNITS as readonly string[]).includes(timescale.unit);
  const units = isDuration ? [...DURATION_UNITS] : [timescale.unit];
  const idFor = (f: string) => `ts-${timescale.id}-${f}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      onSaved(await timescalesApi.update(timescale.id, { value: Number(value), unit, reason }));
    } catch (err) {
      setErrors(err instanceof ApiError && Object.keys(err.errors).length ? err.errors : { form: (err as Error).message });
    } finally {
      setSaving(false);
    }
  }

  const error = (f: string) =>
    errors[f] ? <p className="govuk-error-message" id={idFor(`${f}-error`)} role="alert">{errors[f]}</p> : null;

  return (
    <form onSubmit={submit} aria-label={`Change ${timescale.label}`} className="timescale-edit">
      {error('form')}
      <label htmlFor={idFor('value')}>Value</label>
      <input id={idFor('value')} type="number" min={1} step={1} value={value} onChange={(e) => setValue(e.target.value)}
        aria-invalid={!!errors.value} aria-describedby={errors.value ? idFor('value-error') : undefined} />
      {error('value')}
      <label htmlFor={idFor('unit')}>Unit</label>
      <select id={idFor('unit')} value={unit} onChange={(e) => setUnit(e.target.value as TimescaleDto['unit'])} disabled={!isDuration}
        aria-invalid={!!errors.unit} aria-describedby={errors.unit ? idFor('unit-error') : undefined}>
        {units.map((u) => <option key={u} value={u}>{UNIT_LABELS[u] ?? u}</option>)}
      </select>
      {error('unit')}
      <label htmlFor={idFor('reason')}>Reason for the change (kept in the history)</label>
      <textarea id={idFor('reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000}
        aria-invalid={!!errors.reason} aria-describedby={errors.reason ? idFor('reason-error') : undefined} />
      {error('reason')}
      <p className="govuk-hint">Applies to deadlines calculated from now on; running cases keep the version they started with.</p>
      <button type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save change'}</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
