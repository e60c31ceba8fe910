// The practitioner's day starts here: one tab per queue, filters and sort in the URL, paging, claim and
// release in the row. A claim someone else won shows their message (409) and refreshes the list.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useAsync } from '../forms/use-async';
import { QueueFilters } from './queue-filters';
import { SavedFilters } from './saved-filters';
import { formatDate, QUEUE_LABELS, QUEUES, tasksApi, type QueueName, type QueueParams, type TaskDto } from './tasks-api';

const PAGE = 25;
const FILTER_KEYS = ['processId', 'caseId', 'dueAfter', 'dueBefore', 'followUpAfter', 'followUpBefore', 'minPriority', 'sort', 'direction'] as const;

export function QueuePage() {
  const [search, setSearch] = useSearchParams();
  const queue = (QUEUES.some((q) => q === search.get('queue')) ? search.get('queue') : 'mine') as QueueName;
  const offset = Number(search.get('offset') ?? 0) || 0;
  const filters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (search.get(k) ? [[k, k === 'minPriority' ? Number(search.get(k)) : search.get(k)]] : [])));
  const params: QueueParams = { queue, offset, limit: PAGE, ...filters };
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string>();
  // The filters take a phone's whole first screen: there they start folded (unless some are applied).
  const activeFilters = Object.keys(filters).length;
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilters > 0 || !window.matchMedia?.('(max-width: 40rem)').matches);
  const [page] = useAsync(() => tasksApi.queue(params), [search.toString(), reload]);

  const query = (next: Partial<QueueParams>) => {
    const merged: Record<string, unknown> = { ...params, ...next };
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && k !== 'limit' && !(k === 'offset' && !v)) q.set(k, String(v));
    return q;
  };
  const go = (next: Partial<QueueParams>) => setSearch(query(next));
  const act = async (label: string, fn: () => Promise<unknown>) => {
    setNotice(undefined);
    try {
      await fn();
      setNotice(label);
    } catch (e) {
      setNotice((e as Error).message);
    }
    setReload((n) => n + 1);
  };

  return (
    <section className="tasks-page">
      <h1>Tasks</h1>
      {/* Each queue is a page of its own (its URL keeps the filters), so plain links marked current, as GOV.UK's
          sub-navigation does: tab roles would promise arrow-key behaviour that links do not have. */}
      <nav className="queue-tabs" aria-label="Queues">
        <ul>
          {QUEUES.map((q) => (
            <li key={q}>
              <Link to={`?${query({ queue: q, offset: 0 })}`} aria-current={q === queue ? 'page' : undefined}>{QUEUE_LABELS[q]}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <details className="queue-filter-panel" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
        <summary>Filter tasks{activeFilters ? ` (${activeFilters} applied)` : ''}</summary>
        <QueueFilters key={search.toString()} value={filters} onChange={(f) => go({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), ...f, offset: 0 })} />
        <SavedFilters current={{ queue, filters }} onApply={(f) => go({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), queue: f.queue, ...f.filters, ...(f.sort ? { sort: f.sort.field, direction: f.sort.direction } : {}), offset: 0 })} />
      </details>
      {notice && <p role="status" className="tasks-notice">{notice}</p>}
      {page.state === 'loading' && <p role="status">Loading tasks…</p>}
      {page.state === 'error' && <p role="alert">{page.message}</p>}
      {page.state === 'ready' && (
        <>
          <p className="queue-count">{page.data.total} task{page.data.total === 1 ? '' : 's'}</p>
          <table className="govuk-table queue-table">
            <thead>
              <tr><th>Task</th><th>Case</th><th>Due</th><th>Priority</th><th>Assignee</th><th><span className="visually-hidden">Actions</span></th></tr>
            </thead>
            <tbody>
              {page.data.items.map((t) => <Row key={t.id} task={t} queue={queue} act={act} />)}
            </tbody>
          </table>
          <div className="queue-paging">
            <button type="button" disabled={offset === 0} onClick={() => go({ offset: Math.max(0, offset - PAGE) })}>Previous</button>
            <span>{page.data.total ? `${offset + 1}–${Math.min(offset + PAGE, page.data.total)} of ${page.data.total}` : 'None'}</span>
            <button type="button" disabled={offset + PAGE >= page.data.total} onClick={() => go({ offset: offset + PAGE })}>Next</button>
          </div>
        </>
      )}
    </section>
  );
}

function Row({ task, queue, act }: { task: TaskDto; queue: QueueName; act(label: string, fn: () => Promise<unknown>): void }) {
  return (
    <tr className={task.overdue ? 'overdue' : undefined}>
      <td><Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.name}</Link><div className="muted">{task.processName ?? task.processId}</div></td>
      <td>{task.caseId ? <CaseCell caseId={task.caseId} caseName={task.caseName} /> : '—'}</td>
      <td>{queue === 'completed' ? formatDate(task.completedAt) : formatDate(task.dueDate)}{task.overdue && <strong className="govuk-tag govuk-tag--red app-tag-after">Overdue</strong>}</td>
      <td>{task.priority}</td>
      <td>{task.assignee ? (task.assigneeName ?? task.assignee) : <span className="muted">Unassigned</span>}</td>
      <td>
        {task.state === 'open' && !task.assignee && <button type="button" onClick={() => act(`You claimed “${task.name}”`, () => tasksApi.claim(task.id))}>Claim</button>}
        {task.state === 'open' && queue === 'mine' && <button type="button" onClick={() => act(`Released “${task.name}”`, () => tasksApi.unclaim(task.id))}>Release</button>}
      </td>
    </tr>
  );
}

/** The child's name leads when the reader may see it; the reference stays, as people quote it. */
function CaseCell({ caseId, caseName }: { caseId: string; caseName?: string }) {
  const link = `/cases/${encodeURIComponent(caseId)}`;
  if (!caseName) return <Link to={link}>{caseId}</Link>;
  return <><Link to={link}>{caseName}</Link><div className="muted">{caseId}</div></>;
}
