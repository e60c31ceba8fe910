// The contacts and appointments log of a case: every contact newest first, in words (date and time in the
// one format, type, with whom, the outcome), and for those who may write the plans section a "Record a
// contact" form rendered from the case-contact form (the same validation as the server, an error summary
// linking to the fields). An unacceptable absence starts the compliance and breach follow-up; the page says
// so once saved. One key per form opening, so a double click or a retry records the contact once.
import { useState } from 'react';
import { formatDate } from '../../shell/format';
import { FormRenderer } from '../forms/form-renderer';
import { useAsync } from '../forms/use-async';
import { caseWorkApi, newContactKey, type ContactDto } from './case-work-api';
import './case-work.css';

export function CaseContactsPanel({ caseId, reason }: { caseId: string; reason?: string }) {
  const [version, setVersion] = useState(0);
  const [loaded] = useAsync(() => caseWorkApi.contacts(caseId, reason), [caseId, reason, version]);
  const [recording, setRecording] = useState(false);
  const [key, setKey] = useState(newContactKey);
  const [notice, setNotice] = useState<string>();

  return (
    <section className="case-contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Contacts and appointments</h2>
      {notice && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="contacts-notice-title">
          <div className="govuk-notification-banner__header"><h3 className="govuk-notification-banner__title" id="contacts-notice-title">Success</h3></div>
          <div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{notice}</p></div>
        </div>
      )}
      {loaded.state === 'loading' && <p role="status">Loading contacts…</p>}
      {loaded.state === 'error' && <p role="alert">{loaded.message}</p>}
      {loaded.state === 'ready' && (
        <>
          {loaded.data.form && !recording && (
            <button type="button" className="govuk-button" onClick={() => { setRecording(true); setNotice(undefined); }}>Record a contact</button>
          )}
          {loaded.data.form && recording && (
            <div className="case-contacts__form">
              <FormRenderer form={loaded.data.form} submitLabel="Save contact" onSubmit={async (data) => {
                const saved = await caseWorkApi.recordContact(caseId, key, data);
                setNotice(saved.compliance ? `Contact saved. ${saved.compliance.message}` : 'Contact saved.');
                setRecording(false);
                setKey(newContactKey());
                setVersion((v) => v + 1);
              }} actions={<button type="button" className="govuk-button govuk-button--secondary" onClick={() => setRecording(false)}>Cancel</button>} />
            </div>
          )}
          <ContactList items={loaded.data.items} />
        </>
      )}
    </section>
  );
}

function ContactList({ items }: { items: ContactDto[] }) {
  if (!items.length) return <p className="muted">No contacts have been recorded on this case.</p>;
  return (
    <ol className="case-contacts__list" aria-label="Contacts, newest first">
      {items.map((c) => (
        <li key={c.id} className={`case-contacts__item case-contacts__item--${c.outcomeKind}`}>
          <h3 className="govuk-heading-s case-contacts__title">
            {[c.type ?? 'Contact', c.date ? formatDate(c.date) : undefined].filter(Boolean).join(', ')}{c.time ? `, ${c.time}` : ''}
          </h3>
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            {c.outcome && <Row label="Outcome" value={c.outcome} />}
            {c.withWhom && <Row label="With whom" value={c.withWhom} />}
            {c.purpose && <Row label="What it was for" value={c.purpose} />}
            {c.absenceReason && <Row label="Reason given" value={c.absenceReason} />}
            {c.notes && <Row label="Notes" value={c.notes} />}
            {c.recordedBy && <Row label="Recorded by" value={`${c.recordedBy}${c.recordedAt ? ` on ${formatDate(c.recordedAt)}` : ''}`} />}
          </dl>
        </li>
      ))}
    </ol>
  );
}

const Row = ({ label, value }: { label: string; value: string }) => (
  <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">{label}</dt><dd className="govuk-summary-list__value">{value}</dd></div>
);
