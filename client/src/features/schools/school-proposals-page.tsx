// The review list: proposals of the reviewer's teams' children, each with the value on record now beside
// it. Accept writes it to the child's Education section; reject leaves the record as it is. Both are
// audited by the server; a proposal someone else decided first says so.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime, teamName } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import { usePageTitle } from '../../shell/use-page-title';
import { schoolsApi, type ProposalStatus, type SchoolProposalView } from './schools-api';

const STATUSES: { id: ProposalStatus; label: string }[] = [
  { id: 'pending', label: 'Waiting for review' }, { id: 'accepted', label: 'Accepted' }, { id: 'rejected', label: 'Rejected' },
];

export function SchoolProposalsPage() {
  usePageTitle('School data proposals');
  const [status, setStatus] = useState<ProposalStatus>('pending');
  const [list, setList] = useState<{ proposals: SchoolProposalView[]; more: boolean }>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback((s: ProposalStatus) => {
    setList(undefined);
    schoolsApi.proposals(s).then(setList, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => load(status), [load, status]);

  const decide = async (p: SchoolProposalView, decision: 'accept' | 'reject') => {
    setBusy(p.id);
    setError(undefined);
    setNotice(undefined);
    try {
      await schoolsApi.decide(p.id, decision);
      setNotice(`${decision === 'accept' ? 'Accepted' : 'Rejected'}: ${p.what.toLowerCase()} ${p.proposed} for ${p.child}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
      load(status);
    }
  };

  return (
    <section>
      <h1 className="govuk-heading-l">School data proposals</h1>
      <p className="govuk-body">Changes that schools' files propose to the Education section of your teams' children. Accepting one changes the child's record.</p>
      {error && <div className="govuk-error-summary" role="alert"><h2 className="govuk-error-summary__title">There is a problem</h2><p className="govuk-body">{error}</p></div>}
      {notice && <p className="govuk-inset-text" role="status">{notice}</p>}
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="proposal-status">Show</label>
        <select className="govuk-select" id="proposal-status" value={status} onChange={(e) => setStatus(e.target.value as ProposalStatus)}>
          {STATUSES.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
      </div>
      {!list ? (!error && <p className="govuk-body" role="status">Loading proposals…</p>)
        : !list.proposals.length ? <p className="govuk-body">There are no proposals here for your teams' children.</p> : (
          <ScrollRegion label="Proposals">
            <table className="govuk-table" aria-label="Proposals">
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Child', 'Change', 'Proposed', 'On record now', 'From', status === 'pending' ? 'Decision' : 'Decided'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {list.proposals.map((p) => (
                  <tr key={p.id} className="govuk-table__row">
                    <td className="govuk-table__cell"><Link className="govuk-link" to={`/cases/${encodeURIComponent(p.caseId)}`}>{p.child}</Link><br /><span className="govuk-hint">{teamName(p.team)}</span></td>
                    <td className="govuk-table__cell">{p.what}</td>
                    <td className="govuk-table__cell">{p.proposed}</td>
                    <td className="govuk-table__cell">{p.held ?? 'Nothing recorded'}</td>
                    <td className="govuk-table__cell">{p.school}, row {p.row}<br /><span className="govuk-hint">Imported {formatDateTime(p.importedAt)} by {p.importedBy}</span></td>
                    <td className="govuk-table__cell">
                      {p.status === 'pending' ? (
                        <div className="schools-actions">
                          <button type="button" className="govuk-button" disabled={!!busy} onClick={() => decide(p, 'accept')}>
                            Accept<span className="govuk-visually-hidden"> {p.what.toLowerCase()} for {p.child}</span>
                          </button>
                          <button type="button" className="govuk-button govuk-button--secondary" disabled={!!busy} onClick={() => decide(p, 'reject')}>
                            Reject<span className="govuk-visually-hidden"> {p.what.toLowerCase()} for {p.child}</span>
                          </button>
                        </div>
                      ) : <>{formatDateTime(p.decidedAt)} by {p.decidedBy}{p.reason ? `: ${p.reason}` : ''}</>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      {list?.more && <p className="govuk-body">Only the newest 100 are shown: decide these to see the rest.</p>}
    </section>
  );
}
