// Mail received by the embedded SMTP catcher (shown only when the server runs without SMTP_URL).
import { escalationApi } from '../escalation/escalation-api';
import { useLoad } from '../escalation/use-load';

export function CaughtMailList() {
  const [caught, reload] = useLoad(() => escalationApi.caughtMail(), 'caught');
  if (caught.state === 'error') return null; // real SMTP configured (or not an admin): nothing caught here
  return (
    <section aria-labelledby="caught-heading">
      <h2 id="caught-heading">Caught by the built-in mail server</h2>
      <p>No SMTP_URL is set, so these emails stayed on this machine. <button type="button" onClick={reload}>Refresh</button></p>
      {caught.state === 'loading' ? <p role="status">Loading…</p> : caught.data.items.length === 0 ? <p>No email yet.</p> : (
        <ul className="caught-mail">
          {caught.data.items.map((m) => (
            <li key={m.id}>
              <details>
                <summary>{new Date(m.receivedAt).toLocaleString('en-GB')} — to {m.to.join(', ')}: {m.subject}</summary>
                <pre className="outbox-text">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
