// Event subscriptions (/admin/webhooks): partners' systems told of case events, signed (docs/sharing-and-
// webhooks.md), under a data sharing agreement. A new or rotated secret is shown once, here. Below, the
// deliveries: sent, waiting to be tried again, and failed for good (dead letters), which can be sent again.
import { useState } from 'react';
import { useAsync } from '../forms/use-async';
import { formatDateTime } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { sharingApi, type SubscriptionDto } from './sharing-api';
import { SubscriptionForm } from './subscription-form';

const STATE_WORDS: Record<string, string> = {
  pending: 'Waiting to be sent', sending: 'Being sent', sent: 'Sent', retry: 'Failed, will try again', dead: 'Failed for good', cancelled: 'Not sent',
};
const FILTERS = ['', 'dead', 'retry', 'sent', 'cancelled'];

export function WebhooksPage() {
  const [reload, setReload] = useState(0);
  const [state, setState] = useState('');
  const [subs] = useAsync(() => sharingApi.subscriptions(), [reload]);
  const [deliveries] = useAsync(() => sharingApi.deliveries(state || undefined), [reload, state]);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string }>();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const names = new Map(subs.state === 'ready' ? subs.data.items.map((s) => [s.id, s.name]) : []);
  const eventWords = (key: string) => (subs.state === 'ready' ? subs.data.events.find((e) => e.key === key)?.label : undefined) ?? key;
  const partner = (id: string) => (subs.state === 'ready' ? subs.data.agreements.find((a) => a.id === id)?.partner : undefined) ?? 'an agreement no longer listed';
  const done = (text?: string) => { setNotice(text); setProblem(undefined); setReload((n) => n + 1); };
  const attempt = async (fn: () => Promise<void>) => { try { await fn(); } catch (err) { setProblem((err as Error).message); } };

  const change = (s: SubscriptionDto, body: { active?: boolean; rotateSecret?: true }) => attempt(async () => {
    const r = await sharingApi.changeSubscription(s.id, body);
    if (r.secret) setSecret({ name: s.name, secret: r.secret });
    done(body.active === undefined ? undefined : `${s.name} was switched ${body.active ? 'on' : 'off'}.`);
  });

  return (
    <section className="admin-webhooks">
      <h1 className="govuk-heading-l">Event subscriptions</h1>
      <p className="govuk-body">Partners’ systems, such as children’s social care, are told when something happens to a case. Each event is signed with the subscription’s secret and carries only the sections its data sharing agreement allows.</p>
      {notice ? <div className="govuk-notification-banner govuk-notification-banner--success" role="status"><div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{notice}</p></div></div> : null}
      {problem ? <p role="alert" className="govuk-error-message">{problem}</p> : null}
      {secret ? (
        <div className="govuk-panel govuk-panel--confirmation" role="status" aria-labelledby="secret-title">
          <h2 className="govuk-panel__title" id="secret-title">Secret for {secret.name}</h2>
          <div className="govuk-panel__body">
            <p>Copy it now and give it to the receiving system’s operators securely. It will not be shown again.</p>
            <label className="govuk-label" htmlFor="issued-secret" style={{ color: 'inherit' }}>Secret</label>
            <input className="govuk-input" id="issued-secret" readOnly value={secret.secret} onFocus={(e) => e.target.select()} />
          </div>
        </div>
      ) : null}
      {subs.state === 'loading' ? <p role="status">Loading subscriptions…</p> : null}
      {subs.state === 'error' ? <p role="alert" className="govuk-error-message">{subs.message}</p> : null}
      {subs.state === 'ready' && creating ? (
        <>
          <h2 className="govuk-heading-m">New subscription</h2>
          <SubscriptionForm choices={subs.data} onCreate={async (body) => {
            const r = await sharingApi.subscribe(body);
            setSecret({ name: r.subscription.name, secret: r.secret });
            setCreating(false);
            done();
          }} />
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setCreating(false)}>Cancel</button>
        </>
      ) : <button type="button" className="govuk-button" onClick={() => { setCreating(true); setSecret(undefined); }}>New subscription</button>}
      {subs.state === 'ready' && subs.data.items.length ? (
        <ScrollRegion label="Subscriptions"><table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Subscriptions</caption>
          <thead><tr><th scope="col">System</th><th scope="col">Events</th><th scope="col">Under the agreement with</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {subs.data.items.map((s) => (
              <tr key={s.id}>
                <td>{s.name}<br /><span className="govuk-hint">{s.url}</span>{s.active ? null : <><br /><strong className="govuk-tag govuk-tag--grey">Switched off</strong></>}</td>
                <td><ul className="govuk-list">{s.events.map((e) => <li key={e}>{eventWords(e)}</li>)}</ul></td>
                <td>{partner(s.agreementId)}</td>
                <td>
                  <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void change(s, { active: !s.active })}>{s.active ? 'Switch off' : 'Switch on'}<span className="govuk-visually-hidden"> {s.name}</span></button>{' '}
                  <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void change(s, { rotateSecret: true })}>New secret<span className="govuk-visually-hidden"> for {s.name}</span></button>
                </td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      ) : null}
      {subs.state === 'ready' && !subs.data.items.length ? <p className="govuk-body">No subscriptions yet.</p> : null}

      <h2 className="govuk-heading-m">Deliveries</h2>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="delivery-state">Show</label>
        <select className="govuk-select" id="delivery-state" value={state} onChange={(e) => setState(e.target.value)}>
          {FILTERS.map((f) => <option key={f} value={f}>{f ? STATE_WORDS[f] : 'All deliveries'}</option>)}
        </select>
      </div>
      {deliveries.state === 'ready' ? (
        <p className="govuk-body">{Object.entries(deliveries.data.counts).map(([k, n]) => `${STATE_WORDS[k] ?? k}: ${n}`).join('. ') || 'Nothing has been sent yet.'}</p>
      ) : null}
      {deliveries.state === 'ready' && deliveries.data.items.length ? (
        <ScrollRegion label="Deliveries"><table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Newest first</caption>
          <thead><tr><th scope="col">Event</th><th scope="col">To</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {deliveries.data.items.map((d) => (
              <tr key={d.id}>
                <td>{eventWords(d.eventType)}<br /><span className="govuk-hint">{formatDateTime(d.createdAt)}</span></td>
                <td>{names.get(d.subscriptionId) ?? 'A removed subscription'}</td>
                <td>{STATE_WORDS[d.state] ?? d.state}{d.lastError || d.cancelReason ? <><br /><span className="govuk-hint">{d.cancelReason ?? d.lastError}</span></> : null}</td>
                <td>{d.attempts} of {d.maxAttempts}</td>
                <td>{d.state === 'dead' ? <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void attempt(async () => { await sharingApi.retry(d.id); done('The delivery will be sent again.'); })}>Send again<span className="govuk-visually-hidden"> the {eventWords(d.eventType)} event</span></button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      ) : null}
      {deliveries.state === 'ready' && !deliveries.data.items.length ? <p className="govuk-body">No deliveries to show.</p> : null}
    </section>
  );
}
