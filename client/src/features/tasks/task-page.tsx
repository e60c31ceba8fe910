// One task: what it is, which child it is about, when it is due, and its form. Completing validates in
// the browser with the same schema as the server; a 422 puts the server's messages beside the fields,
// a 409/403 (claimed by someone else, section not permitted) is shown above the form.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../auth';
import { FormRenderer } from '../forms/form-renderer';
import { useAsync } from '../forms/use-async';
import { formatDate, tasksApi, type TaskViewDto } from './tasks-api';

export function TaskPage({ taskId: given }: { taskId?: string } = {}) {
  const params = useParams();
  const taskId = given ?? params.taskId ?? '';
  const { user: me } = useSession();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [done, setDone] = useState<{ amendedSections: string[] }>();
  const [view] = useAsync(() => tasksApi.get(taskId), [taskId, version]);

  if (view.state === 'loading') return <p role="status">Loading the task…</p>;
  if (view.state === 'error') return <p role="alert">{view.message}</p>;
  const { task, case: summary, form, submission, actions, unwritableSections, formVariables } = view.data;
  const claimedBy = task.assignee && task.assignee === me?.id ? 'you' : (task.assigneeName ?? task.assignee);

  const act = async (fn: () => Promise<unknown>) => {
    setNotice(undefined);
    try {
      await fn();
    } catch (e) {
      setNotice((e as Error).message);
    }
    setVersion((v) => v + 1);
  };

  return (
    <section className="task-page">
      <p><Link to="/tasks">← Back to tasks</Link></p>
      <h1>{task.name}</h1>
      <dl className="task-facts">
        <dt>Due</dt>
        <dd data-testid="task-due">{formatDate(task.dueDate)}{task.overdue && <strong className="badge-overdue"> Overdue</strong>}</dd>
        <dt>Status</dt>
        <dd>{task.state === 'open' ? (task.assignee ? `Claimed by ${claimedBy}` : 'Waiting in the team queue') : `${task.state} ${formatDate(task.completedAt)}`}</dd>
        {task.caseId && (
          <>
            <dt>Case</dt>
            <dd data-testid="task-case">{task.caseName ? `${task.caseName} · ${task.caseId}` : task.caseId}</dd>
          </>
        )}
        <dt>Process</dt>
        <dd>{task.processId}</dd>
      </dl>
      {summary && <CaseSummary summary={summary} />}
      {notice && <p role="alert" className="tasks-notice">{notice}</p>}
      <div className="task-actions">
        {actions.claim && <button type="button" onClick={() => act(() => tasksApi.claim(task.id))}>Claim</button>}
        {actions.unclaim && <button type="button" onClick={() => act(() => tasksApi.unclaim(task.id))}>Release</button>}
      </div>
      {done && (
        <div role="status" className="task-done">
          <p>Task completed.{done.amendedSections.length ? ` The case record was updated (${done.amendedSections.join(', ')}).` : ''}</p>
          {summary && <p><Link to={`/cases/${encodeURIComponent(summary.id)}`}>Open the case record</Link></p>}
        </div>
      )}
      {!done && task.state === 'open' && form && actions.complete && (
        <>
          {unwritableSections.length > 0 && (
            <p className="muted">Your role cannot record {unwritableSections.join(', ')} information: leave those questions for a colleague who can.</p>
          )}
          <FormRenderer form={form.schema} variables={formVariables} submitLabel="Complete task" onSubmit={async (data) => {
            const result = await tasksApi.complete(task.id, data);
            setDone(result);
            setVersion((v) => v + 1); // reload: the task is now completed, so claim/release no longer apply
          }} />
        </>
      )}
      {task.state === 'completed' && submission && <SubmittedAnswers data={submission.data} />}
    </section>
  );
}

function CaseSummary({ summary }: { summary: NonNullable<TaskViewDto['case']> }) {
  return (
    <aside className="case-summary" aria-label="Case summary">
      <h2><Link to={`/cases/${encodeURIComponent(summary.id)}`}>{summary.displayName}</Link></h2>
      <p>Born {formatDate(summary.dateOfBirth)} · {summary.id} · team {summary.team}{summary.pathway ? ` · ${summary.pathway}` : ''}</p>
    </aside>
  );
}

function SubmittedAnswers({ data }: { data: Record<string, unknown> }) {
  return (
    <section aria-label="Submitted answers">
      <h2>Answers</h2>
      <dl>{Object.entries(data).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd></div>)}</dl>
    </section>
  );
}
