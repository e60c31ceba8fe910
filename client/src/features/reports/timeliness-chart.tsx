// The trend by month as a stacked bar chart (recharts; docs/decisions.md says why) with the same figures in
// a table beside it: the chart is a picture for sighted readers (role="img" with a summary), the table is
// what a screen reader, a keyboard user or a phone reader reads.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimelinessView } from './reports-api';
import { ScrollRegion } from '../../shell/scroll-region';
import { monthName, percent, shortMonthName } from './report-words';

// GOV.UK colours: green, orange (late), red (overdue); with their names in the legend, never colour alone.
const SERIES = [
  { key: 'onTime', name: 'On time', fill: '#00703c' },
  { key: 'late', name: 'Late', fill: '#f47738' },
  { key: 'overdueNow', name: 'Overdue now', fill: '#d4351c' },
] as const;

export function TimelinessTrend({ trend }: { trend: TimelinessView['trend'] }) {
  const data = trend.map((m) => ({ month: shortMonthName(m.month), ...m.figures }));
  const summary = trend.map((m) => `${monthName(m.month)}: ${m.figures.onTime} on time, ${m.figures.late} late, ${m.figures.overdueNow} overdue`).join('; ');
  return (
    <div className="report-trend">
      <div className="report-chart" role="img" aria-label={`Trend by month. ${summary}`}>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tick={{ fontSize: 14 }} />
            <YAxis allowDecimals={false} width={32} tick={{ fontSize: 14 }} />
            <Tooltip />
            <Legend />
            {SERIES.map((s) => <Bar key={s.key} dataKey={s.key} name={s.name} stackId="due" fill={s.fill} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ScrollRegion label="Trend by month, as a table"><table className="govuk-table" data-testid="trend-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Trend by month</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Month</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Fell due</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">On time</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Late</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue now</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">On time (%)</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {trend.map((m) => (
            <tr key={m.month} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{monthName(m.month)}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.figures.fellDue}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.figures.onTime}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.figures.late}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.figures.overdueNow}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{percent(m.figures)}</td>
            </tr>
          ))}
        </tbody>
      </table></ScrollRegion>
    </div>
  );
}
