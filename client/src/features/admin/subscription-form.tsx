// Subscribe a partner's system to events: its name, address, the events, and the agreement it runs under
// (which decides the sections each event carries). GOV.UK error summary; the server repeats every check.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../auth/api-fetch';
import { ErrorSummary } from '../sar/error-summary';
import { fieldGroup } from './field-group';
import type { SubscriptionRequest } from '../../../../server/src/http/openapi/api-types';
import type { SubscriptionsDto } from './sharing-api';

const idOf = (field: string) => `sub-${field}`;

export function SubscriptionForm({ choices, onCreate }: {
  choices: Pick<SubscriptionsDto, 'events' | 'agreements'>;
  onCreate(body: SubscriptionRequest): Promise<void>;
}) {
  const [v, setV] = useState({ name: '', url: '', events: [] as string[], agreementId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const usable = choices.agreements.filter((a) => a.status !== 'ended');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!v.name.trim()) found.name = 'Enter the name of the receiving system';
    if (!/^https?:\/\//.test(v.url.trim())) found.url = 'Enter the full address, starting https://';
    if (!v.events.length) found.events = 'Choose at least one event';
    if (!v.agreementId) found.agreementId = 'Choose the data sharing agreement the events go under';
    setErrors(found);
    setMessage(Object.keys(found).length ? 'Some details need correcting' : undefined);
    if (Object.keys(found).length) return;
    try {
      // The events are chosen from the server's own list of them.
      await onCreate({ ...v, name: v.name.trim(), url: v.url.trim(), events: v.events as SubscriptionRequest['events'] });
    } catch (err) {
      setMessage((err as Error).message);
      setErrors(err instanceof ApiError ? err.errors : {});
    }
  }
  const group = fieldGroup(errors, idOf);

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary message={message} errors={errors} idOf={idOf} />
      {group('name', <><label className="govuk-label govuk-label--s" htmlFor={idOf('name')}>Name of the receiving system</label>
        <input className="govuk-input" id={idOf('name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} /></>)}
      {group('url', <><label className="govuk-label govuk-label--s" htmlFor={idOf('url')}>Address events are sent to</label>
        <div id={`${idOf('url')}-hint`} className="govuk-hint">For example, https://mosaic.example.gov.uk/events</div>
        <input className="govuk-input" id={idOf('url')} type="url" aria-describedby={`${idOf('url')}-hint`} spellCheck={false} value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} /></>)}
      {group('events', (
        <fieldset className="govuk-fieldset" id={idOf('events')}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Events</legend>
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {choices.events.map((ev) => (
              <div className="govuk-checkboxes__item" key={ev.key}>
                <input className="govuk-checkboxes__input" id={idOf(`event-${ev.key.replace('.', '-')}`)} type="checkbox" checked={v.events.includes(ev.key)}
                  onChange={() => setV({ ...v, events: v.events.includes(ev.key) ? v.events.filter((x) => x !== ev.key) : [...v.events, ev.key] })} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={idOf(`event-${ev.key.replace('.', '-')}`)}>{ev.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      {group('agreementId', <><label className="govuk-label govuk-label--s" htmlFor={idOf('agreementId')}>Data sharing agreement</label>
        <div id={`${idOf('agreementId')}-hint`} className="govuk-hint">Events carry only the sections it allows, and stop when it ends.</div>
        <select className="govuk-select" id={idOf('agreementId')} aria-describedby={`${idOf('agreementId')}-hint`} value={v.agreementId} onChange={(e) => setV({ ...v, agreementId: e.target.value })}>
          <option value="">Choose</option>
          {usable.map((a) => <option key={a.id} value={a.id}>{a.partner}: {a.purpose}</option>)}
        </select></>)}
      <button type="submit" className="govuk-button">Subscribe</button>
    </form>
  );
}
