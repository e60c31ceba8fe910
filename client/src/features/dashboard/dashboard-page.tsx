// Home: the signed-in person's work at a glance. Each figure links to the queue or the cases list that
// shows what it counted; the lists below show the first few items, each a link to the task or the case.
import { Link } from 'react-router-dom';
import { useSession } from '../auth';
import { useAsync } from '../forms/use-async';
import { formatDate, teamName } from '../../shell/format';
import { usePageTitle } from '../../shell/use-page-title';
import { dashboardApi, links, type Dashboard, type DashboardTask } from './dashboard-api';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Figure({ count, label, to, alert }: { count: number; label: string; to?: string; alert?: boolean }) {
  const body = (
    <>
      <span className="figure-count">{count}</span> <span className="figure-label">{label}</span>
    </>
  );
  return <li className={`figure${alert && count > 0 ? ' figure--alert' : ''}`}>{to ? <Link to={to}>{body}</Link> : body}</li>;
}

function TaskList({ tasks, more, moreTo, empty }: { tasks: DashboardTask[]; more: number; moreTo: string; empty: string }) {
  if (!tasks.length) return <p>{empty}</p>;
  return (
    <>
      <ul className="dash-list">
        {tasks.map((t) => (
          <li key={t.id}>
            <Link to={`/tasks/${encodeURIComponent(t.id)}`}>{t.name}</Link>
            {t.caseName ? <> for {t.caseName}</> : null}
            {t.dueDate ? <span className="dash-meta">Due {formatDate(t.dueDate)}</span> : null}
          </li>
        ))}
      </ul>
      {more > 0 ? <p><Link to={moreTo}>See all {plural(tasks.length + more, 'task')}</Link></p> : null}
    </>
  );
}

function TeamView({ team }: { team: NonNullable<Dashboard['team']> }) {
  // The teams these figures cover, by name: the person's own, those they manage and those they head.
  const teams = (useSession().user?.teams ?? []).map(teamName);
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">Your team</h2>
      {teams.length ? <p className="dash-meta" data-testid="dashboard-teams">{teams.join(', ')}</p> : null}
      <h3>Overdue work by worker</h3>
      {team.overdueByWorker.length ? (
        <table className="govuk-table dash-table">
          <caption className="visually-hidden">Overdue tasks of your teams, by who holds them</caption>
          <thead><tr><th scope="col">Worker</th><th scope="col">Overdue tasks</th></tr></thead>
          <tbody>
            {team.overdueByWorker.map((w) => <tr key={w.workerId ?? 'none'}><td>{w.name}</td><td>{w.count}</td></tr>)}
          </tbody>
        </table>
      ) : <p>No overdue work in your teams.</p>}
      <h3>Cases without a case manager</h3>
      {team.unallocated.cases.length ? (
        <>
          <ul className="dash-list">
            {team.unallocated.cases.map((c) => (
              <li key={c.id}><Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.displayName}</Link><span className="dash-meta">Referred {formatDate(c.openedAt)}</span></li>
            ))}
          </ul>
          <p><Link to={links.unallocated()}>See all {plural(team.unallocated.count, 'unallocated case')}</Link></p>
        </>
      ) : <p>Every open case has a case manager.</p>}
    </section>
  );
}

export function DashboardPage() {
  const session = useSession();
  usePageTitle('Home');
  const [state] = useAsync(() => dashboardApi.get(), []);
  const seesCases = session.can('view-cases');
  return (
    <section className="dashboard">
      <h1>Your work</h1>
      {session.user ? <p className="dash-lede">Signed in as {session.user.displayName}.</p> : null}
      {state.state === 'loading' && <p role="status">Loading your work…</p>}
      {state.state === 'error' && <p role="alert">{state.message}</p>}
      {state.state === 'ready' && (() => {
        const d = state.data;
        return (
          <>
            <ul className="figures" aria-label="Your work in figures">
              <Figure count={d.overdue.count} label={d.overdue.count === 1 ? 'overdue task' : 'overdue tasks'} to={links.overdue(d)} alert />
              <Figure count={d.dueThisWeek.count} label="due later this week" to={links.dueThisWeek(d)} />
              {seesCases ? <Figure count={d.caseload.count} label={d.caseload.count === 1 ? 'case in your caseload' : 'cases in your caseload'} to={links.caseload()} /> : null}
              {d.team ? <Figure count={d.team.overdueCount} label="overdue in your teams" alert /> : null}
              {d.team ? <Figure count={d.team.unallocated.count} label="without a case manager" to={links.unallocated()} /> : null}
            </ul>
            <div className="dash-columns">
              <section aria-labelledby="overdue-heading">
                <h2 id="overdue-heading">Overdue</h2>
                <TaskList tasks={d.overdue.tasks} more={d.overdue.count - d.overdue.tasks.length} moreTo={links.overdue(d)} empty="Nothing overdue." />
              </section>
              <section aria-labelledby="week-heading">
                <h2 id="week-heading">Due later this week</h2>
                <TaskList tasks={d.dueThisWeek.tasks} more={d.dueThisWeek.count - d.dueThisWeek.tasks.length} moreTo={links.dueThisWeek(d)} empty="Nothing else falls due this week." />
              </section>
            </div>
            {seesCases ? (
              <section aria-labelledby="caseload-heading">
                <h2 id="caseload-heading">Your caseload</h2>
                {d.caseload.cases.length ? (
                  <ul className="dash-list">
                    {d.caseload.cases.map((c) => (
                      <li key={c.id}>
                        <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.displayName}</Link>
                        <span className="dash-meta">Born {formatDate(c.dateOfBirth)}</span>
                        <span className="dash-meta">
                          {c.nextDeadline ? (
                            <>Next: <Link to={`/tasks/${encodeURIComponent(c.nextDeadline.taskId)}`}>{c.nextDeadline.taskName}</Link>, due {formatDate(c.nextDeadline.dueDate)}{c.nextDeadline.overdue ? <strong className="govuk-tag govuk-tag--red app-tag-after">Overdue</strong> : null}</>
                          ) : 'No deadline set'}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : <p>No open cases are allocated to you. <Link to="/cases">Find a case</Link>.</p>}
              </section>
            ) : null}
            {seesCases ? (
              <section aria-labelledby="recent-heading">
                <h2 id="recent-heading">Cases you viewed recently</h2>
                {d.recent.length ? (
                  <ul className="dash-list">
                    {d.recent.map((c) => <li key={c.id}><Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.displayName}</Link></li>)}
                  </ul>
                ) : <p>None yet. Cases you view will be listed here.</p>}
              </section>
            ) : null}
            {d.team ? <TeamView team={d.team} /> : null}
          </>
        );
      })()}
    </section>
  );
}
