// Change one retention rule with a reason. The server checks again and refuses a rule that would clash
// with another (the clash is named in the message) or contradict itself.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../auth';
import { retentionApi, type RetentionRuleDto, type RetentionScheduleDto, type RuleTermsBody } from './retention-api';

interface Props { rule: RetentionRuleDto; onSaved(next: RetentionScheduleDto): void; onCancel(): void }

export function RetentionRuleEditForm({ rule, onSaved, onCancel }: Props) {
  const [basis, setBasis] = useState<RuleTermsBody['basis']>(rule.basis);
  const [years, setYears] = useState(String(rule.years));
  const [basic, setBasic] = useState(rule.basicRecordAfterYears === undefined ? '' : String(rule.basicRecordAfterYears));
  const [round, setRound] = useState(rule.roundToFinancialYearEnd);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = (f: string) => `rr-${rule.id}-${f}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    try {
      onSaved(await retentionApi.changeRule(rule.id, {
        basis, years: Number(years), basicRecordAfterYears: basic === '' ? null : Number(basic), roundToFinancialYearEnd: round, reason,
      }));
    } catch (err) {
      const fields = err instanceof ApiError ? err.errors : {};
      setErrors({ ...fields, form: (err as Error).message });
    }
  }
  const error = (f: string) => (errors[f] ? <p className="govuk-error-message" role="alert">{errors[f]}</p> : null);

  return (
    <form onSubmit={submit} aria-label={`Change ${rule.label}`}>
      {error('form')}
      <label htmlFor={id('basis')}>Counts from</label>
      <select id={id('basis')} value={basis} onChange={(e) => setBasis(e.target.value as RuleTermsBody['basis'])}>
        <option value="DOB">Date of birth (DOB)</option>
        <option value="CASE">Closure of the case (CASE)</option>
        <option value="ACTION">Last activity on the case (ACTION)</option>
      </select>
      {error('basis')}
      <label htmlFor={id('years')}>Delete after (years)</label>
      <input id={id('years')} type="number" min={1} step={1} value={years} onChange={(e) => setYears(e.target.value)} />
      {error('years')}
      <label htmlFor={id('basic')}>Reduce to a basic record after (years, optional)</label>
      <input id={id('basic')} type="number" min={1} step={1} value={basic} onChange={(e) => setBasic(e.target.value)} />
      {error('basicRecordAfterYears')}
      <label><input type="checkbox" checked={round} onChange={(e) => setRound(e.target.checked)} /> Round to the end of the financial year (31 March)</label>
      <label htmlFor={id('reason')}>Reason for the change (kept in the history)</label>
      <textarea id={id('reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      {error('reason')}
      <button type="submit">Save change</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}
