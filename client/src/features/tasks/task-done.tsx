// What the task page says once a task is completed: that it is done, which sections of the case record
// changed, and where to go next — the case's next task this person can work ("Next: Plan review for Sam
// Smith", the server found it), or the case itself. Focus moves here so a screen reader hears it.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useSectionName } from '../auth';

export interface Completion {
  amendedSections: string[];
  next?: { id: string; name: string; caseId: string; caseName?: string };
}

export function TaskDone({ done, caseId, childName }: { done: Completion; caseId?: string; childName?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => { box.current?.focus(); }, []);
  const sectionName = useSectionName();
  const sections = done.amendedSections.map(sectionName);
  return (
    <div role="status" className="task-done" tabIndex={-1} ref={box}>
      <h2>Task completed</h2>
      {sections.length ? <p>The case record was updated: {sections.join(', ')}.</p> : null}
      {done.next ? (
        <p className="task-next">
          <Link to={`/tasks/${encodeURIComponent(done.next.id)}`}>
            Next: {done.next.name}{done.next.caseName ?? childName ? ` for ${done.next.caseName ?? childName}` : ''}
          </Link>
        </p>
      ) : caseId ? (
        <p className="task-next"><Link to={`/cases/${encodeURIComponent(caseId)}`}>Open {childName ? `${childName}’s case` : 'the case'}</Link></p>
      ) : (
        <p className="task-next"><Link to="/tasks">Back to your tasks</Link></p>
      )}
    </div>
  );
}
