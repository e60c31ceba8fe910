// What a merge or split moved, as the admin reads it: counts, the server's sentences (teams, queues and
// people by name, as the audit keeps them), then the lists behind them. A move cut short
// (the server stopped) says so and can be finished; finishing it repeats nothing.
import { formatDateTime } from '../../shell/format';
import { some } from './team-form-parts';
import type { MoveDto } from './teams-api';

const list = (items: string[]) => (items.length ? <ul className="govuk-list govuk-list--bullet">{items.map((x) => <li key={x}>{x}</li>)}</ul> : <p className="govuk-body">None</p>);

export function TeamMoveReport({ move, onResume }: { move: MoveDto; onResume(id: string): void }) {
  const c = move.counts;
  const what = move.kind === 'merge' ? `${move.sources.map((s) => s.name).join(' and ')} merged into ${move.target.name}` : `${move.sources[0]?.name} split: to ${move.target.name}`;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper"><h3 className="govuk-summary-card__title">{what}</h3></div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">When and by whom</dt><dd className="govuk-summary-list__value">{formatDateTime(move.startedAt)}, {move.startedBy}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Why</dt><dd className="govuk-summary-list__value">{move.reason}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Moved</dt>
            <dd className="govuk-summary-list__value">{some(c.cases, 'case')}, {some(c.tasks, 'open task')}, {some(c.members, 'person', 'people')}{c.managers ? `, ${some(c.managers, 'manager')} added` : ''}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">State</dt>
            <dd className="govuk-summary-list__value">{move.state === 'done' ? `Finished ${move.finishedAt ? formatDateTime(move.finishedAt) : ''}` : 'Not finished: the service stopped part-way'}</dd></div>
        </dl>
        {move.state === 'running' ? <button type="button" className="govuk-button" onClick={() => onResume(move.id)}>Finish this move</button> : null}
        <h4 className="govuk-heading-s">What moved</h4>
        <ul className="govuk-list govuk-list--bullet" data-testid="move-report">{move.report.map((line) => <li key={line}>{line}</li>)}</ul>
        {c.toReallocate || c.released ? (
          <div className="govuk-warning-text"><span className="govuk-warning-text__icon" aria-hidden="true">!</span>
            <strong className="govuk-warning-text__text">A manager of {move.target.name} should allocate the work listed above again.</strong>
          </div>
        ) : null}
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">The cases and people that moved</span></summary>
          <div className="govuk-details__text">
            <h4 className="govuk-heading-s">Cases</h4>{list(move.cases)}
            <h4 className="govuk-heading-s">People</h4>{list(move.members.map((p) => p.name))}
            {move.managers.length ? <><h4 className="govuk-heading-s">Managers added</h4>{list(move.managers.map((p) => p.name))}</> : null}
          </div>
        </details>
      </div>
    </div>
  );
}
