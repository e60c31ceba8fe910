// "Change allocated worker" on the case page, for a team manager: the team's case managers by name, an
// optional reason, and the server's answer in words (who now holds the case and how many open tasks moved
// to them). The server refuses anyone who is not an active case manager of the case's team (422 beside
// the field). Shown only to those who may change it.
import { useState, type FormEvent } from 'react';
import { ApiError, apiFetch, useSession } from '../auth';
import { useAsync } from '../forms/use-async';
import { ErrorSummary } from '../sar/error-summary';
import { teamName } from '../../shell/format';
import type { AllocationBody, AllocationRequest, ReallocatedBody } from '../../../../server/src/http/openapi/api-types';
import { casesApi, type CaseDto } from './cases-api';

/** The allocation as the API's schema describes it (server/src/http/openapi/case-work-schemas.ts). */
type AllocationDto = AllocationBody;

const enc = encodeURIComponent;
const idOf = (field: string) => `allocation-${field}`;

export function CaseAllocation({ caseId, onChanged }: { caseId: string; onChanged(next: CaseDto): void }) {
  const { can } = useSession();
  const allocates = can('allocate');
  const [version, setVersion] = useState(0);
  const [loaded] = useAsync(() => (allocates ? apiFetch<AllocationDto>('GET', `/api/cases/${enc(caseId)}/allocation`) : Promise.resolve(undefined)), [caseId, version, allocates]);
  const [choice, setChoice] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (loaded.state !== 'ready' || !loaded.data?.mayChange) return null;
  const a = loaded.data;
  const chosen = choice || a.current?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(undefined);
    setDone(undefined);
    if (!chosen) return setErrors({ caseManagerId: 'Choose the case manager who will hold the case' });
    setBusy(true);
    try {
      const r = await apiFetch<ReallocatedBody>('PUT', `/api/cases/${enc(caseId)}/allocation`, { caseManagerId: chosen, ...(reason.trim() ? { reason: reason.trim() } : {}) } satisfies AllocationRequest);
      const moved = r.reassignedTasks === 1 ? '1 open task moved to them' : `${r.reassignedTasks} open tasks moved to them`;
      setDone(`${r.current?.name ?? 'The chosen case manager'} is now the allocated worker; ${moved}.`);
      setReason('');
      setVersion((v) => v + 1);
      onChanged(await casesApi.get(caseId));
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.errors).length) setErrors(err.errors);
      setMessage((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="govuk-details case-allocation" open={Object.keys(errors).length > 0 || undefined}>
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Change allocated worker</span></summary>
      {done ? <p role="status" className="govuk-inset-text case-allocation-done">{done}</p> : null}
      <ErrorSummary message={message} errors={errors} idOf={idOf} />
      <form onSubmit={submit} noValidate className="case-allocation-form">
        <div className={`govuk-form-group${errors.caseManagerId ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor={idOf('caseManagerId')}>Allocated worker</label>
          <span id={`${idOf('caseManagerId')}-hint`} className="govuk-hint">Case managers of {teamName(a.team)}. Their open tasks on this case move to the person you choose.</span>
          {errors.caseManagerId ? <span id={`${idOf('caseManagerId')}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error: </span>{errors.caseManagerId}</span> : null}
          <select className="govuk-select" id={idOf('caseManagerId')} value={chosen} onChange={(e) => setChoice(e.target.value)} aria-invalid={!!errors.caseManagerId}
            aria-describedby={`${idOf('caseManagerId')}-hint${errors.caseManagerId ? ` ${idOf('caseManagerId')}-error` : ''}`}>
            {!a.current ? <option value="">Choose a case manager</option> : null}
            {a.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor={idOf('reason')}>Reason (optional)</label>
          <textarea className="govuk-textarea" id={idOf('reason')} value={reason} maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="govuk-button" disabled={busy}>{busy ? 'Saving…' : 'Save allocated worker'}</button>
      </form>
    </details>
  );
}
