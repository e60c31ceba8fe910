// Make or change a data sharing agreement: partner, kind of recipient, purpose, the case sections it allows,
// lawful basis, first and last day, the council's reference; a change also asks why. GOV.UK error summary
// linked to the fields; the server repeats every check and its field errors land beside the same fields.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../auth/api-fetch';
import { ErrorSummary } from '../sar/error-summary';
import { fieldGroup } from './field-group';
import type { AgreementTermsRequest } from '../../../../server/src/http/openapi/api-types';
import type { AgreementDto, AgreementTermsDto, AgreementsDto } from './sharing-api';

const idOf = (field: string) => `dsa-${field}`;
const blank: AgreementTermsDto = { partner: '', recipientKind: '', purpose: '', sections: [], lawfulBasis: '', startDate: '', endDate: '', reference: '' };

export function AgreementForm({ choices, editing, onSave }: {
  choices: AgreementsDto['choices'];
  editing?: AgreementDto;
  onSave(terms: AgreementTermsRequest, reason: string): Promise<void>;
}) {
  const [v, setV] = useState<AgreementTermsDto>(editing ? { ...blank, ...editing } : blank);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const set = (k: keyof AgreementTermsDto, value: string) => setV({ ...v, [k]: value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!v.partner.trim()) found.partner = 'Enter the partner’s name';
    if (!v.recipientKind) found.recipientKind = 'Choose the kind of recipient';
    if (!v.purpose.trim()) found.purpose = 'Enter the purpose of the sharing';
    if (!v.sections.length) found.sections = 'Choose at least one section the partner may receive';
    if (!v.lawfulBasis) found.lawfulBasis = 'Choose the lawful basis';
    if (!v.startDate) found.startDate = 'Enter the first day of the agreement';
    if (!v.endDate) found.endDate = 'Enter the last day of the agreement';
    else if (v.startDate && v.endDate < v.startDate) found.endDate = 'The last day must be the same as or after the first day';
    if (editing && !reason.trim()) found.reason = 'Say why the agreement is changing';
    setErrors(found);
    setMessage(Object.keys(found).length ? 'Some details need correcting' : undefined);
    if (Object.keys(found).length) return;
    try {
      const { reference, ...rest } = v;
      // Both choices are made (checked above), from the server's own lists of them.
      await onSave({ ...rest, ...(reference?.trim() ? { reference: reference.trim() } : {}) } as AgreementTermsRequest, reason);
    } catch (err) {
      setMessage((err as Error).message);
      setErrors(err instanceof ApiError ? err.errors : {});
    }
  }

  const group = fieldGroup(errors, idOf);
  const text = (field: keyof AgreementTermsDto, label: string, type = 'text', className = 'govuk-input') => group(field, <>
    <label className="govuk-label govuk-label--s" htmlFor={idOf(field)}>{label}</label>
    <input className={className} id={idOf(field)} type={type} value={String(v[field] ?? '')} onChange={(e) => set(field, e.target.value)} />
  </>);
  const select = (field: 'recipientKind' | 'lawfulBasis', label: string, options: { key: string; label: string }[]) => group(field, <>
    <label className="govuk-label govuk-label--s" htmlFor={idOf(field)}>{label}</label>
    <select className="govuk-select" id={idOf(field)} value={v[field]} onChange={(e) => set(field, e.target.value)}>
      <option value="">Choose</option>
      {options.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
    </select>
  </>);

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary message={message} errors={errors} idOf={idOf} />
      {text('partner', 'Partner')}
      {select('recipientKind', 'Kind of recipient', choices.recipientKinds)}
      {group('purpose', <>
        <label className="govuk-label govuk-label--s" htmlFor={idOf('purpose')}>Purpose</label>
        <textarea className="govuk-textarea" id={idOf('purpose')} rows={3} value={v.purpose} onChange={(e) => set('purpose', e.target.value)} />
      </>)}
      {group('sections', (
        <fieldset className="govuk-fieldset" id={idOf('sections')}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Case sections the partner may receive</legend>
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {choices.sections.map((s) => (
              <div className="govuk-checkboxes__item" key={s.key}>
                <input className="govuk-checkboxes__input" id={idOf(`section-${s.key}`)} type="checkbox" checked={v.sections.includes(s.key)}
                  onChange={() => setV({ ...v, sections: v.sections.includes(s.key) ? v.sections.filter((x) => x !== s.key) : [...v.sections, s.key] })} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={idOf(`section-${s.key}`)}>{s.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      {select('lawfulBasis', 'Lawful basis', choices.lawfulBases)}
      {text('startDate', 'First day', 'date', 'govuk-input govuk-input--width-10')}
      {text('endDate', 'Last day', 'date', 'govuk-input govuk-input--width-10')}
      {text('reference', 'The council’s reference (optional)', 'text', 'govuk-input govuk-input--width-20')}
      {editing ? group('reason', <>
        <label className="govuk-label govuk-label--s" htmlFor={idOf('reason')}>Why is it changing?</label>
        <input className="govuk-input" id={idOf('reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </>) : null}
      <button type="submit" className="govuk-button">{editing ? 'Save the change' : 'Make the agreement'}</button>
    </form>
  );
}
