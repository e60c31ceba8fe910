// The register of data sharing agreements (/admin/sharing-agreements). The data protection officer makes and
// changes them; every version is kept and audited. Nothing goes to a partner except under one in force.
import { useState } from 'react';
import { useAsync } from '../forms/use-async';
import { formatDate } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { AgreementForm } from './agreement-form';
import { sharingApi, type AgreementDto, type AgreementStatus } from './sharing-api';

export const STATUS_WORDS: Record<AgreementStatus, string> = { 'in-force': 'In force', 'not-yet': 'Not started yet', ended: 'Ended' };

export function AgreementsPage() {
  const [reload, setReload] = useState(0);
  const [list] = useAsync(() => sharingApi.agreements(), [reload]);
  const [editing, setEditing] = useState<AgreementDto | 'new'>();
  const [notice, setNotice] = useState<string>();
  const words = (kind: 'sections' | 'lawfulBases' | 'recipientKinds', key: string) =>
    (list.state === 'ready' ? list.data.choices[kind].find((c) => c.key === key)?.label : undefined) ?? key;
  const saved = (what: string) => { setEditing(undefined); setNotice(what); setReload((n) => n + 1); };

  return (
    <section className="admin-agreements">
      <h1 className="govuk-heading-l">Data sharing agreements</h1>
      <p className="govuk-body">Case information goes to a partner only under an agreement in force that day, and only the sections it allows. Each time something is shared it is recorded in the audit log as a disclosure.</p>
      {notice ? <div className="govuk-notification-banner govuk-notification-banner--success" role="status"><div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{notice}</p></div></div> : null}
      {list.state === 'loading' ? <p role="status">Loading agreements…</p> : null}
      {list.state === 'error' ? <p role="alert" className="govuk-error-message">{list.message}</p> : null}
      {list.state === 'ready' && editing ? (
        <>
          <h2 className="govuk-heading-m">{editing === 'new' ? 'New agreement' : `Change the agreement with ${editing.partner}`}</h2>
          <AgreementForm choices={list.data.choices} editing={editing === 'new' ? undefined : editing} onSave={async (terms, reason) => {
            if (editing === 'new') saved(`The agreement with ${(await sharingApi.createAgreement(terms)).partner} was made.`);
            else saved(`The agreement with ${(await sharingApi.changeAgreement(editing.id, { ...terms, revision: editing.revision, reason })).partner} was changed.`);
          }} />
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setEditing(undefined)}>Cancel</button>
        </>
      ) : <button type="button" className="govuk-button" onClick={() => { setEditing('new'); setNotice(undefined); }}>New agreement</button>}
      {list.state === 'ready' && !list.data.items.length ? <p className="govuk-body">No agreements yet.</p> : null}
      {list.state === 'ready' && list.data.items.length ? (
        <ScrollRegion label="Data sharing agreements"><table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Agreements</caption>
          <thead><tr><th scope="col">Partner</th><th scope="col">Purpose and lawful basis</th><th scope="col">Sections</th><th scope="col">Dates</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {list.data.items.map((a) => (
              <tr key={a.id}>
                <td>{a.partner}<br /><span className="govuk-hint">{words('recipientKinds', a.recipientKind)}{a.reference ? `, reference ${a.reference}` : ''}</span></td>
                <td>{a.purpose}<br /><span className="govuk-hint">{words('lawfulBases', a.lawfulBasis)}</span></td>
                <td>{a.sections.map((s) => words('sections', s)).join(', ')}</td>
                <td>{formatDate(a.startDate)} to {formatDate(a.endDate)}<br /><strong className="govuk-tag">{STATUS_WORDS[a.status]}</strong></td>
                <td><button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setEditing(a); setNotice(undefined); }}>Change<span className="govuk-visually-hidden"> the agreement with {a.partner}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table></ScrollRegion>
      ) : null}
    </section>
  );
}
