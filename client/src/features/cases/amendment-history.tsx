// The history tab: every change to the sections this user may read, newest first — who, when, why,
// and the previous value (the PIA's accuracy principle). A change of a collection's item names the item.
import { Link } from 'react-router-dom';
import { useAsync } from '../forms/use-async';
import { casesApi, collectionTitle, SECTION_LABELS, show, type AmendmentDto } from './cases-api';

const sourceOf = (a: AmendmentDto) => {
  switch (a.source.kind) {
    case 'referral': return 'Referral';
    case 'manual': return `Amended: ${a.source.reason}`;
    case 'submission': return a.source.taskId
      ? <Link to={`/tasks/${encodeURIComponent(a.source.taskId)}`}>{a.source.formId} v{a.source.formVersion}</Link>
      : `${a.source.formId} v${a.source.formVersion}`;
  }
};

export function AmendmentHistory({ caseId, version }: { caseId: string; version: number }) {
  const [list] = useAsync(() => casesApi.amendments(caseId), [caseId, version]);
  if (list.state === 'loading') return <p role="status">Loading the history…</p>;
  if (list.state === 'error') return <p role="alert">{list.message}</p>;
  if (!list.data.length) return <p className="muted">No changes yet.</p>;
  return (
    <ol className="amendment-history">
      {list.data.map((a) => (
        <li key={`${a.section}-${a.seq}`}>
          <p><strong>{SECTION_LABELS[a.section] ?? a.section}</strong> · {new Date(a.at).toLocaleString('en-GB', { timeZone: 'Europe/London' })} · {a.by} · {sourceOf(a)}</p>
          <ul>
            {a.changes.map((c) => (
              <li key={`${c.collection ?? ''}-${c.item ?? ''}-${c.field}`}>
                {c.collection && <>{collectionTitle(c.collection)}: <strong>{c.itemLabel ?? c.item}</strong>{c.added ? ' (new)' : ''} · </>}
                {c.field}: {c.previous === undefined ? '' : <del>{show(c.previous)}</del>} {c.value === undefined ? '(cleared)' : <ins>{show(c.value)}</ins>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
