// The DPO's audit search: filter by person, action, record, section, flagged and dates; page through;
// verify the hash chain. Searching is itself recorded on the server.
import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/session-context';
import { useAsync } from '../forms/use-async';
import { auditApi, type AuditFilters, type ChainReportDto } from './audit-api';
import { ScrollRegion } from '../../shell/scroll-region';
import { teamName } from '../../shell/format';

const PAGE = 50;

// An event's details as stored, with team keys read as the teams' names (a case moved to "North team").
// Only a value shaped as a key is one (a move's completion event keeps names already).
const TEAM_FIELDS = new Set(['team', 'teams', 'sources', 'target']);
const TEAM_KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
const named = (v: unknown) => (typeof v === 'string' && TEAM_KEY.test(v) ? teamName(v) : v);
const detailsInWords = (after: unknown): string =>
  JSON.stringify(after, (key, value: unknown) => (!TEAM_FIELDS.has(key) ? value : Array.isArray(value) ? value.map(named) : named(value)));
const FIELDS: { key: keyof AuditFilters; label: string; type?: string }[] = [
  { key: 'actorId', label: 'User id' },
  { key: 'action', label: 'Action (e.g. case.read, or auth. for all sign-ins)' },
  { key: 'recordType', label: 'Record type' },
  { key: 'recordId', label: 'Record id' },
  { key: 'section', label: 'Case section' },
  { key: 'from', label: 'From', type: 'date' },
  { key: 'to', label: 'To', type: 'date' },
];

function VerifyButton() {
  const [report, setReport] = useState<ChainReportDto | string>();
  return (
    <div className="audit-verify">
      <button type="button" onClick={() => auditApi.verify().then(setReport, (e: Error) => setReport(e.message))}>Verify the audit log</button>
      {typeof report === 'string' ? <p role="alert" className="govuk-error-message">{report}</p> : null}
      {report && typeof report !== 'string' ? (
        <p role="status" data-testid="verify-result" className={report.ok ? 'verify-ok' : 'verify-failed'}>
          {report.ok ? `The audit log is intact: ${report.checked} events checked.` : report.problem?.message}
        </p>
      ) : null}
    </div>
  );
}

export function AuditPage() {
  const session = useSession();
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({ offset: 0, limit: PAGE });
  const [result] = useAsync(() => auditApi.search(filters), [filters]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ ...draft, offset: 0, limit: PAGE });
  };

  return (
    <section className="audit-page">
      <h1>Audit log</h1>
      {session.can('verify-audit') ? <VerifyButton /> : null}
      <form role="search" onSubmit={submit} className="audit-filters">
        {FIELDS.map((f) => (
          <p key={f.key}>
            <label htmlFor={`audit-${f.key}`}>{f.label}</label>
            <input id={`audit-${f.key}`} type={f.type ?? 'text'} value={(draft[f.key] as string) ?? ''} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
          </p>
        ))}
        <label className="checkbox">
          <input type="checkbox" checked={draft.flagged === 'true'} onChange={(e) => setDraft({ ...draft, flagged: e.target.checked ? 'true' : undefined })} /> Flagged only (break glass, lockouts)
        </label>{' '}
        <button type="submit">Search</button>
      </form>
      {result.state === 'loading' ? <p role="status">Searching…</p> : null}
      {result.state === 'error' ? <p role="alert" className="govuk-error-message">{result.message}</p> : null}
      {result.state === 'ready' ? (
        <>
          <ScrollRegion label="Audit events"><table>
            <thead><tr><th>#</th><th>When</th><th>Who</th><th>Action</th><th>Record</th><th>Sections</th><th>From</th><th>Reason / details</th></tr></thead>
            <tbody>
              {result.data.items.map((e) => (
                <tr key={e.seq} className={e.flagged ? 'flagged' : undefined}>
                  <td>{e.seq}</td>
                  <td>{new Date(e.at).toLocaleString('en-GB')}</td>
                  <td>{e.actor.username ?? e.actor.id}</td>
                  <td>{e.action}{e.flagged ? ' ⚑' : ''}</td>
                  <td>{[e.recordType, e.recordId].filter(Boolean).join(' ')}</td>
                  <td>{e.sections?.join(', ')}</td>
                  <td>{e.ip}</td>
                  <td>{e.reason ?? (e.after ? detailsInWords(e.after) : '')}</td>
                </tr>
              ))}
            </tbody>
          </table></ScrollRegion>
          <p>
            {result.data.total} events.{' '}
            <button type="button" disabled={result.data.offset === 0} onClick={() => setFilters({ ...filters, offset: Math.max(0, result.data.offset - PAGE) })}>Newer</button>{' '}
            <button type="button" disabled={result.data.offset + PAGE >= result.data.total} onClick={() => setFilters({ ...filters, offset: result.data.offset + PAGE })}>Older</button>
          </p>
        </>
      ) : null}
    </section>
  );
}
