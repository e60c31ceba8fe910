// One task: which child, which process and which step (in words, above the h1), when it is due, and its
// form — started from the process variables with the same keys (prefill, as form-js does). Completing
// validates in the browser with the same schema as the server; a 422 puts the server's messages beside the
// fields, a 409/403 (claimed by someone else, section not permitted) is shown above the form. After
// completion the answers are shown in words and the page offers the case's next task the person can work
// ("Next: Plan review for Sam Smith"), or the case.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../auth';
import { FormRenderer } from '../forms/form-renderer';
import { useAsync } from '../forms/use-async';
import { formatDate, formatDateTime, teamName } from '../../shell/format';
import { usePageTitle } from '../../shell/use-page-title';
import { AnswersInWords } from './answers-in-words';
import { TaskDone, type Completion } from './task-done';
import { tasksApi, type TaskViewDto } from './tasks-api';

export function TaskPage({ taskId: given }: { taskId?: string } = {}) {
  const params = useParams();
  const taskId = given ?? params.taskId ?? '';
  const { user: me } = useSession();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string>();
  // Keyed by task: following "Next: …" keeps this page mounted for another task, which starts fresh.
  const [completion, setDone] = useState<Completion & { taskId: string }>();
  const done = completion?.taskId === taskId ? completion : undefined;
  const [view] = useAsync(() => tasksApi.get(taskId), [taskId, version]);
  const loaded = view.state === 'ready' ? view.data : undefined;
  usePageTitle(loaded ? [loaded.task.name, loaded.task.caseName].filter(Boolean).join(' – ') : undefined);

  if (view.state === 'loading') return <p role="status">Loading the task…</p>;
  if (view.state === 'error') return <p role="alert">{view.message}</p>;
  const { task, case: summary, form, submission, actions, unwritableSections, formVariables } = view.data;
  const claimedBy = task.assignee && task.assignee === me?.id ? 'you' : (task.assigneeName ?? 'a colleague');
  const childName = task.caseName ?? summary?.displayName;

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
      <p className="task-caption" data-testid="task-caption">
        {[childName, task.processName].filter(Boolean).join(' · ')}
      </p>
      <h1>{task.name}</h1>
      <dl className="task-facts">
        <dt>Due</dt>
        <dd data-testid="task-due">{task.dueDate ? formatDate(task.dueDate) : 'No due date'}{task.overdue && <strong className="govuk-tag govuk-tag--red app-tag-after">Overdue</strong>}</dd>
        <dt>Status</dt>
        <dd>{statusInWords(task, claimedBy)}</dd>
        {task.caseId && (
          <>
            <dt>Case</dt>
            <dd data-testid="task-case">{task.caseName ? `${task.caseName} · ${task.caseId}` : task.caseId}</dd>
          </>
        )}
        {task.processName && (
          <>
            <dt>Process</dt>
            <dd>{task.processName}</dd>
          </>
        )}
      </dl>
      {summary && <CaseSummary summary={summary} />}
      {notice && <p role="alert" className="tasks-notice">{notice}</p>}
      <div className="task-actions">
        {actions.claim && <button type="button" onClick={() => act(() => tasksApi.claim(task.id))}>Claim</button>}
        {actions.unclaim && <button type="button" onClick={() => act(() => tasksApi.unclaim(task.id))}>Release</button>}
      </div>
      {done && <TaskDone done={done} caseId={summary?.id ?? task.caseId} childName={childName} />}
      {!done && task.state === 'open' && form && actions.complete && (
        <>
          {unwritableSections.length > 0 && (
            <p className="muted">Your role cannot record {unwritableSections.join(', ')} information: leave those questions for a colleague who can.</p>
          )}
          <FormRenderer form={form.schema} variables={formVariables} submitLabel="Complete task" files={task.caseId ? { caseId: task.caseId, previews: view.data.documentPreviews } : undefined} onSubmit={async (data) => {
            const result = await tasksApi.complete(task.id, data);
            setDone({ ...result, taskId: task.id });
            setVersion((v) => v + 1); // reload: the task is now completed, so claim/release no longer apply
          }} />
        </>
      )}
      {task.state === 'completed' && submission && form && (
        <section aria-labelledby="answers-heading" className="task-answers">
          <h2 id="answers-heading">Answers</h2>
          <AnswersInWords form={form.schema} data={submission.data} variables={formVariables} />
        </section>
      )}
    </section>
  );
}

function statusInWords(task: TaskViewDto['task'], claimedBy: string): string {
  if (task.state === 'open') return task.assignee ? `Claimed by ${claimedBy}` : 'Waiting in the team queue';
  const when = task.completedAt ? ` on ${formatDateTime(task.completedAt)}` : '';
  return task.state === 'completed' ? `Completed${when}` : `Cancelled${when}`;
}

function CaseSummary({ summary }: { summary: NonNullable<TaskViewDto['case']> }) {
  return (
    <aside className="case-summary" aria-label="Case summary">
      <h2><Link to={`/cases/${encodeURIComponent(summary.id)}`}>{summary.displayName}</Link></h2>
      <p>Born {formatDate(summary.dateOfBirth)} · {teamName(summary.team)}</p>
    </aside>
  );
}
