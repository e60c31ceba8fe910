// The case record in words (issue 18): a header with the facts at a glance, then tabs — one per section
// the user may read (withheld sections get no tab, only a line saying they exist and are not shown), the
// chronology, the submissions that built the record, and the amendment history. A case of another team
// asks for a reason first ("break glass"), which the server records.
// Other parts mount their own tabs here with one entry each in `tabs` (documents, contacts, start work).
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../shell/format';
import { useSession } from '../auth';
import { useAsync } from '../forms/use-async';
import { AmendmentHistory } from './amendment-history';
import { CaseChronology } from './case-chronology';
import { CaseHeader } from './case-header';
import { CaseTabs, type TabDef } from './case-tabs';
import { casesApi, type CaseDto } from './cases-api';
import { SectionView } from './section-view';
import { ConsentBanner } from './consent-banner';
import { CaseDocumentsPanel } from './case-documents-panel';
import { CaseContactsPanel } from './case-contacts-panel';
import { CaseStartWorkPanel } from './case-start-work-panel';
import { CaseAllocation } from './case-allocation';

export function CasePage({ caseId: given }: { caseId?: string } = {}) {
  const params = useParams();
  const caseId = given ?? params.caseId ?? '';
  const session = useSession();
  const writable = session.state.status === 'signed-in' ? session.state.view.writableSections : [];
  const [reason, setReason] = useState<string>();
  const [loaded, setLoaded] = useAsync(() => casesApi.get(caseId, reason), [caseId, reason]);
  const [version, setVersion] = useState(0);

  if (loaded.state === 'loading') return <p role="status">Loading the case…</p>;
  if (loaded.state === 'error') {
    if (loaded.status === 403 && /reason/i.test(loaded.message)) return <BreakGlass message={loaded.message} onReason={setReason} />;
    return <p role="alert">{loaded.message}</p>;
  }
  const record = loaded.data;
  const changed = (next: CaseDto) => {
    setLoaded(next);
    setVersion((v) => v + 1);
  };
  const tabs: TabDef[] = [
    ...record.readableSections.map((s) => ({
      id: s, label: session.sectionName(s),
      render: () => <SectionView caseId={record.id} section={s} state={record.sections[s]} words={record.words} writable={writable.includes(s)} onChanged={changed} />,
    })),
    { id: 'chronology', label: 'Chronology', render: () => <CaseChronology caseId={record.id} reason={reason} key={version} /> },
    { id: 'documents', label: 'Documents', render: () => <CaseDocumentsPanel caseId={record.id} reason={reason} /> },
    ...(record.readableSections.includes('plans') ? [{ id: 'contacts', label: 'Contacts and appointments', render: () => <CaseContactsPanel caseId={record.id} reason={reason} key={version} /> }] : []),
    ...(reason ? [] : [{ id: 'start-work', label: 'Start work', render: () => <CaseStartWorkPanel caseId={record.id} /> }]),
    { id: 'submissions', label: 'Submissions', render: () => <Submissions record={record} /> },
    { id: 'history', label: 'History', render: () => <AmendmentHistory caseId={record.id} version={version} /> },
  ];

  return (
    <section className="case-page">
      <CaseHeader record={record} />
      <ConsentBanner record={record} writable={writable} onChanged={changed} />
      {reason ? null : <CaseAllocation caseId={record.id} onChanged={changed} />}
      {record.withheldSections.length > 0 && (
        <p className="muted" data-testid="withheld">Not shown to your role: {record.withheldSections.map((s) => session.sectionName(s)).join(', ')}.</p>
      )}
      <CaseTabs tabs={tabs} label="Case record" />
    </section>
  );
}

function Submissions({ record }: { record: CaseDto }) {
  const list = record.words?.submissions;
  if (!record.submissions.length) return <p className="muted">No task has added to this record yet.</p>;
  if (!list) return <p className="muted">{record.submissions.length} forms have added to this record.</p>;
  return (
    <ul className="case-submissions">
      {list.map((s) => (
        <li key={s.submissionId}>
          {s.taskId ? <Link to={`/tasks/${encodeURIComponent(s.taskId)}`}>{s.formTitle}</Link> : s.formTitle}
          {` by ${s.by}, ${formatDateTime(s.at)}. Added to: ${s.sections.join(', ')}.`}
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
      <label htmlFor="break-glass-reason">Reason for opening it</label>
      <textarea id="break-glass-reason" value={text} onChange={(e) => setText(e.target.value)} required maxLength={500} />
      <button type="submit">Open the case</button>
    </form>
  );
}
