// Legal holds: place one on a case, on a person (every case of that person) or on everything, with a
// reason and an optional end date; lift one with a reason. Both are audited on the server.
import { useEffect, useState, type FormEvent } from 'react';
import { retentionApi, SCOPE_WORDS, type HoldScope, type LegalHoldDto } from './retention-api';
import { ScrollRegion } from '../../shell/scroll-region';

export function LegalHoldsPanel() {
  const [holds, setHolds] = useState<LegalHoldDto[]>([]);
  const [scope, setScope] = useState<HoldScope>('case');
  const [caseId, setCaseId] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [message, setMessage] = useState<string>();
  const reload = () => retentionApi.holds().then(setHolds, (e: Error) => setMessage(e.message));
  useEffect(() => { void reload(); }, []);

  async function place(e: FormEvent) {
    e.preventDefault();
    try {
      await retentionApi.placeHold({ scope, ...(scope === 'all' ? {} : { caseId }), reason, ...(until ? { until } : {}) });
      setMessage('Hold placed'); setReason(''); setCaseId(''); setUntil('');
      await reload();
    } catch (err) { setMessage((err as Error).message); }
  }
  async function lift(h: LegalHoldDto) {
    const why = window.prompt('Why is the hold lifted?');
    if (!why) return;
    try { await retentionApi.liftHold(h.id, why); setMessage('Hold lifted'); await reload(); } catch (err) { setMessage((err as Error).message); }
  }

  return (
    <section aria-labelledby="holds-heading">
      <h2 id="holds-heading">Legal holds</h2>
      <p>A held record is never deleted, whatever the retention schedule says.</p>
      {message && <p role="status">{message}</p>}
      <ScrollRegion label="Legal holds"><table>
        <thead><tr><th>Holds</th><th>Reason</th><th>Placed by</th><th>Since</th><th>Until</th><th>State</th><th /></tr></thead>
        <tbody>
          {holds.map((h) => (
            <tr key={h.id}>
              <td>{SCOPE_WORDS[h.scope]}{h.caseId ? `: ${h.caseId}` : h.personCaseId ? `: the person of case ${h.personCaseId}` : ''}</td>
              <td>{h.reason}</td><td>{h.placedBy}</td><td>{h.since.slice(0, 10)}</td><td>{h.until ?? 'Until lifted'}</td>
              <td>{h.liftedAt ? `Lifted ${h.liftedAt.slice(0, 10)} by ${h.liftedBy}: ${h.liftReason}` : 'In force'}</td>
              <td>{!h.liftedAt && <button type="button" onClick={() => void lift(h)}>Lift</button>}</td>
            </tr>
          ))}
        </tbody>
      </table></ScrollRegion>
      <form onSubmit={place} aria-label="Place a legal hold">
        <label htmlFor="hold-scope">What to hold</label>
        <select id="hold-scope" value={scope} onChange={(e) => setScope(e.target.value as HoldScope)}>
          {Object.entries(SCOPE_WORDS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
        {scope !== 'all' && (<><label htmlFor="hold-case">Case reference</label><input id="hold-case" value={caseId} onChange={(e) => setCaseId(e.target.value)} /></>)}
        <label htmlFor="hold-reason">Reason</label>
        <textarea id="hold-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
        <label htmlFor="hold-until">Until (optional)</label>
        <input id="hold-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        <button type="submit">Place hold</button>
      </form>
    </section>
  );
}
