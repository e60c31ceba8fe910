// The case record: one tab per section the user may read (withheld sections get no tab, only a line
// saying they exist and are not shown), the submissions that built it, and the amendment history.
// A case of another team asks for a reason first ("break glass"), which the server records.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../auth';
import { useAsync } from '../forms/use-async';
import { AmendmentHistory } from './amendment-history';
import { casesApi, SECTION_LABELS, type CaseDto } from './cases-api';
import { SectionView } from './section-view';
import { ConsentBanner } from './consent-banner';

export function CasePage({ caseId: given }: { caseId?: string } = {}) {
  const params = useParams();
  const caseId = given ?? params.caseId ?? '';
  const session = useSession();
  const writable = session.state.status === 'signed-in' ? session.state.view.writableSections : [];
  const [reason, setReason] = useState<string>();
  const [loaded, setLoaded] = useAsync(() => casesApi.get(caseId, reason), [caseId, reason]);
  const [tab, setTab] = useState<string>();
  const [version, setVersion] = useState(0);

  if (loaded.state === 'loading') return <p role="status">Loading the case…</p>;
  if (loaded.state === 'error') {
    if (loaded.status === 403 && /reason/i.test(loaded.message)) return <BreakGlass message={loaded.message} onReason={setReason} />;
    return <p role="alert">{loaded.message}</p>;
  }
  const record = loaded.data;
  const tabs = [...record.readableSections, 'submissions', 'history'];
  const current = tab && tabs.includes(tab) ? tab : tabs[0];
  const changed = (next: CaseDto) => {
    setLoaded(next);
    setVersion((v) => v + 1);
  };

  return (
    <section className="case-page">
      <h1>{record.displayName}</h1>
      <p>Born {record.dateOfBirth} · <code>{record.id}</code> · team {record.team} · {record.status}{record.pathway ? ` · ${record.pathway}` : ''}</p>
      <ConsentBanner record={record} writable={writable} onChanged={changed} />
      {record.withheldSections.length > 0 && (
        <p className="muted" data-testid="withheld">Not shown to your role: {record.withheldSections.map((s) => SECTION_LABELS[s] ?? s).join(', ')}.</p>
      )}
      <div role="tablist" aria-label="Case record sections" className="case-tabs">
        {tabs.map((t) => (
          <button key={t} role="tab" type="button" aria-selected={t === current} aria-controls={`panel-${t}`} id={`tab-${t}`} onClick={() => setTab(t)}>
            {t === 'submissions' ? 'Submissions' : t === 'history' ? 'History' : SECTION_LABELS[t] ?? t}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`}>
        {current === 'history' && <AmendmentHistory caseId={record.id} version={version} />}
        {current === 'submissions' && <Submissions record={record} />}
        {current !== 'history' && current !== 'submissions' && (
          <SectionView caseId={record.id} section={current} state={record.sections[current]} writable={writable.includes(current)} onChanged={changed} />
        )}
      </div>
    </section>
  );
}

function Submissions({ record }: { record: CaseDto }) {
  if (!record.submissions.length) return <p className="muted">No task has added to this record yet.</p>;
  return (
    <ul className="case-submissions">
      {record.submissions.map((s) => (
        <li key={s.submissionId}>
          {s.taskId ? <Link to={`/tasks/${encodeURIComponent(s.taskId)}`}>{s.formId} (version {s.formVersion})</Link> : `${s.formId} (version ${s.formVersion})`}
          {' '}by {s.by}, {new Date(s.at).toLocaleString('en-GB', { timeZone: 'Europe/London' })} → {s.sections.map((x) => SECTION_LABELS[x] ?? x).join(', ')}
        </li>
      ))}
    </ul>
  );
}

function BreakGlass({ message, onReason }: { message: string; onReason(reason: string): void }) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onReason(text.trim());
  };
  return (
    <form className="break-glass" onSubmit={submit}>
      <h1>This case belongs to another team</h1>
      <p>{message}</p>
      <label>Reason for opening it<textarea value={text} onChange={(e) => setText(e.target.value)} required maxLength={500} /></label>
      <button type="submit">Open the case</button>
    </form>
  );
}
