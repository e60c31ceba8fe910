// Admins' view of escalation email: what was sent, what waits (with retries and backoff), the dead
// letters (retry button), and — when no SMTP_URL is set — the mail the embedded catcher received, so an
// evaluator sees exactly what would have gone out.
import { useState } from 'react';
import { escalationApi, type OutboxEntryDto } from '../escalation/escalation-api';
import { useLoad } from '../escalation/use-load';
import { CaughtMailList } from './caught-mail-list';
import { ScrollRegion } from '../../shell/scroll-region';

const STATES = ['', 'pending', 'held', 'sending', 'retry', 'sent', 'dead', 'cancelled', 'digested'];
const when = (iso?: string) => (iso ? new Date(iso).toLocaleString('en-GB') : '');

function EntryRow({ entry, onRetry }: { entry: OutboxEntryDto; onRetry(id: string): void }) {
  return (
    <tr data-state={entry.state}>
      <td>{entry.state}{entry.cancelReason ? ` (${entry.cancelReason})` : ''}</td>
      <td>{entry.kind === 'notice' ? entry.level : entry.kind}</td>
      <td>
        {entry.to}
        {entry.fallbackReason ? <div className="outbox-fallback" data-testid="outbox-fallback">fallback recipient: {entry.fallbackReason}</div> : null}
      </td>
      <td>
        <details>
          <summary>{entry.subject}</summary>
          <pre className="outbox-text">{entry.text}</pre>
        </details>
      </td>
      <td>{entry.attempts}/{entry.maxAttempts}{entry.lastError ? <span className="govuk-error-message"> {entry.lastError}</span> : null}</td>
      <td>{entry.sentAt ? `sent ${when(entry.sentAt)}` : entry.state === 'retry' ? `next try ${when(entry.nextAttemptAt)}` : when(entry.createdAt)}</td>
      <td>{entry.state === 'dead' ? <button type="button" onClick={() => onRetry(entry.id)}>Send again</button> : null}</td>
    </tr>
  );
}

export function OutboxPage() {
  const [state, setState] = useState('');
  const [offset, setOffset] = useState(0);
  const limit = 50;
  const [page, reload] = useLoad(() => escalationApi.outbox({ state: state || undefined, offset, limit }), `${state}:${offset}`);
  const [message, setMessage] = useState('');

  const retry = async (id: string) => {
    try {
      await escalationApi.retry(id);
      setMessage('Queued to send again.');
      reload();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  return (
    <section className="outbox-page">
      <h1>Outbox</h1>
      <p>
        <label htmlFor="outbox-state">Show</label>{' '}
        <select id="outbox-state" value={state} onChange={(e) => { setState(e.target.value); setOffset(0); }}>
          {STATES.map((s) => <option key={s} value={s}>{s ? (s === 'dead' ? 'dead letters' : s) : 'everything'}</option>)}
        </select>{' '}
        <button type="button" onClick={reload}>Refresh</button>
      </p>
      {message ? <p role="status">{message}</p> : null}
      {page.state === 'loading' ? <p role="status">Loading the outbox…</p> : null}
      {page.state === 'error' ? <p role="alert" className="govuk-error-message">{page.message}</p> : null}
      {page.state === 'ready' ? (
        <>
          <p data-testid="outbox-counts">{Object.entries(page.data.counts).map(([s, n]) => `${s}: ${n}`).join(' · ') || 'Nothing sent yet.'}</p>
          <ScrollRegion label="Outbox messages"><table className="govuk-table outbox-table">
            <thead><tr><th>State</th><th>Level</th><th>To</th><th>Subject</th><th>Attempts</th><th>When</th><th /></tr></thead>
            <tbody>{page.data.items.map((e) => <EntryRow key={e.id} entry={e} onRetry={(id) => void retry(id)} />)}</tbody>
          </table></ScrollRegion>
          <p>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - limit))}>Newer</button>{' '}
            <button type="button" disabled={offset + limit >= page.data.total} onClick={() => setOffset(offset + limit)}>Older</button>{' '}
            {page.data.total} in total
          </p>
        </>
      ) : null}
      <CaughtMailList />
    </section>
  );
}
