// Administrators' teams page (/admin/teams): every team in words with its managers, head of service and
// members today (and the history of who joined and left when), then the forms that change them, and the
// merges and splits made with what each moved. The server checks everything again and audits each change.
import { useEffect, useState } from 'react';
import { useAsync } from '../forms/use-async';
import { formatDate, setTeamNames } from '../../shell/format';
import { AddTeamForm, ChangeTeamForm, MembershipForm } from './team-forms';
import { TeamMoveForm } from './team-move-form';
import { TeamMoveReport } from './team-move-report';
import { teamsApi, type TeamDto } from './teams-api';

const names = (people: { name: string }[]) => (people.length ? people.map((p) => p.name).join(', ') : 'None');

function TeamCard({ team }: { team: TeamDto }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper"><h3 className="govuk-summary-card__title">{team.name}{team.mergedInto ? ` (merged into ${team.mergedInto.name})` : ''}</h3></div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Managers</dt><dd className="govuk-summary-list__value">{names(team.managers)}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Head of service</dt><dd className="govuk-summary-list__value">{team.headOfService?.name ?? 'None'}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Members today</dt><dd className="govuk-summary-list__value">{names(team.members)}</dd></div>
        </dl>
        <details className="govuk-details">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Who was in {team.name}, and when</span></summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {team.history.map((h) => <li key={`${h.id}:${h.from}`}>{h.name}: from {formatDate(h.from)}{h.to ? ` to ${formatDate(h.to)}` : ''} ({h.reason})</li>)}
            </ul>
          </div>
        </details>
      </div>
    </div>
  );
}

export function TeamsPage() {
  const [reload, setReload] = useState(0);
  const [teams] = useAsync(() => teamsApi.list(), [reload]);
  // A team added or renamed here reads by its new name on every page of this session at once.
  useEffect(() => {
    if (teams.state === 'ready') setTeamNames(Object.fromEntries(teams.data.teams.map((t) => [t.key, t.name])));
  }, [teams]);
  const [notice, setNotice] = useState<string>();
  const done = (words: string) => { setNotice(words); setReload((n) => n + 1); window.scrollTo(0, 0); };
  const resume = (id: string) => { void teamsApi.resume(id).then(() => done('The move was finished.'), (e: Error) => setNotice(e.message)); };

  return (
    <section className="admin-teams">
      <h1 className="govuk-heading-l">Teams</h1>
      <p className="govuk-body">A person sees the cases of their teams, of the teams they manage, and of every team they are head of service over.</p>
      {notice ? <div className="govuk-notification-banner govuk-notification-banner--success" role="status"><div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{notice}</p></div></div> : null}
      {teams.state === 'loading' ? <p role="status">Loading teams…</p> : null}
      {teams.state === 'error' ? <p role="alert" className="govuk-error-message">{teams.message}</p> : null}
      {teams.state === 'ready' ? (
        <>
          <h2 className="govuk-heading-m">Teams today</h2>
          {teams.data.teams.filter((t) => t.active).map((t) => <TeamCard key={t.key} team={t} />)}
          <AddTeamForm key={`add-${reload}`} done={done} />
          <ChangeTeamForm key={`change-${reload}`} data={teams.data} done={done} />
          <MembershipForm key={`member-${reload}`} data={teams.data} done={done} />
          <TeamMoveForm key={`move-${reload}`} data={teams.data} done={done} />
          <h2 className="govuk-heading-m">Merges and splits</h2>
          {teams.data.moves.length ? teams.data.moves.map((m) => <TeamMoveReport key={m.id} move={m} onResume={resume} />) : <p className="govuk-body">None yet.</p>}
          {teams.data.teams.some((t) => !t.active) ? (
            <><h2 className="govuk-heading-m">Former teams</h2>{teams.data.teams.filter((t) => !t.active).map((t) => <TeamCard key={t.key} team={t} />)}</>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
