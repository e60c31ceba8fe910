// The header's service badge and, when the service is not ready, a warning under the header in the GOV.UK
// "warning text" pattern: it says that changes cannot be saved now, and why, until /readyz is ready again.
import { useReadiness } from './use-readiness';

const statusText: Record<string, string> = {
  checking: 'Checking the service…',
  ready: 'Service ready',
  'not-ready': 'Database not answering: changes cannot be saved',
  unreachable: 'Server unreachable',
};

const warningText: Record<string, string> = {
  'not-ready': 'The service cannot save changes at the moment. Wait until this message goes before you submit anything.',
  unreachable: 'The server cannot be reached. Check your connection; nothing can be saved until it is back.',
};

const tagColour: Record<string, string> = { ready: 'govuk-tag--green', 'not-ready': 'govuk-tag--red', unreachable: 'govuk-tag--red' };

export function ReadinessBadge({ intervalMs, notReadyIntervalMs }: { intervalMs?: number; notReadyIntervalMs?: number }) {
  const r = useReadiness(intervalMs, notReadyIntervalMs);
  return (
    <>
      <p className={`status govuk-tag ${tagColour[r.state] ?? 'govuk-tag--grey'}`} role="status" data-testid="readiness" data-state={r.state}>
        {statusText[r.state]}
        {r.databaseKind && r.state === 'ready' ? ` (database: ${r.databaseKind})` : ''}
      </p>
      {warningText[r.state] ? (
        <div className="govuk-warning-text app-readiness-warning" role="alert" data-testid="readiness-warning">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning: </span>
            {warningText[r.state]}
            {r.reason ? <span className="warning-text-reason"> Reason: {r.reason}</span> : null}
          </strong>
        </div>
      ) : null}
    </>
  );
}
