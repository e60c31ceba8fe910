// What an import did, row by row: matched rows with how many changes they propose (a child of another team
// is said to be matched, without a link), unmatched rows with the reason to follow up.
import { Link } from 'react-router-dom';
import { ScrollRegion } from '../../shell/scroll-region';
import type { SchoolImportResult } from './schools-api';

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ImportResults({ result }: { result: SchoolImportResult }) {
  const unmatched = result.results.filter((r) => !r.matched).length;
  return (
    <section aria-labelledby="import-result" className="govuk-!-margin-top-6">
      <div className="govuk-panel govuk-panel--confirmation" role="status">
        <h2 className="govuk-panel__title govuk-!-font-size-27" id="import-result">File imported</h2>
        <div className="govuk-panel__body govuk-!-font-size-19">
          {counted(result.rows, 'row', 'rows')} from {result.school}: {counted(result.proposals, 'change', 'changes')} proposed for review, {unmatched} not matched
        </div>
      </div>
      <ScrollRegion label="Rows of the file">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Rows of {result.fileName}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">{['Row', 'Child', 'Result'].map((h) => <th key={h} scope="col" className="govuk-table__header">{h}</th>)}</tr>
          </thead>
          <tbody className="govuk-table__body">
            {result.results.map((r) => (
              <tr key={r.row} className="govuk-table__row">
                <td className="govuk-table__cell">{r.row}</td>
                <td className="govuk-table__cell">{r.caseId ? <Link className="govuk-link" to={`/cases/${encodeURIComponent(r.caseId)}`}>{r.child}</Link> : r.child}</td>
                <td className="govuk-table__cell">
                  {r.matched
                    ? <><strong className="govuk-tag govuk-tag--green">Matched</strong> {r.proposals ? counted(r.proposals, 'change proposed', 'changes proposed') : r.reason}{!r.caseId && ' (a child of another team: their team reviews it)'}</>
                    : <><strong className="govuk-tag govuk-tag--yellow">Not matched</strong> {r.reason}</>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
