// When the request's records were gathered, and the DPO's "Gather again" with its confirmation. Gathering
// again rebuilds the snapshot from the cases (new information arrived before approval): decisions on items
// that still exist are kept, new items need a decision. Not offered once the response is approved or
// exported, or the gathered copy was deleted — the server refuses then too, with the reason.
import { useState } from 'react';
import { ApiError } from '../auth/api-fetch';
import { formatDateTime } from '../../shell/format';
import { sarApi, type SarReviewDto } from './sar-api';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function SarGathered({ review, onGathered }: { review: SarReviewDto; onGathered: (status: string) => Promise<void> }) {
  const { request, gathered } = review;
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (request.erased) return <p>The person&apos;s records were erased on {formatDateTime(request.erased)}: this request keeps its reference and dates only.</p>;
  // A request that passed gathering before snapshots existed has none: the DPO gathers it the first time.
  const pastGathering = request.activeSteps.some((s) => ['gatherRecords', 'reviewRedactions', 'approveDisclosure'].includes(s));
  const canGather = request.state === 'active' && !request.approved && !gathered?.frozenAt && !gathered?.droppedAt && (!!gathered || pastGathering);
  async function gatherAgain() {
    setBusy(true);
    try {
      const r = await sarApi.gatherAgain(request.key, reason);
      setConfirming(false); setReason(''); setError(undefined);
      await onGathered(`Gathered again: ${plural(r.gathered.newItems, 'new item')} to decide, ${plural(r.decisionsKept, 'decision')} kept${r.decisionsDropped ? `, ${plural(r.decisionsDropped, 'decision')} on items no longer held removed` : ''}`);
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.errors)[0] ?? err.message) : (err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const confirmation = canGather && confirming ? (
    <div className="sar-confirm" role="group" aria-labelledby="sar-gather-again-heading">
      <h3 id="sar-gather-again-heading">Gather the records again?</h3>
      <p>Every case is searched again and this list is replaced. Decisions on items that are still held are kept; items new since {gathered ? formatDateTime(gathered.at) : 'then'} will need a decision. This is recorded in the audit log.</p>
      {error ? <p className="govuk-error-message" role="alert">{error}</p> : null}
      <label htmlFor="sar-gather-again-reason">Why are you gathering again?</label>
      <input id="sar-gather-again-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      <p>
        <button type="button" onClick={() => void gatherAgain()} disabled={busy}>Yes, gather again</button>{' '}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setConfirming(false); setError(undefined); }}>Cancel</button>
      </p>
    </div>
  ) : null;
  const offer = canGather && !confirming ? <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(true)}>Gather again</button> : null;

  if (!gathered) {
    return (
      <div className="sar-gathered">
        <p>Not gathered yet: the records are gathered once, when the request reaches gathering (after the requester&apos;s identity is checked).</p>
        {offer}{confirmation}
      </div>
    );
  }
  return (
    <div className="sar-gathered">
      <p><strong>Gathered {formatDateTime(gathered.at)}</strong> — {gathered.by}. {plural(gathered.itemCount, 'item')}.
        {gathered.previousAt ? ` Gathered before on ${formatDateTime(gathered.previousAt)}.` : ''}</p>
      {gathered.droppedAt ? <p>The gathered copy was deleted on {formatDateTime(gathered.droppedAt)} ({gathered.droppedBecause}). What was disclosed or withheld is kept.</p> : null}
      {gathered.frozenAt ? <p>Frozen on {formatDateTime(gathered.frozenAt)}: the response was exported, so this is what is sent.</p> : null}
      {!gathered.frozenAt && request.approved ? <p>Frozen: the disclosure was approved, so this is what is sent.</p> : null}
      {offer}{confirmation}
    </div>
  );
}
