// The history tab: every change to the sections this user may read, newest first, in sentences —
// "Date of birth changed from 14 March 2010 to 15 March 2010 by Cara Case on 2 December 2026, 09:30.
// Reason: …" (the PIA's accuracy principle). The server resolves labels, option labels and names.
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shell/format';
import { useAsync } from '../forms/use-async';
import { casesApi, type AmendmentWordsDto } from './cases-api';
import { valueText } from './case-words';

type Change = AmendmentWordsDto['changes'][number];

/** "Date of birth changed from 14 March 2010 to 15 March 2010" (or set to, or cleared). */
export function changeSentence(c: Change): string {
  const what = c.item ? `${c.label} of ${c.item}` : c.label;
  if (c.added) return `${what} recorded as ${valueText(c.value)}`;
  if (c.previous === undefined) return `${what} set to ${valueText(c.value)}`;
  if (c.value === undefined) return `${what} cleared (was ${valueText(c.previous)})`;
  return `${what} changed from ${valueText(c.previous)} to ${valueText(c.value)}`;
}

function How({ a }: { a: AmendmentWordsDto }) {
  switch (a.how.kind) {
    case 'referral': return <>Recorded at referral.</>;
    case 'manual': return <>Reason: {a.how.reason}</>;
    case 'submission': return a.how.taskId
      ? <>From <Link to={`/tasks/${encodeURIComponent(a.how.taskId)}`}>{a.how.formTitle}</Link>.</>
      : <>From {a.how.formTitle}.</>;
  }
}

export function AmendmentHistory({ caseId, version }: { caseId: string; version: number }) {
  const [list] = useAsync(() => casesApi.amendmentWords(caseId), [caseId, version]);
  if (list.state === 'loading') return <p role="status">Loading the history…</p>;
  if (list.state === 'error') return <p role="alert">{list.message}</p>;
  if (!list.data.length) return <p className="muted">No changes yet.</p>;
  return (
    <ol className="amendment-history">
      {list.data.map((a) => (
        <li key={`${a.section}-${a.seq}`}>
          <h3 className="govuk-heading-s amendment-heading">{a.sectionLabel}</h3>
          <ul>
            {a.changes.map((c, i) => (
              <li key={i}>{changeSentence(c)} by {a.by} on {formatDateTime(a.at)}.</li>
            ))}
          </ul>
          <p className="muted"><How a={a} /></p>
        </li>
      ))}
    </ol>
  );
}
