// The timeliness report for team managers (their teams), data officers and the DPO (the whole service):
// figures per timescale — reported against the version of the timescales each case used — then by team,
// by person and by month, with a chart of the trend beside its table. Words, not keys: timescale names,
// team names, people by name, "November 2026". Every read is audited on the server.
import { useState, type FormEvent } from 'react';
import { useAsync } from '../forms/use-async';
import { teamName } from '../../shell/format';
import { reportsApi, type TimelinessQuery, type TimelinessView } from './reports-api';
import { FiguresTable } from './figures-table';
import { TimelinessTrend } from './timeliness-chart';
import { monthName, recentMonths } from './report-words';
import { DownloadLink } from './report-download';
import { ReportsNav } from './reports-nav';
import { ReportSelect as Select } from './report-select';

const MONTHS = recentMonths(new Date());

function Filters({ view, query, onSubmit }: { view: TimelinessView; query: TimelinessQuery; onSubmit(q: TimelinessQuery): void }) {
  const [draft, setDraft] = useState<TimelinessQuery>({ ...query, from: view.filter.from, to: view.filter.to });
  const set = (k: keyof TimelinessQuery) => (v: string) => setDraft({ ...draft, [k]: v || undefined });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(draft);
  };
  const months = MONTHS.map((m) => ({ value: m, label: monthName(m) }));
  return (
    <form onSubmit={submit} aria-label="Choose what the report covers">
      <Select id="report-timescale" label="Timescale" value={draft.timescale ?? ''} onChange={set('timescale')}
        options={[{ value: '', label: 'All timescales' }, ...view.options.timescales.map((t) => ({ value: t.id, label: t.name }))]} />
      <Select id="report-team" label="Team" value={draft.team ?? ''} onChange={set('team')}
        options={[{ value: '', label: view.scope === 'service' ? 'All teams' : 'All your teams' }, ...view.options.teams.map((t) => ({ value: t, label: teamName(t) }))]} />
      <Select id="report-worker" label="Person" value={draft.worker ?? ''} onChange={set('worker')}
        options={[{ value: '', label: 'Everyone' }, ...view.options.workers.map((w) => ({ value: w.id, label: w.name }))]} />
      <Select id="report-from" label="From" value={draft.from ?? ''} onChange={set('from')} options={months} />
      <Select id="report-to" label="To" value={draft.to ?? ''} onChange={set('to')} options={months} />
      <button type="submit" className="govuk-button">Show report</button>
    </form>
  );
}

function Report({ view }: { view: TimelinessView }) {
  const name = (id: string) => view.timescaleNames[id] ?? id;
  const standard = (id: string, version: number) => view.standards[`${id}@${version}`] ?? '';
  const person = (id: string | null) => (id ? view.people[id] ?? 'A former member of staff' : 'Not yet picked up');
  // A version column only where a timescale was changed within the period (otherwise it says nothing).
  const changed = new Set(view.timescales.filter((t, i, all) => all.findIndex((o) => o.timescaleId === t.timescaleId) !== i).map((t) => t.timescaleId));
  const label = (id: string, version: number) => (changed.has(id) ? `${standard(id, version)} (version ${version})` : standard(id, version));
  if (!view.timescales.length) return <p className="govuk-body">No task with a timescale fell due in this period.</p>;
  const f = view.filter;
  const query = { from: f.from, to: f.to, timescale: f.timescaleId, team: f.team, worker: f.worker };
  return (
    <>
      <FiguresTable caption="By timescale" testId="timescale-table" heads={['Timescale', 'Standard']}
        rows={view.timescales.map((t) => ({ key: `${t.timescaleId}@${t.version}`, head: name(t.timescaleId), cells: [label(t.timescaleId, t.version)], figures: t.figures }))} />
      <DownloadLink report="timeliness" table="timescales" query={query} label="the table by timescale" />
      <TimelinessTrend trend={view.trend} />
      <DownloadLink report="timeliness" table="months" query={query} label="the trend by month" />
      <FiguresTable caption="By team" testId="team-table" heads={['Team', 'Timescale', 'Standard']}
        rows={view.byTeam.map((t) => ({ key: `${t.timescaleId}@${t.version}:${t.team}`, head: t.team ? teamName(t.team) : 'No team', cells: [name(t.timescaleId), label(t.timescaleId, t.version)], figures: t.figures }))} />
      <DownloadLink report="timeliness" table="teams" query={query} label="the table by team" />
      <FiguresTable caption="By person" testId="worker-table" heads={['Person', 'Timescale', 'Standard']}
        rows={view.byWorker.map((w) => ({ key: `${w.timescaleId}@${w.version}:${w.worker}`, head: person(w.worker), cells: [name(w.timescaleId), label(w.timescaleId, w.version)], figures: w.figures }))} />
      <DownloadLink report="timeliness" table="people" query={query} label="the table by person" />
    </>
  );
}

export function ReportsPage() {
  const [query, setQuery] = useState<TimelinessQuery>({});
  const [result] = useAsync(() => reportsApi.timeliness(query), [JSON.stringify(query)]);
  return (
    <section>
      <ReportsNav current="timeliness" />
      <h1 className="govuk-heading-l">Timeliness report</h1>
      <p className="govuk-body">
        How many tasks fell due against each timescale, how many were done on time or late (in working days), and how
        many are overdue now. A timescale changed during the period is reported against the version each case used.
      </p>
      {result.state === 'loading' ? <p role="status" className="govuk-body">Loading the report…</p> : null}
      {result.state === 'error' ? <p role="alert" className="govuk-error-message">{result.message}</p> : null}
      {result.state === 'ready' ? (
        <>
          <Filters key={JSON.stringify(query)} view={result.data} query={query} onSubmit={setQuery} />
          <h2 className="govuk-heading-m" data-testid="report-period">
            {monthName(result.data.filter.from)}{result.data.filter.from === result.data.filter.to ? '' : ` to ${monthName(result.data.filter.to)}`}
          </h2>
          <Report view={result.data} />
        </>
      ) : null}
    </section>
  );
}
