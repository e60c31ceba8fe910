// The chronology tab: everything that happened on the case, newest first, in words — filterable by kind,
// a page at a time. The server leaves out what the reader may not see; `reason` carries a break-glass
// reason when the case is another team's.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shell/format';
import { useAsync } from '../forms/use-async';
import { casesApi, type ChronologyKind } from './cases-api';

export const KIND_LABELS: Record<ChronologyKind, string> = {
  referral: 'Referral', contact: 'Contacts', submission: 'Forms submitted', amendment: 'Corrections', milestone: 'Processes and steps',
  email: 'Emails', access: 'Access', document: 'Documents', consent: 'Consent and restriction',
};

export function CaseChronology({ caseId, reason }: { caseId: string; reason?: string }) {
  const [kind, setKind] = useState<ChronologyKind | ''>('');
  const [page, setPage] = useState(1);
  const [loaded] = useAsync(() => casesApi.chronology(caseId, { ...(kind ? { kind } : {}), page, ...(reason ? { reason } : {}) }), [caseId, kind, page, reason]);
  const counts = loaded.state === 'ready' ? loaded.data.kinds : {};
  const all = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <section aria-labelledby="chronology-heading" className="case-chronology">
      <h2 id="chronology-heading">Chronology</h2>
      <label className="chronology-filter">
        Show
        <select value={kind} onChange={(e) => { setKind(e.target.value as ChronologyKind | ''); setPage(1); }}>
          <option value="">Everything{loaded.state === 'ready' ? ` (${all})` : ''}</option>
          {(Object.keys(KIND_LABELS) as ChronologyKind[]).filter((k) => counts[k] || k === kind).map((k) => (
            <option key={k} value={k}>{KIND_LABELS[k]} ({counts[k] ?? 0})</option>
          ))}
        </select>
      </label>
      {loaded.state === 'loading' && <p role="status">Loading the chronology…</p>}
      {loaded.state === 'error' && <p role="alert">{loaded.message}</p>}
      {loaded.state === 'ready' && (loaded.data.items.length === 0 ? <p className="muted">Nothing to show.</p> : (
        <>
          <ol className="chronology-list" data-testid="chronology">
            {loaded.data.items.map((e, i) => (
              <li key={`${e.at}-${e.kind}-${i}`} className={`chronology-entry chronology-entry--${e.kind}`}>
                <p className="chronology-when"><time dateTime={e.at}>{formatDateTime(e.at)}</time> <span className="govuk-tag govuk-tag--grey chronology-kind">{KIND_LABELS[e.kind]}</span></p>
                <p className="chronology-title">{e.link ? <Link to={e.link}>{e.title}</Link> : e.title}</p>
                {e.detail && <p className="chronology-detail">{e.detail}</p>}
                {e.by && <p className="muted">By {e.by}</p>}
              </li>
            ))}
          </ol>
          <Pager page={page} pages={Math.max(1, Math.ceil(loaded.data.total / loaded.data.pageSize))} onPage={setPage} />
        </>
      ))}
    </section>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage(p: number): void }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Chronology pages" className="chronology-pager">
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>Newer</button>
      <span>Page {page} of {pages}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>Older</button>
    </nav>
  );
}
