// A reports table as a CSV file. Taking figures out of the product is a disclosure, so it is audited as
// one (`report.disclose`: which report and table, the period, the teams, how many rows) in place of the
// read the page's view records. The figures are the page's own — the same use cases build them, with
// the same scope — so a file never says more than the reader could see: counts and rates, staff by name,
// no child.
import type { Actor } from '../cases/case-access';
import { auditActor } from '../cases/case-access';
import { NotFoundError } from '../../domain/errors';
import { toCsv } from '../../domain/reports/report-csv';
import { getKpiReport, type KpiDeps, type KpiQuery } from './get-kpi-report';
import { getTimelinessReport, type TimelinessDeps, type TimelinessQuery } from './get-timeliness-report';
import { kpiTable, timelinessTable, type ReportTable, type TimelinessTable } from './report-tables';
import { teamWords } from '../../domain/teams/teams-in-force';

export type ExportRequest =
  | { report: 'timeliness'; table: TimelinessTable; query: TimelinessQuery }
  | { report: 'kpis'; table: string; query: KpiQuery };

export interface ExportedCsv { filename: string; csv: string; rows: number }

/** A team's name in the directory ("North team"), as the pages show it. */
const teamOrNone = (team: string | null) => (team ? teamWords(team) : 'No team');

export async function exportReportCsv(deps: TimelinessDeps & KpiDeps, actor: Actor, req: ExportRequest): Promise<ExportedCsv> {
  const quiet = { ...deps, audit: { record: async () => undefined as never } };
  let table: ReportTable | undefined;
  let filter: Record<string, unknown>;
  if (req.report === 'timeliness') {
    const view = await getTimelinessReport(quiet, actor, req.query);
    table = timelinessTable(view, req.table, teamOrNone);
    filter = { ...view.filter };
  } else {
    const view = await getKpiReport(quiet, actor, req.query);
    table = kpiTable(view, req.table, teamOrNone);
    filter = { ...view.filter };
  }
  if (!table) throw new NotFoundError(`There is no table called ${req.table} in this report`, 'REPORT_TABLE_NOT_FOUND');
  await deps.audit.record({
    actor: auditActor(actor), action: 'report.disclose', recordType: 'report', recordId: `${req.report}/${req.table}`,
    after: { ...filter, rows: table.rows.length, format: 'csv' },
  });
  const period = filter.from === filter.to ? String(filter.from) : `${filter.from}-to-${filter.to}`;
  return { filename: `${req.report}-${req.table}-${period}.csv`, csv: toCsv(table.head, table.rows), rows: table.rows.length };
}
