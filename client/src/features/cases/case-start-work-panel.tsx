// "Start work" on a case: the processes the person's role may start here, by name, each with a start form
// (the form its start event declares, rendered by the form renderer: no JSON typing). Once started, the
// page links to the new work's first task. The server checks the answers again and refuses what the form
// refuses (shown on the fields), and refuses roles the process does not name.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FormRenderer } from '../forms/form-renderer';
import { useAsync } from '../forms/use-async';
import { caseWorkApi, type StartableProcessDto, type StartedProcessDto } from './case-work-api';

const groupWords = (groups: string[]) => groups.map((g) => g.replace(/-/g, ' ')).join(' or ');

function FirstTask({ task }: { task: StartedProcessDto['firstTask'] }) {
  if (!task) return <p>Its first task will appear in the team queue.</p>;
  if (!task.forYou) return <p>Its first task, “{task.name}”, is in the {groupWords(task.candidateGroups)} queue.</p>;
  return <p>First task: <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.name}</Link></p>;
}
import './case-work.css';

/**
 * A start form that opens with a heading ("## Start victim contact", an h3 under the tab's h2) titles
 * itself: the panel adds its own title only to a form without one, so no heading is said twice.
 */
const ownTitle = (form: StartableProcessDto['form']) => {
  const first = form.components?.[0];
  return first?.type === 'text' && /^#{1,6}\s/.test(String(first.text ?? '').trim());
};

export function CaseStartWorkPanel({ caseId }: { caseId: string }) {
  const [loaded] = useAsync(() => caseWorkApi.startable(caseId), [caseId]);
  const [chosen, setChosen] = useState<StartableProcessDto>();
  const [started, setStarted] = useState<{ name: string; result: StartedProcessDto }>();

  return (
    <section className="case-start-work" aria-labelledby="start-work-heading">
      <h2 id="start-work-heading">Start work</h2>
      {started && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="start-work-notice-title">
          <div className="govuk-notification-banner__header"><h3 className="govuk-notification-banner__title" id="start-work-notice-title">Success</h3></div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{started.name} has started.</p>
            <FirstTask task={started.result.firstTask} />
          </div>
        </div>
      )}
      {loaded.state === 'loading' && <p role="status">Loading the work you can start…</p>}
      {loaded.state === 'error' && <p role="alert">{loaded.message}</p>}
      {loaded.state === 'ready' && !chosen && (
        loaded.data.items.length ? (
          <ul className="case-start-work__list">
            {loaded.data.items.map((p) => (
              <li key={p.processId}>
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setChosen(p); setStarted(undefined); }}>{p.name}</button>
                {p.startEventName && <span className="muted"> – when: {p.startEventName.charAt(0).toLowerCase()}{p.startEventName.slice(1)}</span>}
              </li>
            ))}
          </ul>
        ) : <p className="muted">Your role cannot start work on this case from here.</p>
      )}
      {loaded.state === 'ready' && chosen && (
        <div className="case-start-work__form">
          {ownTitle(chosen.form) ? null : <h3 className="govuk-heading-m">Start {chosen.name.charAt(0).toLowerCase()}{chosen.name.slice(1)}</h3>}
          <FormRenderer form={chosen.form} variables={loaded.data.variables} submitLabel="Start" onSubmit={async (data) => {
            const result = await caseWorkApi.start(caseId, chosen.processId, data);
            setStarted({ name: chosen.name, result });
            setChosen(undefined);
          }} actions={<button type="button" className="govuk-button govuk-button--secondary" onClick={() => setChosen(undefined)}>Cancel</button>} />
        </div>
      )}
    </section>
  );
}
