// The link under a reports table that downloads it as CSV. Taking figures out of the product is recorded
// as a disclosure (the server audits it); the link says what the file holds.
import { exportHref } from './kpi-api';

export function DownloadLink({ report, table, query, label }: { report: 'kpis' | 'timeliness'; table: string; query: object; label: string }) {
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={exportHref(report, table, query)} download>
        Download {label} as a spreadsheet (CSV)
      </a>
    </p>
  );
}
