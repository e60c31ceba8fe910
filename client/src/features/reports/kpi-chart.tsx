// The headline figure of each indicator as a horizontal bar chart of per cents (recharts, as the
// timeliness trend), with the same figures in a table beside it: the chart is a picture for sighted
// readers (role="img" with a summary), the table is what a screen reader, a keyboard or a phone reads.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ScrollRegion } from '../../shell/scroll-region';
import type { KpiView } from './kpi-api';
import { measurePercent } from './kpi-words';

export interface Headline { id: string; name: string; measure: string; count: number; of: number | null; percent: number | null }

export function headlines(view: KpiView): Headline[] {
  return view.indicators.flatMap((i) => {
    const m = i.measures.find((x) => x.id === i.headline);
    const name = view.definitions.find((d) => d.id === i.id)?.name ?? i.id;
    return m ? [{ id: i.id, name, measure: m.label, count: m.count, of: m.of, percent: m.percent }] : [];
  });
}

export function KpiSummary({ view }: { view: KpiView }) {
  const rows = headlines(view);
  const data = rows.map((r) => ({ name: r.name, percent: r.percent ?? 0 }));
  const summary = rows.map((r) => `${r.name}: ${r.percent === null ? 'no one to count' : `${r.percent}%`}`).join('; ');
  return (
    <div>
      <div role="img" aria-label={`Headline figures, per cent. ${summary}`}>
        {/* 60 px a bar: the longest indicator names wrap to three lines beside their bar without overlapping. */}
        <ResponsiveContainer width="100%" height={rows.length * 60 + 40}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 14 }} />
            <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 13 }} />
            <Tooltip formatter={(v) => `${v}%`} />
            <Bar dataKey="percent" name="Per cent" fill="#1d70b8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ScrollRegion label="Headline figures, as a table">
        <table className="govuk-table" data-testid="kpi-summary-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Headline figures</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Indicator</th>
              <th scope="col" className="govuk-table__header">Measure</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Count</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Per cent</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r) => (
              <tr key={r.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{r.name}</th>
                <td className="govuk-table__cell">{r.measure}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.of === null ? r.count : `${r.count} of ${r.of}`}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{measurePercent(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
