// What a permitted reader can do to one instance: retry an incident, send a message (e.g. a court
// outcome), cancel with a reason. Each answers with the server's message when refused.
import { useState, type FormEvent } from 'react';
import { monitorApi, type Incident } from './monitor-api';

function useAction(): [string | undefined, boolean, (work: () => Promise<unknown>, done: () => void) => Promise<void>] {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      done();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return [error, busy, run];
}

export function IncidentList({ incidents, canResolve, onChanged }: { incidents: Incident[]; canResolve: boolean; onChanged(): void }) {
  const [error, busy, run] = useAction();
  return (
    <section aria-labelledby="incidents-title">
      <h2 id="incidents-title">Incidents</h2>
      {error ? <p role="alert">{error}</p> : null}
      {incidents.length ? (
        <ul>
          {incidents.map((i) => (
            <li key={i.id} data-testid="incident">
              <strong>{i.elementId}</strong> ({i.type}, {i.state}): {i.message}{' '}
              {canResolve && i.state === 'open' ? (
                <button type="button" disabled={busy} onClick={() => void run(() => monitorApi.resolve(i.id), onChanged)}>Retry</button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : <p className="muted">None.</p>}
    </section>
  );
}

export function CancelForm({ instanceKey, onCancelled }: { instanceKey: string; onCancelled(): void }) {
  const [reason, setReason] = useState('');
  const [error, busy, run] = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => monitorApi.cancel(instanceKey, reason), onCancelled);
  };
  return (
    <form className="monitor-form" onSubmit={submit} aria-labelledby="cancel-title">
      <h2 id="cancel-title">Cancel this instance</h2>
      <label>Reason (kept in the audit trail)<textarea required value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" disabled={busy || !reason.trim()}>Cancel instance</button>
    </form>
  );
}

export function MessageForm({ onSent }: { onSent(): void }) {
  const [name, setName] = useState('');
  const [correlationKey, setKey] = useState('');
  const [vars, setVars] = useState('{}');
  const [result, setResult] = useState<string>();
  const [error, busy, run] = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let variables: Record<string, unknown>;
    try {
      variables = JSON.parse(vars || '{}');
    } catch {
      setResult('Variables must be a JSON object, e.g. {"outcome": "referral order"}');
      return;
    }
    void run(async () => {
      const r = await monitorApi.message({ name, correlationKey, variables });
      setResult(r.correlated ? 'Delivered to a waiting instance.' : 'Nothing was waiting for this message.');
    }, onSent);
  };
  return (
    <form className="monitor-form" onSubmit={submit} aria-labelledby="message-title">
      <h2 id="message-title">Send a message</h2>
      <label>Message name<input required value={name} onChange={(e) => setName(e.target.value)} placeholder="court-outcome" /></label>
      <label>Correlation key<input required value={correlationKey} onChange={(e) => setKey(e.target.value)} /></label>
      <label>Variables (JSON)<textarea value={vars} onChange={(e) => setVars(e.target.value)} /></label>
      {error ? <p role="alert">{error}</p> : null}
      {result ? <p role="status">{result}</p> : null}
      <button type="submit" disabled={busy}>Send message</button>
    </form>
  );
}
