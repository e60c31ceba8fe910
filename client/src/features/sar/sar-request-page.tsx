// One subject access request: where it is and when it is due, when its records were gathered (with "Gather
// again"), the records found (third-party appearances flagged), every item gathered with the system's
// proposal, the DPO's decision per item with a reason (items new since the last gather need one), and the
// export once the disclosure is approved. Everything shown comes from the request's gathered snapshot.
// Approving, extending and closing are tasks of the request's process (the DPO's task queue).
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../auth/api-fetch';
import { formatDate } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { ErrorSummary } from './error-summary';
import { SarGathered } from './sar-gathered';
import { ROLE_WORDS, sarApi, STEP_WORDS, type SarItemDto, type SarReviewDto } from './sar-api';
import { SarDocumentLink } from '../cases/case-documents-sar-link';

type Draft = Record<string, { decision?: 'disclose' | 'withhold'; reason: string }>;
const idOf = (itemId: string) => `decision-${itemId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function ValueView({ value }: { value: unknown }) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return <dl className="sar-value">{Object.entries(value as Record<string, unknown>).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '—')}</dd></div>)}</dl>;
  }
  if (Array.isArray(value)) return <>{value.map((v, i) => <ValueView key={i} value={v} />)}</>;
  return <p className="sar-value">{String(value ?? '—')}</p>;
}

export function SarRequestPage() {
  const { key = '' } = useParams();
  const [review, setReview] = useState<SarReviewDto>();
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [status, setStatus] = useState<string>();
  const load = useCallback(() => sarApi.review(key).then(setReview, (e: Error) => setMessage(e.message)), [key]);
  useEffect(() => { void load(); }, [load]);
  if (!review) return <section><h1>Subject access request</h1>{message ? <p role="alert">{message}</p> : <p>Loading…</p>}</section>;

  const { request, matches, items } = review;
  const forReview = items.filter((i) => i.proposal.decision === 'review' || i.isNew);
  const change = (i: SarItemDto, patch: Partial<Draft[string]>) => setDraft({ ...draft, [i.id]: { ...(draft[i.id] ?? { reason: '' }), ...patch } });

  async function save() {
    const decisions = Object.entries(draft).filter(([, d]) => d.decision).map(([itemId, d]) => ({ itemId, decision: d.decision!, reason: d.reason }));
    if (!decisions.length) { setErrors({}); setMessage('Choose disclose or withhold for at least one item'); return; }
    try {
      await sarApi.decide(key, decisions);
      setErrors({}); setMessage(undefined); setDraft({}); setStatus(`${decisions.length} decision${decisions.length === 1 ? '' : 's'} saved`);
      await load();
    } catch (err) {
      setErrors(err instanceof ApiError ? err.errors : {}); setMessage((err as Error).message);
    }
  }

  return (
    <section className="sar">
      <p><Link to="..">All subject access requests</Link></p>
      <h1>Subject access request: {request.subject.givenName} {request.subject.familyName}</h1>
      <ErrorSummary message={message} errors={errors} idOf={idOf} />
      {status ? <p role="status">{status}</p> : null}
      <dl className="sar-summary">
        <div><dt>Received</dt><dd>{formatDate(request.receivedOn)}{request.requesterName ? ` from ${request.requesterName}` : ''}</dd></div>
        <div><dt>Response due</dt><dd>{request.due ? formatDate(request.due) : 'Not yet counted'}{request.extended ? ' (extended)' : ''}</dd></div>
        {request.extensionProblem ? <div><dt>Extension not applied</dt><dd>{request.extensionProblem}</dd></div> : null}
        <div><dt>Where it is</dt><dd>{request.state === 'active' ? request.activeSteps.map((a) => STEP_WORDS[a] ?? a).join(', ') : 'Closed'} — the steps are tasks in your task queue</dd></div>
      </dl>

      <h2>Records gathered</h2>
      <SarGathered review={review} onGathered={async (text) => { setStatus(text); setDraft({}); await load(); }} />

      <h2>Records found</h2>
      {!review.gathered ? <p>Nothing yet: see above.</p> : review.noDataHeld ? <p>No data held: no record mentions this person. The response will say so.</p> : (
        <ScrollRegion label="Records found"><table>
          <thead><tr><th>Case</th><th>How they appear</th><th>Why it matched</th><th>Check</th></tr></thead>
          <tbody>{matches.map((m) => (
            <tr key={`${m.caseId}-${m.role}`}><td>{m.displayName ? `${m.displayName} (${m.caseId})` : m.caseId}</td><td>{ROLE_WORDS[m.role]}</td><td>{m.reasons.join(', ')}</td><td>{m.flaggedForReview ? 'Check this is the same person' : 'Matched'}</td></tr>
          ))}</tbody>
        </table></ScrollRegion>
      )}

      {forReview.length > 0 && (
        <>
          <h2>Redaction decisions ({forReview.length} to decide)</h2>
          <p>Information about other people is withheld unless they agreed or it is reasonable to disclose it. Items new since the last gather need a decision too. Decide each item and say why. Items without a decision are withheld.</p>
          {forReview.map((i) => (
            <fieldset key={i.id} id={idOf(i.id)} className={errors[i.id] ? 'govuk-form-group--error' : undefined}>
              <legend>{i.label}</legend>
              {i.isNew ? <p className="sar-new"><strong>New since the last gather: needs a decision</strong></p> : null}
              <p className="govuk-hint">{i.source}. {i.proposal.reason}. Now: {i.decision === 'disclose' ? 'disclosed' : 'withheld'}{i.decidedByDpo ? ` (${i.reason})` : ''}</p>
              {errors[i.id] ? <p className="govuk-error-message">{errors[i.id]}</p> : null}
              <ValueView value={i.value} />
              {i.kind === 'document' ? <SarDocumentLink sarKey={key} itemId={i.id} name={(i.value as Record<string, unknown>)?.Name} /> : null}
              {(['disclose', 'withhold'] as const).map((d) => (
                <label key={d} className="sar-choice">
                  <input type="radio" name={idOf(i.id)} checked={draft[i.id]?.decision === d} onChange={() => change(i, { decision: d })} /> {d === 'disclose' ? 'Disclose' : 'Withhold'}
                </label>
              ))}
              <label htmlFor={`${idOf(i.id)}-reason`}>Reason</label>
              <input id={`${idOf(i.id)}-reason`} value={draft[i.id]?.reason ?? ''} onChange={(e) => change(i, { reason: e.target.value })} maxLength={1000} />
            </fieldset>
          ))}
          <button type="button" onClick={() => void save()} disabled={request.approved}>Save decisions</button>
        </>
      )}

      <h2>Export</h2>
      {request.approved
        ? <p><a className="govuk-button" href={sarApi.exportUrl(key)} download>Download the response (ZIP: JSON, printable HTML and PDF)</a></p>
        : <p>The export can be downloaded once the disclosure is approved (the &quot;Approve the disclosure&quot; task).</p>}

      <h2>Everything gathered ({items.length} items)</h2>
      <details><summary>Show every item</summary>
        <ul className="sar-items">{items.map((i) => <li key={i.id}><strong>{i.label}</strong> — {i.decision === 'disclose' ? 'disclosed' : `withheld: ${i.reason}`}</li>)}</ul>
      </details>
    </section>
  );
}
