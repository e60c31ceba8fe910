// One table of timeliness figures: rows named by the caller (a timescale, a team, a person), the same
// columns everywhere so a reader learns them once.
import type { ReactNode } from 'react';
import { ScrollRegion } from '../../shell/scroll-region';
import type { TimelinessFigures } from './reports-api';
import { lateness, percent } from './report-words';

export interface FiguresRow { key: string; head: ReactNode; cells?: ReactNode[]; figures: TimelinessFigures }

export function FiguresTable({ caption, heads, rows, testId }: { caption: string; heads: string[]; rows: FiguresRow[]; testId: string }) {
  const num = 'govuk-table__header govuk-table__header--numeric';
  const cell = 'govuk-table__cell govuk-table__cell--numeric';
  return (
    <ScrollRegion label={caption}>
      <table className="govuk-table" data-testid={testId}>
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {heads.map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}
            <th scope="col" className={num}>Fell due</th>
            <th scope="col" className={num}>On time</th>
            <th scope="col" className={num}>Late</th>
            <th scope="col" className="govuk-table__header">Late by</th>
            <th scope="col" className={num}>Overdue now</th>
            <th scope="col" className={num}>On time (%)</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr key={r.key} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{r.head}</th>
              {(r.cells ?? []).map((c, i) => <td key={i} className="govuk-table__cell">{c}</td>)}
              <td className={cell}>{r.figures.fellDue}</td>
              <td className={cell}>{r.figures.onTime}</td>
              <td className={cell}>{r.figures.late}</td>
              <td className="govuk-table__cell">{lateness(r.figures)}</td>
              <td className={cell}>{r.figures.overdueNow}</td>
              <td className={cell}>{percent(r.figures)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
