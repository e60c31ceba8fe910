// One indicator: who it counts, its measures for all the teams in view and for each team, the form fields
// that feed it, and its table as CSV. An indicator the product has no data for says why instead.
import { teamName } from '../../shell/format';
import { ScrollRegion } from '../../shell/scroll-region';
import type { KpiFigures, KpiQuery, KpiView } from './kpi-api';
import { DownloadLink } from './report-download';
import { measureCount, measurePercent } from './kpi-words';

type Definition = KpiView['definitions'][number];

function Sources({ definition }: { definition: Definition }) {
  if (!definition.sources.length) return null;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Which form fields feed this indicator</span></summary>
      <div className="govuk-details__text">
        <dl className="kpi-sources" data-testid={`kpi-sources-${definition.id}`}>
          {definition.sources.map((s) => (
            <div key={s.formId}>
              <dt>{s.form}</dt>
              <dd>{s.fields.map((f) => f.label).join('; ')}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

export function KpiIndicator({ view, definition, query }: { view: KpiView; definition: Definition; query: KpiQuery }) {
  const headingId = `kpi-${definition.id}`;
  const all = view.indicators.find((i) => i.id === definition.id);
  const rows: { team: string; figures: KpiFigures | undefined }[] = [
    { team: view.scope === 'service' && !view.filter.team ? 'All teams' : 'All teams in view', figures: all },
    ...view.byTeam.map((t) => ({ team: t.team ? teamName(t.team) : 'No team', figures: t.indicators.find((i) => i.id === definition.id) })),
  ];
  return (
    <section aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>{definition.name}</h2>
      <p className="govuk-body">{definition.cohort}.</p>
      {definition.unavailable ? <div className="govuk-inset-text">{definition.unavailable}</div> : (
        <>
          <ScrollRegion label={`${definition.name}, as a table`}>
            <table className="govuk-table" data-testid={`kpi-table-${definition.id}`}>
              <caption className="govuk-visually-hidden">{definition.name}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Team</th>
                  <th scope="col" className="govuk-table__header">Measure</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Count</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Per cent</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Not recorded</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.flatMap((r) => (r.figures?.measures ?? []).map((m, i) => (
                  <tr key={`${r.team}:${m.id}`} className="govuk-table__row">
                    {i === 0 ? <th scope="row" rowSpan={r.figures!.measures.length} className="govuk-table__header">{r.team} ({r.figures!.cohort} in all)</th> : null}
                    <td className="govuk-table__cell">{m.label}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{measureCount(m)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{measurePercent(m)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{m.notRecorded ?? 0}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </ScrollRegion>
          <DownloadLink report="kpis" table={definition.id} query={query} label={`the ${definition.name.toLowerCase()} table`} />
        </>
      )}
      <Sources definition={definition} />
    </section>
  );
}
