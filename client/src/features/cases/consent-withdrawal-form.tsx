// "Record a withdrawal" for one consent that stands (UK GDPR Art 7(3): as easy to withdraw as to give): who
// withdrew it and, optionally, what they said. The server records it, tells the running work and refuses
// new work of that purpose; the page then shows the case as it now is.
import { useState, type FormEvent } from 'react';
import { apiFetch } from '../auth';
import { casesApi, type CaseDto } from './cases-api';
import type { ConsentStandingDto } from './consent-banner';

const WHO: Record<ConsentStandingDto['purpose'], [string, string][]> = {
  'prevention-work': [['child', 'The child'], ['parent-carer', 'Parent or carer'], ['child-and-parent-carer', 'The child and a parent or carer']],
  'restorative-justice': [['victim', 'The victim'], ['victim-parent-guardian', "The victim's parent or guardian"]],
  'agency-sharing': [['child', 'The child'], ['parent-carer', 'Parent or carer'], ['child-and-parent-carer', 'The child and a parent or carer']],
};

export function ConsentWithdrawalForm({ caseId, standing, label, onChanged }: {
  caseId: string; standing: ConsentStandingDto & { recordId: string }; label: string; onChanged(next: CaseDto): void;
}) {
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState(WHO[standing.purpose][0][0]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!open) return <button type="button" onClick={() => setOpen(true)}>Record a withdrawal of consent: {label}</button>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const url = `/api/cases/${encodeURIComponent(caseId)}/consents/${encodeURIComponent(standing.recordId)}/withdrawal`;
      await apiFetch('POST', url, { by, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onChanged(await casesApi.get(caseId));
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <form aria-label={`Withdraw consent: ${label}`} onSubmit={submit}>
      {error && <p role="alert">{error}</p>}
      <label>Withdrawn by
        <select value={by} onChange={(e) => setBy(e.target.value)}>
          {WHO[standing.purpose].map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      </label>
      <label>What they said (optional)
        <textarea value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>Record the withdrawal</button>
      <button type="button" onClick={() => setOpen(false)}>Cancel</button>
    </form>
  );
}
