// The YJB key performance indicators for team managers (their teams; a head of service who manages every
// team sees them all) and for data officers and the DPO (the whole service): the headline figures as a
// chart with their table beside it, then each indicator's measures for all the teams in view and per team,
// the form fields that feed it, and every table as CSV. Counts and rates only — no child. Every read and
// every download is audited on the server.
import { useState, type FormEvent } from 'react';
import { useAsync } from '../forms/use-async';
import { teamName } from '../../shell/format';
import { kpiApi, type KpiQuery, type KpiView } from './kpi-api';
import { KpiSummary } from './kpi-chart';
import { KpiIndicator } from './kpi-table';
import { ReportsNav } from './reports-nav';
import { ReportSelect as Select } from './report-select';
import { monthName, recentMonths } from './report-words';

const MONTHS = recentMonths(new Date()).map((m) => ({ value: m, label: monthName(m) }));

function Filters({ view, onSubmit }: { view: KpiView; onSubmit(q: KpiQuery): void }) {
  const [draft, setDraft] = useState<KpiQuery>({ ...view.filter });
  const set = (k: keyof KpiQuery) => (v: string) => setDraft({ ...draft, [k]: v || undefined });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(draft);
  };
  return (
    <form onSubmit={submit} aria-label="Choose what the indicators cover">
      <Select id="kpi-team" label="Team" value={draft.team ?? ''} onChange={set('team')}
        options={[{ value: '', label: view.scope === 'service' ? 'All teams' : 'All your teams' }, ...view.options.teams.map((t) => ({ value: t, label: teamName(t) }))]} />
      <Select id="kpi-from" label="From" value={draft.from ?? ''} onChange={set('from')} options={MONTHS} />
      <Select id="kpi-to" label="To" value={draft.to ?? ''} onChange={set('to')} options={MONTHS} />
      <button type="submit" className="govuk-button">Show indicators</button>
    </form>
  );
}

export function KpiPage() {
  const [query, setQuery] = useState<KpiQuery>({});
  const [result] = useAsync(() => kpiApi.kpis(query), [JSON.stringify(query)]);
  return (
    <section>
      <ReportsNav current="kpis" />
      <h1 className="govuk-heading-l">Key performance indicators</h1>
      <p className="govuk-body">
        The Youth Justice Board&apos;s key performance indicators in force since April 2023, with first-time entrants and
        the use of custody, worked out from the answers recorded on the forms. Each indicator says whom it counts and
        which form fields feed it. Answers not recorded are counted apart and left out of the per cent.
      </p>
      {result.state === 'loading' ? <p role="status" className="govuk-body">Loading the indicators…</p> : null}
      {result.state === 'error' ? <p role="alert" className="govuk-error-message">{result.message}</p> : null}
      {result.state === 'ready' ? (
        <>
          <Filters key={JSON.stringify(result.data.filter)} view={result.data} onSubmit={setQuery} />
          <h2 className="govuk-heading-m" data-testid="kpi-period">
            {monthName(result.data.filter.from)}{result.data.filter.from === result.data.filter.to ? '' : ` to ${monthName(result.data.filter.to)}`}
            {result.data.filter.team ? `, ${teamName(result.data.filter.team)}` : ''}
          </h2>
          <KpiSummary view={result.data} />
          {result.data.definitions.map((d) => <KpiIndicator key={d.id} view={result.data} definition={d} query={result.data.filter} />)}
        </>
      ) : null}
    </section>
  );
}
